/**
 * The round-up as mail: MJML compiled to table-based HTML with inline CSS
 * (what Gmail, Outlook and Apple Mail agree on) and a plain-text twin. MJML
 * is markup, so every piece of content is escaped here before it goes in.
 *
 * An issue is rendered once per send; the per-reader links go in afterwards
 * by `personalize`, a string replacement (rendering 100,000 times would not).
 */
import mjml2html from 'mjml';
import type { SiteSettings } from '../../domain/content/model.js';
import { groupRoundUp } from '../../domain/newsletter/round-up.js';
import { escapeXmlAttr } from '../../lib/xml.js';
import type { Issue } from './compose.js';

export interface RenderedIssue {
  html: string;
  text: string;
}

export interface ReaderLinks {
  unsubscribe: string;
  preferences: string;
}

const UNSUBSCRIBE = '__MASTHEAD_UNSUBSCRIBE_URL__';
const PREFERENCES = '__MASTHEAD_PREFERENCES_URL__';
/** Where a reader's own links go in a rendered issue (`personalize` fills them; bulk mail splits the HTML around them). */
export const READER_LINK_PLACEHOLDERS: Record<keyof ReaderLinks, string> = { unsubscribe: UNSUBSCRIBE, preferences: PREFERENCES };

const esc = escapeXmlAttr;

export function archiveUrl(publicUrl: string, slug: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/newsletter/archive/${encodeURIComponent(slug)}`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function mjmlOf(issue: Issue, settings: Pick<SiteSettings, 'title' | 'language' | 'colors'>, publicUrl: string, footer: boolean): string {
  const accent = esc(settings.colors.accent);
  const groups = groupRoundUp(issue.items);
  const text = (content: string, attrs = '') => `<mj-text${attrs}>${content}</mj-text>`;
  const parts: string[] = [];
  parts.push(
    `<mj-section><mj-column>${text(`<a href="${esc(publicUrl)}" style="color:${accent};text-decoration:none">${esc(settings.title)}</a>`, ' font-size="24px" font-weight="bold"')}${text(esc(issue.subject), ' font-size="18px"')}</mj-column></mj-section>`,
  );
  const intro = paragraphs(issue.intro);
  if (intro.length > 0) parts.push(`<mj-section><mj-column>${intro.map((p) => text(esc(p))).join('')}</mj-column></mj-section>`);
  for (const section of groups.sections) {
    const cards = section.articles
      .map(
        (a) =>
          (a.imageUrl ? `<mj-image src="${esc(a.imageUrl)}" alt="${esc(a.imageAlt ?? '')}" href="${esc(a.url)}" />` : '') +
          text(`<a href="${esc(a.url)}" style="color:#111111;font-weight:bold;font-size:17px">${esc(a.headline)}</a>`) +
          (a.dek ? text(esc(a.dek), ' color="#444444"') : ''),
      )
      .join('<mj-divider border-width="1px" border-color="#dddddd" />');
    parts.push(
      `<mj-section><mj-column>${text(esc(section.name.toUpperCase()), ` color="${accent}" font-size="13px" font-weight="bold"`)}${cards}</mj-column></mj-section>`,
    );
  }
  if (groups.briefs.length > 0) {
    const list = groups.briefs
      .map((b) => text(`<a href="${esc(b.url)}" style="color:#111111;font-weight:bold">${esc(b.headline)}</a> ${esc(b.take)}`))
      .join('');
    parts.push(
      `<mj-section><mj-column>${text('BRIEFS', ` color="${accent}" font-size="13px" font-weight="bold"`)}${list}</mj-column></mj-section>`,
    );
  }
  if (groups.corrections.length > 0) {
    const list = groups.corrections
      .map((c) => text(`<a href="${esc(c.url)}" style="color:#111111">${esc(c.headline)}</a>: ${esc(c.text)}`))
      .join('');
    parts.push(
      `<mj-section><mj-column>${text('CORRECTIONS AND UPDATES', ` color="${accent}" font-size="13px" font-weight="bold"`)}${list}</mj-column></mj-section>`,
    );
  }
  const archive = archiveUrl(publicUrl, issue.slug);
  const links = footer
    ? `<a href="${archive}">Read it on the web</a> · <a href="${PREFERENCES}">Preferences</a> · <a href="${UNSUBSCRIBE}">Unsubscribe</a>`
    : `<a href="${archive}">Permanent link</a>`;
  parts.push(
    `<mj-section><mj-column>${text(`${esc(settings.title)} · ${links}`, ' font-size="12px" color="#666666"')}</mj-column></mj-section>`,
  );
  return `<mjml lang="${esc(settings.language)}"><mj-head><mj-title>${esc(issue.subject)}</mj-title><mj-preview>${esc(intro[0] ?? issue.subject)}</mj-preview><mj-attributes><mj-all font-family="Georgia, 'Times New Roman', serif" /><mj-text font-size="16px" line-height="1.5" /></mj-attributes></mj-head><mj-body background-color="#f4f4f4"><mj-wrapper background-color="#ffffff">${parts.join('')}</mj-wrapper></mj-body></mjml>`;
}

function textOf(issue: Issue, settings: Pick<SiteSettings, 'title'>, publicUrl: string, footer: boolean): string {
  const groups = groupRoundUp(issue.items);
  const out: string[] = [settings.title, issue.subject, ''];
  for (const p of paragraphs(issue.intro)) out.push(p, '');
  for (const section of groups.sections) {
    out.push(section.name.toUpperCase(), '');
    for (const a of section.articles) out.push(a.headline, ...(a.dek ? [a.dek] : []), a.url, '');
  }
  if (groups.briefs.length > 0) {
    out.push('BRIEFS', '');
    for (const b of groups.briefs) out.push(`${b.headline}: ${b.take}`, b.url, '');
  }
  if (groups.corrections.length > 0) {
    out.push('CORRECTIONS AND UPDATES', '');
    for (const c of groups.corrections) out.push(`${c.headline}: ${c.text}`, c.url, '');
  }
  out.push('--', `Read it on the web: ${archiveUrl(publicUrl, issue.slug)}`);
  if (footer) out.push(`Preferences: ${PREFERENCES}`, `Unsubscribe: ${UNSUBSCRIBE}`);
  return out.join('\n');
}

/**
 * The issue as mail (`forMail`: with the reader's footer links still as
 * placeholders for `personalize`) or as the web archive's body (no footer links).
 */
export async function renderIssue(input: {
  issue: Issue;
  settings: Pick<SiteSettings, 'title' | 'language' | 'colors'>;
  publicUrl: string;
  forMail?: boolean;
}): Promise<RenderedIssue> {
  const publicUrl = input.publicUrl.replace(/\/+$/, '');
  const forMail = input.forMail ?? true;
  const result = await mjml2html(mjmlOf(input.issue, input.settings, publicUrl, forMail), { validationLevel: 'soft', minify: false });
  // MJML indents deeply; the indentation is a third of the bytes and means nothing (no <pre> here).
  return { html: result.html.replace(/\n[ \t]+/g, '\n'), text: textOf(input.issue, input.settings, publicUrl, forMail) };
}

/** One reader's copy: their own unsubscribe and preferences links in place of the placeholders. */
export function personalize(rendered: RenderedIssue, links: ReaderLinks): RenderedIssue {
  const swap = (s: string, attr: boolean) =>
    s
      .replaceAll(UNSUBSCRIBE, attr ? esc(links.unsubscribe) : links.unsubscribe)
      .replaceAll(PREFERENCES, attr ? esc(links.preferences) : links.preferences);
  return { html: swap(rendered.html, true), text: swap(rendered.text, false) };
}
