/**
 * An administrator's screens in Chromium: the site title changed in Settings
 * shows on the reader's home page; a Content API key made on the API keys
 * screen works until it is revoked; a webhook registered to a local receiver
 * (allowed by this test's own policy) logs its delivery after a publish.
 * axe checks the three screens.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { findAuthorBySlug } from '../../src/storage/repositories/authors.js';
import { findArticleTypeBySlug, findSectionBySlug } from '../../src/storage/repositories/taxonomy.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium } from '../helpers/browser.js';
import { skipWithout } from '../helpers/requirements.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const ADMIN = '/api/admin/v1';
const EMAIL = 'ada@example.org';
const PASSWORD = 'administrator-pass';

describe.skipIf(skipWithout('chromium', 'The administrator’s settings, API keys and webhooks screens'))(
  'settings, API keys and webhooks in the editor app',
  () => {
    let site: TestSite;
    let origin: string;
    let browser: Browser;
    let runner: JobRunner;
    let receiver: Server;
    let receiverUrl: string;
    const received: string[] = [];
    // This test's own policy: the local receiver is allowed, as MASTHEAD_WEBHOOKS_ALLOW_PRIVATE=1 would.
    const webhookPolicy = { allowPrivate: true };

    beforeAll(async () => {
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          received.push(body);
          res.writeHead(200, { 'content-type': 'text/plain' }).end('received, thank you');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      site = await createTestSite('sqlite', { baseUrl: 'http://127.0.0.1', webhookPolicy });
      await site.app.listen({ port: 0, host: '127.0.0.1' });
      origin = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
      runner = createJobRunner({ db: site.deps.db, clock: site.deps.clock, handlers: jobHandlers({ ...site.deps, webhookPolicy }) });
      await createUser(site.deps, { actor: null, email: EMAIL, name: 'Ada Admin', role: 'admin', password: PASSWORD });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await runner?.stop();
      await browser?.close();
      await site?.close();
      receiver?.closeAllConnections();
      await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    });

    async function signIn(): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${origin}/admin`);
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Articles' }).waitFor();
      return page;
    }

    /** Publishes a piece through the Admin API, as another administrator's tab would. */
    async function publishSomething(): Promise<void> {
      const session = await site.app.inject({ method: 'POST', url: `${ADMIN}/session`, payload: { email: EMAIL, password: PASSWORD } });
      const headers = {
        cookie: `masthead_session=${session.cookies.find((c) => c.name === 'masthead_session')!.value}`,
        'x-csrf-token': (session.json() as { csrfToken: string }).csrfToken,
      };
      const [section, type, author] = await Promise.all([
        findSectionBySlug(site.deps.db, 'europe'),
        findArticleTypeBySlug(site.deps.db, 'news'),
        findAuthorBySlug(site.deps.db, 'anna-berg'),
      ]);
      const created = await site.app.inject({
        method: 'POST',
        url: `${ADMIN}/articles`,
        headers,
        payload: {
          sectionId: section!.id,
          typeId: type!.id,
          headline: 'Harbour fees rise',
          authorIds: [author!.id],
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council voted.' }] }] },
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = (created.json() as { article: { id: string } }).article;
      const published = await site.app.inject({
        method: 'POST',
        url: `${ADMIN}/articles/${id}/workflow`,
        headers,
        payload: { action: 'publish' },
      });
      expect(published.statusCode, published.body).toBe(200);
    }

    it('changes the title, makes and revokes a key, and logs a webhook delivery', async () => {
      const page = await signIn();
      const violations: string[] = [];

      // Settings: a bad language tag is named beside its field; a good one saves, and the home page shows the title.
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await page.getByLabel('Title', { exact: true }).waitFor();
      violations.push(...(await seriousViolations(page, 'settings')));
      await page.getByLabel('Title', { exact: true }).fill('The Harbour Review');
      await page.getByLabel('Language', { exact: true }).fill('English');
      await page.getByRole('button', { name: 'Save settings' }).click();
      const language = page.getByLabel('Language', { exact: true });
      await page.locator('.field-error', { hasText: 'A language tag such as en or en-GB' }).waitFor();
      expect(await language.getAttribute('aria-invalid')).toBe('true');
      expect(await (await fetch(`${origin}/`)).text()).not.toContain('The Harbour Review');
      await language.fill('en-GB');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
      expect(await language.getAttribute('aria-invalid')).toBeNull();
      expect(await (await fetch(`${origin}/`)).text()).toContain('The Harbour Review');
      // The mail settings say where mail goes.
      await page.getByText('No SMTP server is set').waitFor();
      violations.push(...(await seriousViolations(page, 'settings after saving')));

      // API keys: the key is shown once, works, and answers 401 once revoked.
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.getByRole('heading', { name: 'Content API keys' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Partner app');
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = page.locator('.secret-value');
      await secret.waitFor();
      const key = await secret.inputValue();
      expect(key).toMatch(/^mh_/);
      await page.getByRole('button', { name: 'Copy' }).click();
      await page
        .locator('.secret-once [role=status]')
        .filter({ hasText: /Copied|Selected/ })
        .waitFor();
      await page
        .getByRole('row', { name: /Partner app/ })
        .getByText('Live')
        .waitFor();
      violations.push(...(await seriousViolations(page, 'API keys')));
      const articles = `${origin}/api/content/v1/articles?key=${encodeURIComponent(key)}`;
      expect((await fetch(articles)).status).toBe(200);
      await page.getByRole('button', { name: 'Done' }).click();
      expect(await page.locator('.secret-value').count()).toBe(0);
      expect(await page.content()).not.toContain(key);
      await page.getByRole('button', { name: 'Revoke Partner app' }).click();
      await page
        .getByRole('row', { name: /Partner app/ })
        .getByText(/^Revoked/)
        .waitFor();
      expect((await fetch(articles)).status).toBe(401);

      // Webhooks: a refused URL is named beside its field; the local receiver is registered and its delivery logged.
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await page.getByLabel('URL', { exact: true }).fill('ftp://example.com/hooks');
      await page.getByRole('button', { name: 'Register webhook' }).click();
      await page.locator('.field-error', { hasText: 'only http and https URLs' }).waitFor();
      await page.getByLabel('URL', { exact: true }).fill(receiverUrl);
      await page.getByLabel('Description').fill('Partner newsroom');
      expect(await page.getByLabel('Article published').isChecked()).toBe(true);
      await page.getByLabel('Article corrected').check();
      await page.getByRole('button', { name: 'Register webhook' }).click();
      expect(await page.locator('.secret-value').inputValue()).toMatch(/^whsec_/);
      await page.getByRole('row', { name: new RegExp(receiverUrl) }).waitFor();
      violations.push(...(await seriousViolations(page, 'webhooks')));

      await publishSomething();
      expect(await runner.runDue()).toBeGreaterThanOrEqual(1);
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('"article.published"');
      await page.getByRole('button', { name: 'Deliveries' }).click();
      const log = page.locator('.delivery-log');
      await log.getByRole('cell', { name: 'HTTP 200' }).waitFor();
      await log.getByRole('cell', { name: 'article.published' }).waitFor();
      await log.getByRole('cell', { name: 'received, thank you' }).waitFor();
      violations.push(...(await seriousViolations(page, 'webhooks with the log')));

      expect(violations).toEqual([]);
    });
  },
);
