/**
 * Screenshots of the editor for the README:
 *   npm run build && npx tsx scripts/editor-screenshots.ts [folder]
 */
import { createUser } from '../src/services/auth/accounts.js';
import { findArticleBySlug } from '../src/storage/repositories/articles.js';
import { launchChromium } from '../test/helpers/browser.js';
import { demoPages, startDemoSite } from '../test/helpers/demo-site.js';

const out = process.argv[2] ?? 'docs/screenshots';
const { site, origin } = await startDemoSite();
await createUser(site.deps, {
  actor: null,
  email: 'ines@example.org',
  name: 'Ines Halvorsen',
  role: 'editor',
  password: 'correct-horse-battery',
});
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
page.on('pageerror', (error) => console.error('page error:', error.message));
await page.goto(`${origin}/admin`);
await page.getByLabel('Email').fill('ines@example.org');
await page.getByLabel('Password').fill('correct-horse-battery');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('heading', { name: 'Articles' }).waitFor();
await page.locator('table.article-table tbody tr').first().waitFor();
await page.screenshot({ path: `${out}/editor-list.png` });
const slug = demoPages().correctedArticle.split('/')[2]!;
const article = await findArticleBySlug(site.deps.db, slug);
await page.goto(`${origin}/admin#/articles/${article!.id}`);
await page.locator('.body-editor').waitFor();
await page.screenshot({ path: `${out}/editor-article.png` });
console.log(`${out}/editor-list.png\n${out}/editor-article.png`);
await browser.close();
await site.close();
