/**
 * The newsletter box in Chromium: with JavaScript the theme's script posts
 * it with fetch and answers in place, in a live region, without leaving the
 * page; a refused address is answered there too; with JavaScript off the
 * same form posts as a plain form and the answer is a page.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSubscriberByEmail } from '../../src/storage/repositories/subscribers.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium } from '../helpers/browser.js';
import { skipWithout } from '../helpers/requirements.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

describe.skipIf(skipWithout('chromium', 'The newsletter signup in the browser'))('newsletter signup in Chromium', () => {
  let site: TestSite;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    site = await createTestSite('sqlite', { baseUrl: 'http://127.0.0.1' });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('answers in place with JavaScript, in a live region, and records where consent was given', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${origin}/europe/europe-story-1`);
    const box = page.locator('.newsletter-box');
    const status = box.getByRole('status');
    await expect(status.count()).resolves.toBe(1);

    // Refused by the server (longer than an address may be): the answer and the field say so, nothing stored.
    const long = `${'x'.repeat(300)}@example.org`;
    await box.getByLabel('Email address').fill(long);
    await box.getByRole('button', { name: 'Subscribe' }).click();
    await status.getByText('That did not work').waitFor();
    await expect(box.getByLabel('Email address').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await findSubscriberByEmail(site.deps.db, long)).toBeNull();

    const before = site.mail.length;
    await box.getByLabel('Email address').fill('reader@example.org');
    await box.getByRole('button', { name: 'Subscribe' }).click();
    await status.getByText('Check your inbox.').waitFor();
    expect(page.url()).toBe(`${origin}/europe/europe-story-1`);
    await expect(box.getByLabel('Email address').inputValue()).resolves.toBe('');
    await expect(box.getByLabel('Email address').getAttribute('aria-invalid')).resolves.toBe('false');
    const subscriber = await findSubscriberByEmail(site.deps.db, 'reader@example.org');
    expect(subscriber).toMatchObject({ status: 'pending', consentSource: '/europe/europe-story-1' });
    expect(site.mail.slice(before).map((m) => m.to)).toEqual(['reader@example.org']);
    expect(await seriousViolations(page, 'article with an answered signup')).toEqual([]);
    await context.close();
  });

  it('posts as a plain form with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/newsletter`);
    await expect(page.locator('.newsletter-status').count()).resolves.toBe(0);
    await page.getByLabel('Email address').fill('plain@example.org');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    expect(page.url()).toBe(`${origin}/newsletter`);
    expect(await findSubscriberByEmail(site.deps.db, 'plain@example.org')).toMatchObject({ status: 'pending' });
    await context.close();
  });
});
