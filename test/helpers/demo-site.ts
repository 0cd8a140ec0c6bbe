/** The demo publication on SQLite, served on a real port, for browser and validator checks. */
import type { AddressInfo } from 'node:net';
import { demoPublication } from '../../src/services/demo/demo-content.js';
import { createTestSite } from './site.js';
import type { TestSite } from './site.js';

/** One article of each kind a reader meets, plus every listing type. */
export const DEMO_PAGES = {
  home: '/',
  article: '', // filled in from the demo content: the lead story
  correctedArticle: '',
  embedArticle: '',
  section: '/sections/europe',
  topic: '/topics/trade',
  author: '/authors/ines-halvorsen',
  type: '/types/analysis',
  latest: '/latest',
  briefs: '/briefs',
  brief: '',
  newsletter: '/newsletter',
  notFound: '/no-such-page',
};

export function demoPages(): Record<keyof typeof DEMO_PAGES, string> {
  const byAge = [...demoPublication.articles].sort((a, b) => a.hoursAgo - b.hoursAgo);
  const lead = byAge[0]!;
  const corrected = demoPublication.articles.find((a) => (a.corrections ?? []).length > 0)!;
  const embedded = demoPublication.articles.find((a) => a.body.some((b) => 'embed' in b))!;
  const brief = [...demoPublication.briefs].sort((a, b) => a.hoursAgo - b.hoursAgo)[0]!;
  return {
    ...DEMO_PAGES,
    article: `/${lead.section}/${lead.slug}`,
    correctedArticle: `/${corrected.section}/${corrected.slug}`,
    embedArticle: `/${embedded.section}/${embedded.slug}`,
    brief: `/briefs/${brief.slug}`,
  };
}

export async function startDemoSite(): Promise<{ site: TestSite; origin: string }> {
  const site = await createTestSite('sqlite', { publication: demoPublication, baseUrl: 'http://127.0.0.1' });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = site.app.server.address() as AddressInfo;
  return { site, origin: `http://127.0.0.1:${port}` };
}
