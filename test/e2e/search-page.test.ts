/**
 * The search page in the Nu Html Checker and in Chromium: valid HTML for the
 * form, results and error states; no serious axe-core findings; and the
 * header's search form works from the keyboard with JavaScript off.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium } from '../helpers/browser.js';
import { startDemoSite } from '../helpers/demo-site.js';
import { skipWithout } from '../helpers/requirements.js';
import type { TestSite } from '../helpers/site.js';

const run = promisify(execFile);

const PAGES = {
  form: '/search',
  results: '/search?q=harbour',
  filtered: '/search?q=grain&section=europe&from=2000-01-01',
  phrase: '/search?q=%22offshore+wind%22+-mekong',
  none: '/search?q=%22%27%3B+drop+table',
  error: '/search?q=harbour&section=narnia',
};

describe('the search page', () => {
  let site: TestSite;
  let origin: string;
  beforeAll(async () => {
    ({ site, origin } = await startDemoSite());
  });
  afterAll(async () => {
    await site?.close();
  });

  describe.skipIf(skipWithout('java', 'HTML validation of the search page'))('in the Nu Html Checker', () => {
    it('finds no errors on the form, results, no-results and error pages', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'masthead-vnu-search-'));
      try {
        const files: string[] = [];
        for (const [name, url] of Object.entries(PAGES)) {
          const res = await site.app.inject({ url });
          expect(res.statusCode, url).toBe(name === 'error' ? 400 : 200);
          const file = path.join(dir, `${name}.html`);
          await writeFile(file, res.body);
          files.push(file);
        }
        let output: string;
        try {
          const vnu = createRequire(import.meta.url)('vnu-jar') as string;
          const result = await run('java', ['-Xss4m', '-jar', vnu, '--format', 'json', '--errors-only', ...files], {
            maxBuffer: 16 * 1024 * 1024,
          });
          output = result.stderr || result.stdout;
        } catch (error) {
          output = (error as { stderr?: string }).stderr ?? '';
        }
        const messages = (
          JSON.parse(output || '{"messages":[]}') as { messages: { type: string; message: string; url: string; extract?: string }[] }
        ).messages;
        expect(messages.filter((m) => m.type === 'error').map((m) => `${path.basename(m.url)}: ${m.message} [${m.extract ?? ''}]`)).toEqual(
          [],
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe.skipIf(skipWithout('chromium', 'Browser checks of the search page'))('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`has no serious or critical axe-core violations in ${scheme} mode`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
        const found: string[] = [];
        for (const url of Object.values(PAGES)) {
          const page = await context.newPage();
          await page.goto(origin + url);
          found.push(...(await seriousViolations(page, url)));
          await page.close();
        }
        await context.close();
        expect(found).toEqual([]);
      });
    }

    it('searches from the header by keyboard with JavaScript off, and shows highlighted results', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await page.getByRole('searchbox', { name: /^Search / }).fill('harbour');
      await Promise.all([page.waitForURL(/\/search\?q=harbour$/), page.keyboard.press('Enter')]);
      await expect(page.locator('.search-summary').textContent()).resolves.toMatch(/results? for “harbour”/);
      expect(await page.locator('.search-result .snippet mark').count()).toBeGreaterThan(0);
      await expect(page.locator('#search-q').inputValue()).resolves.toBe('harbour');
      await context.close();
    });
  });
});
