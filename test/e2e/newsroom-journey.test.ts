/**
 * The newsroom's whole journey in Chromium, through the editor app: a
 * contributor writes a piece with a block quote and an uploaded picture and
 * submits it; an editor comments; the contributor revises; the editor approves
 * and schedules it a minute ahead; when due it is on the home page, its
 * section and the latest river; the editor appends a correction.
 * The server's clock is ours to move, so "a minute later" takes no minute.
 */
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { launchChromium } from '../helpers/browser.js';
import { skipWithout } from '../helpers/requirements.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

describe.skipIf(skipWithout('chromium', 'The newsroom journey in the editor app'))('newsroom journey in the editor app', () => {
  let site: TestSite;
  let origin: string;
  let browser: Browser;
  let runner: JobRunner;
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);

  beforeAll(async () => {
    site = await createTestSite('sqlite', { clock, baseUrl: 'http://127.0.0.1' });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
    runner = createJobRunner({ db: site.deps.db, clock, handlers: jobHandlers(site.deps) });
    await createUser(site.deps, {
      actor: null,
      email: 'cora@example.org',
      name: 'Cora Contributor',
      role: 'contributor',
      password: 'contributor-pass',
    });
    await createUser(site.deps, { actor: null, email: 'ed@example.org', name: 'Ed Editor', role: 'editor', password: 'editor-password' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await runner?.stop();
    await browser?.close();
    await site?.close();
  });

  async function signIn(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${origin}/admin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    return page;
  }

  /** Answers the next window.prompt with `value`. */
  function answerPrompt(page: Page, value: string): void {
    page.once('dialog', (dialog) => void dialog.accept(value));
  }

  async function waitSaved(page: Page): Promise<void> {
    await page.locator('.save-state', { hasText: 'Saved · version' }).waitFor({ timeout: 15_000 });
  }

  it('goes from a contributor’s draft to a corrected article on the site', async () => {
    // The contributor writes.
    const cora = await signIn('cora@example.org', 'contributor-pass');
    await cora.getByRole('button', { name: 'New article' }).click();
    await cora.locator('.body-editor').waitFor();
    const articleUrl = cora.url();
    await cora.getByLabel('Kicker', { exact: true }).fill('Tidal politics');
    await cora.getByLabel('Headline', { exact: true }).fill('A harbour votes on its own tides');
    await cora.getByLabel('Dek', { exact: true }).fill('The first draft of the dek.');
    await cora.getByLabel('Slug', { exact: true }).fill('a-harbour-votes-on-its-own-tides');
    await cora.getByLabel('Section').selectOption({ label: 'Europe' });
    await cora.getByLabel('Add to bylines').selectOption({ label: 'Anna Berg' });
    await cora.getByLabel('Add to topics').selectOption({ label: 'Ports' });
    const body = cora.locator('.body-editor');
    await body.click();
    await cora.keyboard.type('The harbour council met at dawn to decide who owns the tide tables.');
    await cora.keyboard.press('Enter');
    await cora.keyboard.type('The sea does not vote, but it always wins.');
    answerPrompt(cora, 'Mara Lind, harbour pilot');
    await cora.getByRole('button', { name: 'Block quote' }).click();
    await expect(body.locator('blockquote').textContent()).resolves.toContain('The sea does not vote');

    // An uploaded picture with its credit, placed in the body.
    await cora.getByRole('button', { name: 'Picture', exact: true }).click();
    const picture = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6f97' } })
      .jpeg()
      .toBuffer();
    const dialog = cora.locator('dialog.media-picker');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: picture });
    await dialog.getByLabel('Credit').first().fill('AGENCY/Photographer');
    await dialog.getByLabel('Caption').first().fill('The harbour at dawn.');
    await dialog.getByLabel('Alt text').first().fill('A harbour in blue light');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.getByRole('button', { name: 'Use this picture' }).click();
    await body.locator('figure img').waitFor();
    await waitSaved(cora);
    await cora.getByRole('button', { name: 'Submit for review' }).click();
    await cora.locator('.save-state .status', { hasText: 'In review' }).waitFor();

    // The editor comments.
    const ed = await signIn('ed@example.org', 'editor-password');
    await ed.getByRole('link', { name: 'A harbour votes on its own tides' }).click();
    await ed.locator('.body-editor').waitFor();
    await ed.getByLabel('Add a comment').fill('Sharpen the dek: say what the vote decides.');
    await ed.getByRole('button', { name: 'Comment' }).click();
    await ed.locator('.comments li', { hasText: 'Sharpen the dek' }).waitFor();

    // The contributor sees it and revises.
    await cora.goto(articleUrl);
    await cora.reload();
    await cora.locator('.comments li', { hasText: 'Sharpen the dek' }).waitFor();
    await cora
      .getByLabel('Dek', { exact: true })
      .fill('The council decides who may publish the tide tables, and so who profits from the sea.');
    await waitSaved(cora);

    // The editor approves and schedules it a minute ahead.
    await ed.reload();
    await ed.getByRole('button', { name: 'Approve' }).click();
    await ed.locator('.log li', { hasText: 'approve' }).waitFor();
    const due = new Date(clock().getTime() + 60_000);
    const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await ed.getByLabel('Schedule for').fill(local);
    await ed.getByRole('button', { name: 'Schedule', exact: true }).click();
    await ed.locator('.save-state .status', { hasText: 'Scheduled' }).waitFor();
    const path = '/europe/a-harbour-votes-on-its-own-tides';
    expect((await fetch(origin + path)).status).toBe(404);

    // A minute (and a little) later the job runner publishes it.
    offsetMs += 61_000;
    await runner.runDue();
    const article = await (await fetch(origin + path)).text();
    expect(article).toContain('A harbour votes on its own tides');
    expect(article).toContain('The council decides who may publish the tide tables');
    expect(article).toContain('Mara Lind, harbour pilot');
    expect(article).toContain('AGENCY/Photographer');
    for (const listing of ['/', '/sections/europe', '/latest']) {
      expect(await (await fetch(origin + listing)).text(), listing).toContain('A harbour votes on its own tides');
    }

    // The editor appends a correction, and the page shows it.
    await ed.reload();
    await ed.locator('.save-state .status', { hasText: 'Published' }).waitFor();
    await ed.getByLabel('Notice').fill('An earlier version misstated who publishes the tide tables.');
    await ed.getByRole('button', { name: 'Append to the article' }).click();
    await ed.locator('.log li', { hasText: 'corrected' }).waitFor();
    expect(await (await fetch(origin + path)).text()).toContain('An earlier version misstated who publishes the tide tables.');
  });
});
