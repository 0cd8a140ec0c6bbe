/**
 * Full-text search on a big archive: 100,000 generated articles written in
 * bulk into SQLite (a file) and PostgreSQL (PGlite in-process, or the server
 * named by MASTHEAD_TEST_PG_URL, in a throwaway schema), indexed by the
 * backfill the app runs at startup, then 500 searches — single words,
 * prefixes, phrases, several words, names, with and without filters — each
 * fetching what a results page needs (the ranked page of hits with snippets,
 * and their teasers). The baseline, run in the same process on the same
 * database, fetches teasers for ten random ids by primary key.
 *
 *   npm run bench:search
 *   BENCH_ARTICLES=20000 BENCH_QUERIES=200 npm run bench:search
 *   MASTHEAD_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:search
 *   BENCH_DIALECTS=sqlite npm run bench:search
 *
 * On a PostgreSQL server, BENCH_PG_SCHEMA=name keeps the archive in that
 * schema (written and indexed on the first run, then only searched), so a
 * change to the search can be measured again in a minute rather than ten:
 *
 *   BENCH_PG_SCHEMA=bench_search BENCH_DIALECTS=postgres MASTHEAD_TEST_PG_URL=… npm run bench:search
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import type { Db, DialectName } from '../src/storage/db.js';
import { dialectOf, postgresDialect, sqliteDialect } from '../src/storage/db.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { publishedTeasersByIds } from '../src/storage/repositories/articles.js';
import { insertAuthor } from '../src/storage/repositories/authors.js';
import { insertArticleType, insertSection, insertTopic } from '../src/storage/repositories/taxonomy.js';
import type { Database } from '../src/storage/schema.js';
import { backfillSearchIndex, searchArticles } from '../src/storage/search/search-index.js';
import type { SearchOptions } from '../src/storage/search/search-index.js';
import { insertArticlesInBulk } from '../test/helpers/bulk-articles.js';
import { PG_URL, createTestDb, dialectLabel } from '../test/helpers/databases.js';
import { Corpus, STOP, seeded } from './search-corpus.js';
import type { Taxonomy } from './search-corpus.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 500);
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[];
const KEEP_SCHEMA = process.env.BENCH_PG_SCHEMA;
const PAGE = 10;
const WARM_UP = 30;
const YEAR = 365.25 * 86_400_000;
const now = new Date();

interface Sample {
  id: string;
  headline: string;
  dek: string;
  paragraph: string;
  authorName: string;
}

type Kind = 'single word' | 'prefix' | 'phrase' | 'rare phrase' | 'several words' | 'author name' | 'with filters';
interface BenchQuery {
  kind: Kind;
  options: Omit<SearchOptions, 'limit' | 'offset' | 'now'>;
}

const taxonomy: Taxonomy = {
  sections: Array.from({ length: 8 }, (_, i) => `section-${i}`),
  types: Array.from({ length: 6 }, (_, i) => `type-${i}`),
  authors: [],
  topics: Array.from({ length: 400 }, (_, i) => `topic-${i}`),
};

/** The sections, types, topics and authors; with `write` false only drawn (the corpus advances the same way). */
async function seedTaxonomy(db: Db, corpus: Corpus, write: boolean): Promise<void> {
  const at = now.toISOString();
  for (const [i, id] of taxonomy.sections.entries()) {
    const section = { id, slug: id, name: corpus.name(), description: '', position: i };
    if (write) await insertSection(db, section);
  }
  for (const [i, id] of taxonomy.types.entries()) {
    const type = { id, slug: id, name: corpus.name(), description: '', schemaType: 'NewsArticle' as const, position: i };
    if (write) await insertArticleType(db, type);
  }
  for (const id of taxonomy.topics) {
    const topic = { id, slug: id, name: corpus.words(2), description: '' };
    if (write) await insertTopic(db, topic);
  }
  taxonomy.authors = [];
  for (let i = 0; i < 300; i++) {
    const author = { id: `author-${i}`, slug: `author-${i}`, name: corpus.name(), title: '', bio: '', photo: null, links: [] };
    if (write) await insertAuthor(db, author, at);
    taxonomy.authors.push({ id: author.id, name: author.name });
  }
}

