/** The editor app with axe-core, and by keyboard: every screen a newsroom uses. */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/accounts.js';
import { findArticleBySlug } from '../../src/storage/repositories/articles.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium } from '../helpers/browser.js';
import { skipWithout } from '../helpers/requirements.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

describe.skipIf(skipWithout('chromium', 'Accessibility checks of the editor app'))('editor app accessibility', () => {
  let site: TestSite;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    site = await createTestSite('sqlite', { baseUrl: 'http://127.0.0.1' });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
    await createUser(site.deps, { actor: null, email: 'admin@example.org', name: 'Ada Admin', role: 'admin', password: 'admin-password' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations on any screen (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1300, height: 900 } });
      const page = await context.newPage();
      const found: string[] = [];
      await page.goto(`${origin}/admin`);
      await page.getByLabel('Email').waitFor();
      found.push(...(await seriousViolations(page, 'sign-in')));

      // Signing in by keyboard alone.
      await page.getByLabel('Email').focus();
      await page.keyboard.type('admin@example.org');
      await page.keyboard.press('Tab');
      await page.keyboard.type('admin-password');
      await page.keyboard.press('Enter');
      await page.locator('table.article-table').waitFor();
      found.push(...(await seriousViolations(page, 'article list')));

      const article = await findArticleBySlug(site.deps.db, 'the-lead-story');
      await page.goto(`${origin}/admin#/articles/${article!.id}`);
      await page.locator('.body-editor').waitFor();
      await page.locator('.workflow .revisions, .workflow .log').first().waitFor();
      found.push(...(await seriousViolations(page, 'article editor')));

      await page.getByRole('button', { name: 'Picture', exact: true }).click();
      await page.locator('dialog.media-picker').waitFor();
      found.push(...(await seriousViolations(page, 'media picker')));
      await page.keyboard.press('Escape');

      await page.goto(`${origin}/admin#/desk`);
      await page.getByRole('heading', { name: 'Sections, topics and authors' }).waitFor();
      found.push(...(await seriousViolations(page, 'desk')));
      await page.goto(`${origin}/admin#/staff`);
      await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
      found.push(...(await seriousViolations(page, 'staff')));
      await page.goto(`${origin}/admin#/settings`);
      await page.getByRole('heading', { name: 'Publication' }).waitFor();
      await page.getByRole('heading', { name: 'Mail' }).waitFor();
      found.push(...(await seriousViolations(page, 'settings')));
      await page.goto(`${origin}/admin#/api-keys`);
      await page.getByRole('heading', { name: 'Keys', exact: true }).waitFor();
      found.push(...(await seriousViolations(page, 'API keys')));
      await page.goto(`${origin}/admin#/webhooks`);
      await page.getByRole('heading', { name: 'Registered' }).waitFor();
      found.push(...(await seriousViolations(page, 'webhooks')));
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('formats the body from the keyboard: the toolbar is reachable and its buttons say what they do', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/admin`);
    await page.getByLabel('Email').fill('admin@example.org');
    await page.getByLabel('Password').fill('admin-password');
    await page.getByLabel('Password').press('Enter');
    await page.locator('table.article-table').waitFor();
    const article = await findArticleBySlug(site.deps.db, 'asia-second');
    await page.goto(`${origin}/admin#/articles/${article!.id}`);
    const body = page.locator('.body-editor');
    await body.waitFor();
    await body.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A subhead typed by keyboard');
    const subhead = page.getByRole('button', { name: 'H2: Subhead', exact: true });
    await subhead.focus();
    await page.keyboard.press('Enter');
    await expect(body.locator('h2', { hasText: 'A subhead typed by keyboard' }).count()).resolves.toBe(1);
    await expect(subhead.getAttribute('aria-pressed')).resolves.toBe('true');
    await context.close();
  });
});
