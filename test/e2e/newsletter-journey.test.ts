/**
 * The round-up in Chromium, through the editor app: an administrator composes
 * it, reorders and drops items by keyboard, adds one back from the search,
 * writes the introduction, previews it, sends a test to herself, sends it to
 * the confirmed subscribers and watches it reach "Sent"; then searches the
 * subscribers, imports a CSV with a broken row and exports the list. Mail goes
 * through a real SMTP server in this process; axe checks both screens.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { smtpMailer } from '../../src/services/mail/mailer.js';
import type { Mailer } from '../../src/services/mail/mailer.js';
import { parseCsv } from '../../src/lib/csv.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium } from '../helpers/browser.js';
import { skipWithout } from '../helpers/requirements.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const ADMIN = 'ada@example.org';

/** Where each headline first stands in a text, `\b` so that "number 1" is not "number 13". */
const at = (text: string, headline: string) => text.search(new RegExp(`${headline}\\b`));

describe.skipIf(skipWithout('chromium', 'The newsletter journey in the editor app'))('newsletter journey in the editor app', () => {
  let site: TestSite;
  let origin: string;
  let browser: Browser;
  let sink: SmtpSink;
  let mailer: Mailer;
  let runner: JobRunner;
  let readers: { email: string }[];

  beforeAll(async () => {
    sink = await startSmtpSink({ keep: true });
    mailer = smtpMailer(sink.url, 'news@127.0.0.1', { maxConnections: 2 });
    site = await createTestSite('sqlite', { baseUrl: 'http://127.0.0.1', mailer });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
    const sendDeps = { ...site.deps, mailer, config: { publicUrl: origin, mailFrom: 'news@127.0.0.1' } };
    runner = createJobRunner({ db: site.deps.db, clock: site.deps.clock, handlers: jobHandlers(site.deps, sendDeps) });
    await createUser(site.deps, { actor: null, email: ADMIN, name: 'Ada Admin', role: 'admin', password: 'admin-password' });
    readers = await insertSubscribers(site.deps.db, 3);
    await insertSubscribers(site.deps.db, 1, { prefix: 'unconfirmed', status: 'pending' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await runner?.stop();
    await browser?.close();
    await site?.close();
    await mailer?.close();
    await sink?.close();
  });

  async function signIn(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${origin}/admin`);
    await page.getByLabel('Email').fill(ADMIN);
    await page.getByLabel('Password').fill('admin-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    return page;
  }

  async function axe(page: Page, label: string): Promise<string[]> {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      found.push(...(await seriousViolations(page, `${label} (${colorScheme})`)));
    }
    return found;
  }

  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
  const europe = (page: Page) => page.getByRole('region', { name: 'Europe' }).locator('.nl-item-text a').allTextContents();

  it('composes, edits, tests and sends the round-up, then manages subscribers', async () => {
    const page = await signIn();
    const found: string[] = [];

    // The newsletter screen, and a fresh round-up.
    await page.getByRole('link', { name: 'Newsletter' }).click();
    await page.getByRole('heading', { name: 'Newsletter' }).waitFor();
    await page.getByText('No issues yet.').waitFor();
    await page.getByRole('button', { name: 'Compose the round-up now' }).click();
    await page.getByRole('heading', { name: 'Round-up issue' }).waitFor();
    expect((await europe(page)).slice(0, 3)).toEqual(['Europe story number 1', 'Europe story number 2', 'Europe story number 3']);

    // Reorder by keyboard: focus stays on the button, and the move is announced.
    const down = page.getByRole('button', { name: 'Move “Europe story number 1” down' });
    await down.focus();
    await page.keyboard.press('Enter');
    expect((await europe(page)).slice(0, 3)).toEqual(['Europe story number 2', 'Europe story number 1', 'Europe story number 3']);
    expect(await focused(page)).toBe('Move “Europe story number 1” down');
    await page.getByText('“Europe story number 1” moved down: 2 of 13 in Europe.').waitFor();
    // A whole section moves too.
    await expect(page.locator('.nl-group h3').allTextContents()).resolves.toEqual(['Asia', 'Europe', 'Briefs', 'Corrections and updates']);
    await page.getByRole('button', { name: 'Move the Asia section down' }).click();
    await expect(page.locator('.nl-group h3').allTextContents()).resolves.toEqual(['Europe', 'Asia', 'Briefs', 'Corrections and updates']);

    // Drop an item; drop a brief and add it back from the search.
    await page.getByRole('button', { name: 'Drop “Europe story number 3”' }).click();
    expect(await europe(page)).not.toContain('Europe story number 3');
    await page.getByRole('button', { name: 'Drop “Second brief”' }).click();
    await page.getByLabel('Find a published piece').fill('second brief');
    await page.getByRole('button', { name: 'Add “Second brief”' }).click();
    await page.getByRole('button', { name: '“Second brief” is in the issue' }).waitFor();
    await expect(page.getByRole('region', { name: 'Briefs' }).locator('.nl-item-text a').allTextContents()).resolves.toEqual([
      'First brief',
      'Second brief',
    ]);

    // The introduction, saved as we go.
    await page.getByLabel('Editor’s introduction').fill('Dear reader,\n\nA week of tides and borders.');
    await page.getByText('All changes saved').waitFor();
    found.push(...(await axe(page, 'issue editor')));

    // The preview opens in a new tab, as the mail will look.
    const [preview] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: 'Preview the mail (opens in a new tab)' }).click(),
    ]);
    await preview.waitForLoadState();
    expect(await preview.textContent('body')).toContain('A week of tides and borders.');
    // Its own policy lets the mail's inline styles apply (the admin's would not), in a sandbox without scripts.
    await expect(preview.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe('rgb(244, 244, 244)');
    await preview.close();

    // A test to the signed-in editor, through SMTP.
    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await page.getByText(`A test went to ${ADMIN}.`).waitFor();
    const test = sink.messages.find((m) => m.to.includes(ADMIN));
    expect(test).toBeDefined();
    const mail = await simpleParser(test!.raw);
    const text = mail.text ?? '';
    expect(text).toContain('A week of tides and borders.');
    expect(at(text, 'Europe story number 2')).toBeLessThan(at(text, 'Europe story number 1'));
    expect(at(text, 'Europe story number 3')).toBe(-1);
    expect(at(text, 'Europe story number 13')).toBeLessThan(at(text, 'Why the <harbour> matters'));

    // Send now, after a confirmation that names the audience.
    await page.getByRole('button', { name: 'Send now…' }).click();
    await page.getByText('now to 3 confirmed subscribers? It cannot be called back.').waitFor();
    expect(await focused(page)).toBeNull();
    // Focus moves once the dialog has gone: wait for it rather than read it at once (a loaded machine renders late).
    await page.waitForFunction((label) => document.activeElement?.textContent === label, 'Send to 3 confirmed subscribers', {
      timeout: 10_000,
    });
    await page.keyboard.press('Enter');
    await page.getByText('Sending to 3 confirmed subscribers.').waitFor();
    const sent = page.locator('.save-state .status', { hasText: 'Sent' });
    for (let i = 0; i < 20 && !(await sent.isVisible()); i++) {
      await runner.runDue();
      await page.waitForTimeout(400);
    }
    await sent.waitFor({ timeout: 10_000 });
    await page.getByText('3 sent · 0 pending · 0 failed · 0 bounced (of 3)').waitFor();
    for (const reader of readers) expect(sink.counts.get(reader.email), reader.email).toBe(1);
    expect(sink.counts.get('unconfirmed-000000@inbox.example.test')).toBeUndefined();
    await expect(page.getByLabel('Editor’s introduction').isDisabled()).resolves.toBe(true);
    const archive = await page.getByRole('link', { name: 'Read it in the web archive' }).getAttribute('href');
    const archived = await fetch(origin + archive!);
    expect(archived.status).toBe(200);
    expect(await archived.text()).toContain('A week of tides and borders.');

    // The list shows it sent, with its progress.
    await page.getByRole('link', { name: '← All issues' }).click();
    const row = page.locator('tbody tr').first();
    await row.getByText('Sent', { exact: true }).waitFor();
    await row.getByText('3 sent · 0 pending').waitFor();
    found.push(...(await axe(page, 'newsletter list')));

    // The next issue: "Send now" called off, then scheduled for tomorrow morning instead.
    await page.getByRole('button', { name: 'Compose the round-up now' }).click();
    await page.getByRole('heading', { name: 'Round-up issue' }).waitFor();
    await page.getByRole('button', { name: 'Send now…' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    // Focus moves once the dialog has gone: wait for it rather than read it at once (a loaded machine renders late).
    await page.waitForFunction((label) => document.activeElement?.textContent === label, 'Send now…', { timeout: 10_000 });
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setHours(7, 0, 0, 0);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Send at').fill(local);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page
      .getByText(`Scheduled for ${tomorrow.toLocaleString('en-US')}.`, { exact: false })
      .first()
      .waitFor();
    await page.locator('.save-state .status', { hasText: 'Scheduled' }).waitFor();
    await page.getByRole('link', { name: '← All issues' }).click();
    await page.locator('tbody tr').first().getByText('Scheduled for').waitFor();
    expect(sink.counts.get(readers[0]!.email)).toBe(1);

    // Called off after all: a draft again, then deleted; the list keeps only the sent issue.
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('button', { name: 'Unschedule' }).click();
    await page.getByText('Unscheduled: the issue is a draft again').waitFor();
    await page.locator('.save-state .status', { hasText: 'Draft' }).waitFor();
    await page.getByRole('button', { name: 'Delete this draft…' }).click();
    await page.waitForFunction((label) => document.activeElement?.textContent === label, 'Delete the draft', { timeout: 10_000 });
    found.push(...(await axe(page, 'issue, deleting the draft')));
    await page.getByRole('button', { name: 'Delete the draft' }).click();
    await page.getByRole('button', { name: 'Compose the round-up now' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.locator('tbody tr').first().getByText('Sent', { exact: true }).waitFor();

    // Subscribers: search, import with a broken row, export.
    await page.getByRole('link', { name: 'Subscribers' }).click();
    await page.getByRole('heading', { name: 'Subscribers' }).waitFor();
    await page.getByText('4 subscribers').waitFor();
    await page.getByLabel('Address contains').fill('reader-000001');
    await page.getByText('1 subscriber', { exact: true }).waitFor();
    await page.getByLabel('Address contains').fill('');
    await page.getByRole('combobox', { name: /^Status/ }).selectOption('pending');
    const list = page.locator('table').first().locator('tbody tr');
    await expect.poll(() => list.allTextContents()).toEqual([expect.stringContaining('unconfirmed-000000@inbox.example.test')]);
    await page.getByRole('combobox', { name: /^Status/ }).selectOption('');

    const csv = 'email,consent_at,consent_source\nnew.reader@example.org,2026-11-01T10:00:00Z,fair stand\nnot an address,,\n';
    await page.getByLabel('CSV file').setInputFiles({ name: 'readers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported: 1 new address, 0 updated, 0 unchanged. 1 row was not imported:').waitFor();
    await expect(page.getByRole('list', { name: 'Rows not imported' }).textContent()).resolves.toMatch(/^Line 3: /);
    await page.getByText('5 subscribers').waitFor();
    found.push(...(await axe(page, 'subscribers')));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV (with consent)' }).click(),
    ]);
    const records = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(records[0]!.fields).toEqual(expect.arrayContaining(['email', 'status', 'consent_at', 'consent_source', 'consent_text']));
    const imported = records.find((r) => r.fields[0] === 'new.reader@example.org');
    expect(imported?.fields.slice(1, 4)).toEqual(['confirmed', '2026-11-01T10:00:00.000Z', 'fair stand']);
    expect(records).toHaveLength(6);

    expect(found).toEqual([]);
    await page.context().close();
  }, 120_000);
});
