/**
 * Some checks need Java (the Nu Html Checker) or Chromium. Without them a
 * newcomer's `npm test` still passes, but says loudly what it skipped and
 * how to enable it; under MASTHEAD_TEST_REQUIRE_ALL=1 (CI) a missing tool fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const REQUIRE_ALL = process.env.MASTHEAD_TEST_REQUIRE_ALL === '1';
export const CHROMIUM_PATH = process.env.MASTHEAD_CHROMIUM ?? '/usr/bin/chromium';

function javaWorks(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function xmllintWorks(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const tools = {
  java: { available: javaWorks(), install: 'apt-get install default-jre-headless' },
  chromium: { available: existsSync(CHROMIUM_PATH), install: 'apt-get install chromium (or set MASTHEAD_CHROMIUM to a Chromium binary)' },
  xmllint: { available: xmllintWorks(), install: 'apt-get install libxml2-utils' },
};

/** True when the suite should be skipped; throws instead when every check is required. */
export function skipWithout(tool: keyof typeof tools, what: string): boolean {
  const t = tools[tool];
  if (t.available) return false;
  const message = `${what} needs ${tool}, which is not installed. Install it with \`${t.install}\` to run these checks.`;
  if (REQUIRE_ALL) throw new Error(`MASTHEAD_TEST_REQUIRE_ALL=1: ${message}`);
  const banner = '!'.repeat(78);
  console.warn(`\n${banner}\nSKIPPED: ${message}\n${banner}\n`);
  return true;
}
