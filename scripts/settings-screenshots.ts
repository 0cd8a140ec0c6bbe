/**
 * Screenshots of the administrator's Settings, API keys and Webhooks screens for the README:
 *   npm run build && npx tsx scripts/settings-screenshots.ts [folder]
 */
import { createUser } from '../src/services/auth/accounts.js';
import { launchChromium } from '../test/helpers/browser.js';
import { startDemoSite } from '../test/helpers/demo-site.js';

const out = process.argv[2] ?? 'docs/screenshots';
const { site, origin } = await startDemoSite();
await createUser(site.deps, {
  actor: null,
  email: 'ada@example.org',
  name: 'Ada Okafor',
  role: 'admin',
  password: 'correct-horse-battery',
});
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
page.on('pageerror', (error) => console.error('page error:', error.message));
await page.goto(`${origin}/admin`);
await page.getByLabel('Email').fill('ada@example.org');
await page.getByLabel('Password').fill('correct-horse-battery');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('heading', { name: 'Articles' }).waitFor();
for (const [route, heading, file] of [
  ['settings', 'Settings', 'admin-settings.png'],
  ['api-keys', 'Content API keys', 'admin-api-keys.png'],
  ['webhooks', 'Webhooks', 'admin-webhooks.png'],
] as const) {
  await page.goto(`${origin}/admin#/${route}`);
  await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${file}` });
}
await browser.close();
await site.close();
process.exit(0);
