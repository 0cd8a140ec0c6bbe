/**
 * Screenshots of the administrator's Settings, API keys and Webhooks screens for the README:
 *   npm run build && npx tsx scripts/settings-screenshots.ts [folder]
 */
import { startDemoSite } from '../test/helpers/demo-site.js';
import { signInToAdmin } from './admin-session.js';

const out = process.argv[2] ?? 'docs/screenshots';
const { site, origin } = await startDemoSite();
const { browser, page } = await signInToAdmin(site, origin, {
  email: 'ada@example.org',
  name: 'Ada Okafor',
  role: 'admin',
});
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
