/**
 * What every screenshot script does first: add a member of staff to the demo site and sign them
 * in to the admin in a fresh Chromium window the size of the README's pictures.
 */
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../src/domain/newsroom/roles.js';
import { createUser } from '../src/services/auth/accounts.js';
import { launchChromium } from '../test/helpers/browser.js';
import type { TestSite } from '../test/helpers/site.js';

export interface Staff {
  email: string;
  name: string;
  role: Role;
}

export async function signInToAdmin(site: TestSite, origin: string, staff: Staff): Promise<{ browser: Browser; page: Page }> {
  const password = 'correct-horse-battery';
  await createUser(site.deps, { actor: null, ...staff, password });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${origin}/admin`);
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Articles' }).waitFor();
  return { browser, page };
}
