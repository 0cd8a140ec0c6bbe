/**
 * Reader-site throughput: the demo publication on SQLite, served on a local
 * port and loaded by autocannon. Each page is measured against /healthz, the
 * cheapest route of the same server, run in the same process just before it:
 * the ratio says how close serving a cached page is to serving nothing.
 * Also times a cold render (cache cleared before every request), and the
 * Content API: a page of every article, whole, against one article (the
 * per-key rate limit raised for the run).
 *
 *   npm run bench:site              # 5 s per case
 *   BENCH_SECONDS=10 npm run bench:site
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createUser } from '../src/services/auth/accounts.js';
import { demoPublication } from '../src/services/demo/demo-content.js';
import { createContentKey } from '../src/services/distribution/content-keys.js';
import { createTestSite } from '../test/helpers/site.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 20;

async function load(url: string, headers: Record<string, string> = {}): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  // 304 is a success here; only transport errors, 4xx and 5xx count against a case.
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result['4xx'] + result['5xx'],
  };
}

const site = await createTestSite('sqlite', { publication: demoPublication, baseUrl: 'http://127.0.0.1', contentApiRateLimit: 1e9 });
await site.app.listen({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
const lead = [...demoPublication.articles].sort((a, b) => a.hoursAgo - b.hoursAgo)[0]!;
const articlePath = `/${lead.section}/${lead.slug}`;

const owner = await createUser(site.deps, { actor: null, email: 'bench@masthead.test', name: 'Bench', role: 'admin', password: null });
const apiKey = (await createContentKey(site.deps, owner, 'benchmark')).key;
const apiHeaders = { authorization: `Bearer ${apiKey}`, 'accept-encoding': 'identity' };
const apiArticleId = (await site.deps.db.selectFrom('articles').select('id').where('slug', '=', lead.slug).executeTakeFirstOrThrow()).id;

console.log(
  `Masthead reader-site benchmark — ${new Date().toISOString()}, node ${process.version}, ${connections} connections, ${seconds} s per case\n`,
);
const baseline = await load(`${origin}/healthz`);
console.log(
  `baseline  /healthz                       ${baseline.rps.toFixed(0).padStart(7)} req/s  p50 ${baseline.p50} ms  p99 ${baseline.p99} ms`,
);

for (const [label, path, headers] of [
  ['home (br)', '/', { 'accept-encoding': 'br' }],
  ['article (br)', articlePath, { 'accept-encoding': 'br' }],
  ['article (identity)', articlePath, {}],
  ['section (br)', '/sections/europe', { 'accept-encoding': 'br' }],
  ['article 304 revalidation', articlePath, { 'accept-encoding': 'br', 'if-none-match': '' }],
  [`API: one article, whole`, `/api/content/v1/articles/${apiArticleId}`, apiHeaders],
  [`API: page of ${demoPublication.articles.length} articles, whole`, `/api/content/v1/articles?limit=100`, apiHeaders],
] as const) {
  const h: Record<string, string> = { ...headers };
  if ('if-none-match' in h) {
    const res = await fetch(origin + path, { headers: { 'accept-encoding': 'br' } });
    h['if-none-match'] = res.headers.get('etag') ?? '';
  }
  const r = await load(origin + path, h);
  console.log(
    `${label.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ratio to baseline ${(r.rps / baseline.rps).toFixed(2)}${r.errors ? `  ERRORS ${r.errors}` : ''}`,
  );
}

// Cold renders: the page cache is emptied before each request.
const coldRuns = 200;
const started = performance.now();
for (let i = 0; i < coldRuns; i++) {
  site.cache.clear();
  const res = await site.app.inject({ url: articlePath, headers: { 'accept-encoding': 'identity' } });
  if (res.statusCode !== 200) throw new Error(`cold render answered ${res.statusCode}`);
}
const coldMs = (performance.now() - started) / coldRuns;
const warmStarted = performance.now();
for (let i = 0; i < coldRuns; i++) await site.app.inject({ url: articlePath, headers: { 'accept-encoding': 'identity' } });
const warmMs = (performance.now() - warmStarted) / coldRuns;
console.log(
  `\narticle render, cache cold: ${coldMs.toFixed(2)} ms/request; cache warm: ${warmMs.toFixed(3)} ms/request (in-process inject); cold/warm ${(coldMs / warmMs).toFixed(1)}x`,
);

await site.close();
