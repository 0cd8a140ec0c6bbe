/**
 * Checks XML with libxml2's xmllint, a strict parser: well-formedness always,
 * and validity against an XSD when one is named. Offline (--nonet): the
 * schemas are in test/fixtures/xsd.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';

export const XSD_DIR = fileURLToPath(new URL('../fixtures/xsd/', import.meta.url));

export const SCHEMAS = {
  /** A <sitemapindex>. */
  index: path.join(XSD_DIR, 'siteindex.xsd'),
  /** A <urlset>, with Google's news, image and video extensions. */
  urlset: path.join(XSD_DIR, 'sitemap-all.xsd'),
};

export interface LintResult {
  ok: boolean;
  errors: string;
}

export function xmllint(xml: string, schema?: string): LintResult {
  const args = ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), '-'];
  const run = spawnSync('xmllint', args, { input: xml, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return { ok: run.status === 0, errors: run.stderr };
}

/** Parses XML (already checked strictly by xmllint) for reading values; prefixes stay in tag names (`content\\:encoded`). */
export function loadXml(xml: string): cheerio.CheerioAPI {
  return cheerio.load(xml, { xml: true });
}

/** What an HTML reader shows for a piece of HTML-escaped text. */
export function htmlText(html: string): string {
  return cheerio.load(`<p>${html}</p>`)('p').text();
}