/** The kept PostgreSQL archive (BENCH_PG_SCHEMA): created and migrated if need be, never dropped. */
async function keptPostgres(schema: string): Promise<{ db: Db; label: string; destroy(): Promise<void>; reused: boolean }> {
  if (!PG_URL) throw new Error('BENCH_PG_SCHEMA needs a PostgreSQL server: set MASTHEAD_TEST_PG_URL.');
  const admin = new Kysely<Database>({ dialect: postgresDialect(PG_URL, { max: 1 }) });
  await sql`create schema if not exists ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const db = new Kysely<Database>({ dialect: postgresDialect(PG_URL, { searchPath: schema, max: 5 }) });
  await migrateToLatest(db);
  const { count } = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return { db, label: `postgres (server, kept in schema ${schema})`, destroy: () => db.destroy(), reused: Number(count) >= ARTICLES };
}

async function openDb(dialect: DialectName): Promise<{ db: Db; label: string; destroy(): Promise<void>; file?: string; reused?: boolean }> {
  if (dialect === 'postgres') return KEEP_SCHEMA ? keptPostgres(KEEP_SCHEMA) : createTestDb('postgres');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'masthead-bench-search-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = new Kysely<Database>({ dialect: sqliteDialect(file) });
  await migrateToLatest(db);
  return {
    db,
    label: 'sqlite (file)',
    file,
    async destroy() {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Writes the archive in bulk (unless it is there already); returns every 50th piece, to build queries and baseline lookups from. */
async function generate(db: Db, corpus: Corpus, write: boolean): Promise<Sample[]> {
  await seedTaxonomy(db, corpus, write);
  const sample: Sample[] = [];
  const from = now.getTime() - 10 * YEAR;
  // About one piece in a hundred is scheduled up to five weeks ahead: the search must leave those out.
  const to = now.getTime() + 0.1 * YEAR;
  for (let i = 0; i < ARTICLES; i += 2000) {
    const chunk = Array.from({ length: Math.min(2000, ARTICLES - i) }, (_, j) => corpus.article(i + j, taxonomy, from, to));
    if (write) await insertArticlesInBulk(db, chunk, 500);
    for (const [j, a] of chunk.entries()) {
      if ((i + j) % 50 !== 0 || Date.parse(a.publishedAt) > now.getTime()) continue;
      const author = taxonomy.authors.find((x) => x.id === a.authorIds[0]);
      sample.push({ id: a.id, headline: a.headline, dek: a.dek, paragraph: a.paragraphs[0] ?? '', authorName: author?.name ?? '' });
    }
  }
  return sample;
}

function buildQueries(sample: readonly Sample[], corpus: Corpus): BenchQuery[] {
  const r = seeded(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const content = (text: string): string[] =>
    text
      .toLowerCase()
      .match(/[a-z]+/g)
      ?.filter((w) => !STOP.includes(w)) ?? [];
  const word = (s: Sample): string => pick(content(s.headline).length > 0 ? content(s.headline) : content(s.dek));
  const make: Record<Exclude<Kind, 'with filters'>, () => string> = {
    'single word': () => word(pick(sample)),
    prefix: () => {
      const w = word(pick(sample));
      return `${w.slice(0, Math.max(3, Math.min(w.length - 1, 3 + Math.floor(r() * 3))))}*`;
    },
    // A set phrase, as readers quote names and expressions.
    phrase: () => `"${corpus.phrase()}"`,
    // Two or three words side by side in one piece: mostly found nowhere else, the hardest case.
    'rare phrase': () => {
      const words = pick(sample)
        .paragraph.replace(/[^a-z ]/gi, '')
        .split(' ');
      const start = Math.floor(r() * Math.max(1, words.length - 3));
      return `"${words.slice(start, start + 2 + Math.floor(r() * 2)).join(' ')}"`;
    },
    'several words': () => {
      const s = pick(sample);
      return `${word(s)} ${pick(content(s.dek))}`;
    },
    'author name': () => pick(sample).authorName.split(' ')[1] ?? 'nobody',
  };
  const mix: [Kind, number][] = [
    ['single word', 0.25],
    ['prefix', 0.15],
    ['phrase', 0.15],
    ['rare phrase', 0.05],
    ['several words', 0.2],
    ['author name', 0.05],
    ['with filters', 0.15],
  ];
  const out: BenchQuery[] = [];
  for (const [kind, share] of mix) {
    for (let i = 0; i < Math.round(QUERIES * share); i++) {
      if (kind !== 'with filters') {
        out.push({ kind, options: { query: make[kind]() } });
        continue;
      }
      const query = make[pick(['single word', 'prefix', 'phrase', 'several words'] as const)]();
      const year = now.getFullYear() - Math.floor(r() * 10);
      const filter = pick([
        { sectionId: pick(taxonomy.sections) },
        { typeId: pick(taxonomy.types) },
        { authorId: pick(taxonomy.authors).id },
        { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year, 11, 31, 23, 59, 59)) },
        { sectionId: pick(taxonomy.sections), from: new Date(Date.UTC(year - 2, 0, 1)) },
      ]);
      out.push({ kind, options: { query, ...filter } });
    }
  }
  // Interleave the kinds, so caches warm for none in particular.
  return out
    .map((q) => ({ q, k: r() }))
    .sort((a, b) => a.k - b.k)
    .map(({ q }) => q);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const ms = (n: number): string => `${n.toFixed(2).padStart(7)} ms`;
const line = (label: string, s: Stats, base?: Stats): string =>
  `  ${label.padEnd(28)} n=${String(s.n).padStart(3)}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}` +
  (base ? `   ratio to baseline p50 ${(s.p50 / base.p50).toFixed(1)}x, p95 ${(s.p95 / base.p95).toFixed(1)}x` : '');

async function resultsPage(db: Db, q: BenchQuery): Promise<{ total: number; capped: boolean }> {
  const found = await searchArticles(db, { ...q.options, limit: PAGE, offset: 0, now });
  await publishedTeasersByIds(
    db,
    found.hits.map((h) => h.id),
    now,
  );
  return found;
}

async function run(dialect: DialectName): Promise<void> {
  const label = dialect === 'sqlite' ? 'sqlite (file, WAL)' : dialectLabel('postgres');
  console.log(`\n${label}`);
  const target = await openDb(dialect);
  const { db } = target;
  try {
    let started = performance.now();
    const corpus = new Corpus(42);
    const sample = await generate(db, corpus, !target.reused);
    const generatedS = (performance.now() - started) / 1000;
    started = performance.now();
    const indexed = await backfillSearchIndex(db, { batchSize: 1000 });
    const indexedS = (performance.now() - started) / 1000;
    // What autovacuum would have done by now on a live database: statistics for the planner.
    if (dialectOf(db) === 'postgres' && !target.reused) await sql`analyze`.execute(db);
    const size = target.file ? ` (database file ${((await stat(target.file)).size / 2 ** 20).toFixed(0)} MiB)` : '';
    console.log(
      target.reused
        ? `  ${target.label}: the archive written by an earlier run, ${indexed.toLocaleString('en-GB')} reindexed`
        : `  ${ARTICLES.toLocaleString('en-GB')} articles written in ${generatedS.toFixed(1)} s; ${indexed.toLocaleString('en-GB')} indexed in ${indexedS.toFixed(1)} s${size}`,
    );

    const queries = buildQueries(sample, corpus);
    const r = seeded(11);
    const lookups = Array.from({ length: queries.length }, () =>
      Array.from({ length: PAGE }, () => sample[Math.floor(r() * sample.length)]!.id),
    );
    for (const q of queries.slice(0, WARM_UP)) await resultsPage(db, q);
    for (const ids of lookups.slice(0, WARM_UP)) await publishedTeasersByIds(db, ids, now);

    const baselineTimes: number[] = [];
    for (const ids of lookups) {
      const t = performance.now();
      await publishedTeasersByIds(db, ids, now);
      baselineTimes.push(performance.now() - t);
    }
    const times: number[] = [];
    const slowest: { ms: number; q: BenchQuery; total: number }[] = [];
    const byKind = new Map<Kind, number[]>();
    const totals: number[] = [];
    let capped = 0;
    for (const q of queries) {
      const t = performance.now();
      const found = await resultsPage(db, q);
      const elapsed = performance.now() - t;
      times.push(elapsed);
      slowest.push({ ms: elapsed, q, total: found.total });
      byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), elapsed]);
      totals.push(found.total);
      if (found.capped) capped++;
    }
    const base = stats(baselineTimes);
    const all = stats(times);
    console.log(line(`baseline: teasers by id ×${PAGE}`, base));
    console.log(line('search: all queries', all, base));
    for (const [kind, list] of byKind) console.log(line(`  ${kind}`, stats(list), base));
    const t = stats(totals);
    console.log(
      `  results per query: median ${t.p50}, p95 ${t.p95}; ${capped} of ${queries.length} matched more than the ranked window (1,000); p95 target 20 ms: ${all.p95 <= 20 ? 'met' : 'NOT met'}`,
    );
    const worst = slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(
      `  slowest: ${worst.map((w) => `${JSON.stringify(w.q.options.query)}${w.q.kind === 'with filters' ? ' (filtered)' : ''} ${w.ms.toFixed(0)} ms, ${w.total} results`).join('; ')}`,
    );
  } finally {
    await target.destroy();
  }
}

console.log(
  `Masthead search benchmark — ${now.toISOString()}, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
console.log(
  `${ARTICLES.toLocaleString('en-GB')} articles, ${QUERIES} queries (after ${WARM_UP} to warm up), a page of ${PAGE} results each`,
);
for (const dialect of DIALECTS) await run(dialect);
