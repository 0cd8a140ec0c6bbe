/**
 * Screenshots of the demo publication for the README:
 *   npx tsx scripts/screenshots.ts
 * Needs Debian's chromium (or MASTHEAD_CHROMIUM).
 */
import { demoPages, startDemoSite } from '../test/helpers/demo-site.js';
import { launchChromium } from '../test/helpers/browser.js';

const out = process.argv[2] ?? 'docs/screenshots';
const { site, origin } = await startDemoSite();
const browser = await launchChromium();
const pages = demoPages();
const shots = [
  { name: 'home', path: pages.home, width: 1280, height: 1400, scheme: 'light' },
  { name: 'article', path: pages.correctedArticle, width: 1280, height: 1600, scheme: 'light' },
  { name: 'article-mobile-dark', path: pages.article, width: 390, height: 1500, scheme: 'dark' },
] as const;
for (const shot of shots) {
  const context = await browser.newContext({
    viewport: { width: shot.width, height: shot.height },
    colorScheme: shot.scheme,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(origin + shot.path, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${out}/${shot.name}.png` });
  await context.close();
  console.log(`${out}/${shot.name}.png`);
}
await browser.close();
await site.close();
