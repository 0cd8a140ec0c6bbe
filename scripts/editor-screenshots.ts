/**
 * Screenshots of the editor for the README:
 *   npm run build && npx tsx scripts/editor-screenshots.ts [folder]
 */
import { findArticleBySlug } from '../src/storage/repositories/articles.js';
import { demoPages, startDemoSite } from '../test/helpers/demo-site.js';
import { signInToAdmin } from './admin-session.js';

const out = process.argv[2] ?? 'docs/screenshots';
const { site, origin } = await startDemoSite();
const { browser, page } = await signInToAdmin(site, origin, {
  email: 'ines@example.org',
  name: 'Ines Halvorsen',
  role: 'editor',
});
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
