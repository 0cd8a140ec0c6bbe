/**
 * Screenshots of the newsletter and subscriber screens for the README:
 *   npm run build && npx tsx scripts/newsletter-screenshots.ts [folder]
 */
import { jobHandlers } from '../src/jobs/handlers/index.js';
import { createJobRunner } from '../src/jobs/runner.js';
import { consoleMailer } from '../src/services/mail/mailer.js';
import { startDemoSite } from '../test/helpers/demo-site.js';
import { insertSubscribers } from '../test/helpers/subscribers.js';
import { signInToAdmin } from './admin-session.js';

const out = process.argv[2] ?? 'docs/screenshots';
const { site, origin } = await startDemoSite();
const mailer = consoleMailer(() => undefined);
const runner = createJobRunner({
  db: site.deps.db,
  clock: site.deps.clock,
  handlers: jobHandlers(site.deps, { ...site.deps, mailer, config: { publicUrl: origin } }),
});
// Eight weeks of readers arriving (more each week), a few leaving, and some still to confirm.
const week = 7 * 86_400_000;
for (let w = 7; w >= 0; w--) {
  const now = new Date(Date.now() - w * week - 3_600_000);
  await insertSubscribers(site.deps.db, 20 + (7 - w) * 9, { prefix: `w${w}`, now });
  const leaving = await insertSubscribers(site.deps.db, 2 + (w % 3), { prefix: `left${w}`, now, status: 'unsubscribed' });
  for (const reader of leaving)
    await site.deps.db.updateTable('subscribers').set({ unsubscribed_at: now.toISOString() }).where('id', '=', reader.id).execute();
}
await insertSubscribers(site.deps.db, 6, { prefix: 'pending', status: 'pending' });

const { browser, page } = await signInToAdmin(site, origin, {
  email: 'ines@example.org',
  name: 'Ines Halvorsen',
  role: 'admin',
});

// This week's issue, being edited, then sent; the next one composed as a draft.
await page.goto(`${origin}/admin#/newsletter`);
await page.getByRole('button', { name: 'Compose the round-up now' }).click();
await page.getByRole('heading', { name: 'Round-up issue' }).waitFor();
await page
  .getByLabel('Editor’s introduction')
  .fill('Dear reader,\n\nThis week the harbours voted, the grain moved and the ridge held. Here is what we published.');
await page.getByText('All changes saved').waitFor();
await page.setViewportSize({ width: 1400, height: 1400 });
await page.screenshot({ path: `${out}/newsletter-issue.png` });
await page.setViewportSize({ width: 1400, height: 1000 });
await page.getByRole('button', { name: 'Send now…' }).click();
await page.getByRole('button', { name: /^Send to/ }).click();
while ((await runner.runDue()) > 0);
await page.locator('.save-state .status', { hasText: 'Sent' }).waitFor();
await page.goto(`${origin}/admin#/newsletter`);
await page.getByRole('button', { name: 'Compose the round-up now' }).click();
await page.getByRole('heading', { name: 'Round-up issue' }).waitFor();
await page.goto(`${origin}/admin#/newsletter`);
await page.locator('tbody tr').nth(1).waitFor();
await page.screenshot({ path: `${out}/newsletter-list.png` });
await page.goto(`${origin}/admin#/subscribers`);
await page.locator('.nl-weeks tbody tr').first().waitFor();
await page.locator('caption', { hasText: /^[\d,]+ subscribers/ }).waitFor();
await page.screenshot({ path: `${out}/subscribers.png`, fullPage: true });
console.log(`${out}/newsletter-issue.png\n${out}/newsletter-list.png\n${out}/subscribers.png`);
await runner.stop();
await browser.close();
await site.close();
