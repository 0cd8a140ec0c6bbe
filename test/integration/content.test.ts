/**
 * Content operations and storage, on SQLite and on PostgreSQL, through the
 * same operations the admin, the API and the CLI call. Nothing is mocked:
 * each dialect gets a real database and a real media folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../src/domain/content/body.js';
import { DEFAULT_SETTINGS } from '../../src/domain/content/model.js';
import type { ArticleType, Author, Image, Section, Topic } from '../../src/domain/content/model.js';
import { RELATED_WEIGHTS } from '../../src/domain/content/related.js';
import { MastheadError } from '../../src/errors.js';
import type { ErrorCode } from '../../src/errors.js';
import type { Clock } from '../../src/lib/clock.js';
import { addCorrection } from '../../src/services/content/add-correction.js';
import { createArticle } from '../../src/services/content/create-article.js';
import type { ArticleInput } from '../../src/services/content/create-article.js';
import { createBrief } from '../../src/services/content/create-brief.js';
import { updateArticle } from '../../src/services/content/update-article.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { createContentEvents } from '../../src/services/events.js';
import { storeImage } from '../../src/services/media/store-image.js';
import { getSiteSettings, updateSiteSettings } from '../../src/services/settings/site-settings.js';
import { createArticleType, createAuthor, createSection, createTopic } from '../../src/services/taxonomy/create-taxonomy.js';
import type { Db } from '../../src/storage/db.js';
import { localMediaStore } from '../../src/storage/media/local-media-store.js';
import { migrateToLatest, pendingMigrations } from '../../src/storage/migrate.js';
import { migrations } from '../../src/storage/migrations/index.js';
import {
  articleIdByRetiredSlug,
  findArticleById,
  findArticleBySlug,
  findArticlesByIds,
  listPublishedTeasers,
  rankRelatedIds,
} from '../../src/storage/repositories/articles.js';
import type { TeaserFilter } from '../../src/storage/repositories/articles.js';
import { listPublishedBriefs } from '../../src/storage/repositories/briefs.js';
import { countImages, imagesByIds } from '../../src/storage/repositories/images.js';
import { readSettings, writeSetting } from '../../src/storage/repositories/settings.js';
import { findSectionBySlug, listSections } from '../../src/storage/repositories/taxonomy.js';
import { DIALECTS, createTestDb, dialectLabel } from '../helpers/databases.js';
import type { TestDb } from '../helpers/databases.js';

const HOUR = 3_600_000;

const body = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
});

/** Resolves to the MastheadError the operation threw, after checking its code. */
async function expectCode(work: Promise<unknown>, code: ErrorCode): Promise<MastheadError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(MastheadError);
  expect((error as MastheadError).code).toBe(code);
  return error as MastheadError;
}

const COUNTED_TABLES = [
  'articles',
  'article_topics',
  'article_bylines',
  'article_related',
  'article_slug_history',
  'corrections',
  'sections',
  'topics',
  'authors',
  'images',
  'settings',
] as const;

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const row = await db
      .selectFrom(table as 'articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** Every change batch announced while it listens. */
function listen(deps: ServiceDeps): { batches: string[][]; stop: () => void } {
  const batches: string[][] = [];
  const stop = deps.events.onChange((keys) => batches.push([...keys]));
  return { batches, stop };
}

async function filesUnder(root: string): Promise<string[]> {
  try {
    return (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

/** A desk of its own for a test: sections, types, topics and authors no other test files under. */
interface Desk {
  sectionA: Section;
  sectionB: Section;
  typeT: ArticleType;
  typeU: ArticleType;
  topicX: Topic;
  topicY: Topic;
  topicZ: Topic;
  authorM: Author;
  authorN: Author;
  authorO: Author;
}

let deskCount = 0;
async function createDesk(deps: ServiceDeps): Promise<Desk> {
  const d = `desk${++deskCount}`;
  return {
    sectionA: await createSection(deps, { slug: `${d}-a`, name: `${d} A` }),
    sectionB: await createSection(deps, { slug: `${d}-b`, name: `${d} B` }),
    typeT: await createArticleType(deps, { slug: `${d}-t`, name: `${d} T` }),
    typeU: await createArticleType(deps, { slug: `${d}-u`, name: `${d} U`, schemaType: 'AnalysisNewsArticle' }),
    topicX: await createTopic(deps, { slug: `${d}-x`, name: `${d} X` }),
    topicY: await createTopic(deps, { slug: `${d}-y`, name: `${d} Y` }),
    topicZ: await createTopic(deps, { slug: `${d}-z`, name: `${d} Z` }),
    authorM: await createAuthor(deps, { slug: `${d}-m`, name: `${d} M` }),
    authorN: await createAuthor(deps, { slug: `${d}-n`, name: `${d} N` }),
    authorO: await createAuthor(deps, { slug: `${d}-o`, name: `${d} O` }),
  };
}

let storyCount = 0;

for (const dialect of DIALECTS) {
  describe(`content on ${dialectLabel(dialect)}`, () => {
    let testDb: TestDb;
    let mediaRoot: string;
    let deps: ServiceDeps;
    let current = new Date('2025-03-01T12:00:00.000Z');
    const clock: Clock = () => new Date(current);
    const hoursFromNow = (hours: number): string => new Date(current.getTime() + hours * HOUR).toISOString();
    let desk: Desk;
    let picture: Image;

    /** A published article on the shared desk unless told otherwise. */
    async function story(input: Partial<ArticleInput> = {}): Promise<{ id: string; slug: string }> {
      const n = ++storyCount;
      return createArticle(deps, {
        slug: `story-${n}`,
        sectionId: desk.sectionA.id,
        typeId: desk.typeT.id,
        headline: `Story number ${n}`,
        body: body(`Words of story ${n}.`),
        status: 'published',
        publishedAt: hoursFromNow(-1),
        ...input,
      });
    }

    beforeAll(async () => {
      testDb = await createTestDb(dialect);
      mediaRoot = await mkdtemp(path.join(tmpdir(), 'masthead-content-'));
      deps = { db: testDb.db, clock, events: createContentEvents(), media: localMediaStore(mediaRoot) };
      desk = await createDesk(deps);
      const png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#336699' } })
        .png()
        .toBuffer();
      picture = await storeImage(deps, { bytes: png, caption: 'Library caption', credit: 'Library Credit', alt: 'Library alt' });
    });
    afterAll(async () => {
      await testDb?.destroy();
      if (mediaRoot) await rm(mediaRoot, { recursive: true, force: true });
    });

    describe('migrations', () => {
      // On a PostgreSQL server the test database shares the server with other schemas holding
      // Kysely's bookkeeping tables: migrations must use their own schema's (migrationTableSchema).
      it('apply once on a new database; run again they do nothing and leave data alone', async () => {
        const fresh = await createTestDb(dialect, { migrate: false });
        try {
          expect(await pendingMigrations(fresh.db)).toEqual(Object.keys(migrations));
          expect(await migrateToLatest(fresh.db)).toEqual(Object.keys(migrations));
          const freshDeps: ServiceDeps = { ...deps, db: fresh.db };
          await createSection(freshDeps, { slug: 'europe', name: 'Europe' });
          expect(await migrateToLatest(fresh.db)).toEqual([]);
          expect(await pendingMigrations(fresh.db)).toEqual([]);
          expect((await listSections(fresh.db)).map((s) => s.slug)).toEqual(['europe']);
        } finally {
          await fresh.destroy();
        }
      });

      it('leave nothing pending on the shared test database', async () => {
        expect(await migrateToLatest(deps.db)).toEqual([]);
        expect(await pendingMigrations(deps.db)).toEqual([]);
      });
    });

    describe('articles', () => {
      it('stores an article and reads it back whole: ordered bylines and topics, lead image, pinned related pieces', async () => {
        const pinned = await story();
        const doc: BodyDoc = {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Three small words', marks: [{ type: 'bold' }] }] },
            { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A subhead' }] },
          ],
        };
        const publishedAt = hoursFromNow(-2);
        const { id, slug } = await createArticle(deps, {
          sectionId: desk.sectionA.id,
          typeId: desk.typeU.id,
          kicker: 'Tides & turns',
          headline: '  Why the <harbour> matters  ',
          dek: 'A dek with “quotes”.',
          body: doc,
          leadImage: { id: picture.id, caption: 'Cranes at dusk.', alt: 'Cranes' },
          topicIds: [desk.topicY.id, desk.topicX.id],
          authorIds: [desk.authorN.id, desk.authorO.id, desk.authorM.id],
          relatedIds: [pinned.id],
          status: 'published',
          publishedAt,
        });
        expect(slug).toBe('why-the-harbour-matters');

        const article = await findArticleBySlug(deps.db, slug);
        expect(article).not.toBeNull();
        expect(await findArticleById(deps.db, id)).toEqual(article);
        expect(article).toMatchObject({
          id,
          slug,
          kicker: 'Tides & turns',
          headline: 'Why the <harbour> matters',
          dek: 'A dek with “quotes”.',
          status: 'published',
          publishedAt,
          updatedAt: null,
          createdAt: current.toISOString(),
          modifiedAt: current.toISOString(),
          version: 1,
          wordCount: 5,
          corrections: [],
          pinnedRelatedIds: [pinned.id],
          section: { id: desk.sectionA.id, slug: desk.sectionA.slug, name: desk.sectionA.name },
        });
        expect(article!.body).toEqual(doc);
        expect(article!.type).toEqual(desk.typeU);
        expect(article!.topics).toEqual([desk.topicY, desk.topicX]);
        expect(article!.authors.map((a) => a.id)).toEqual([desk.authorN.id, desk.authorO.id, desk.authorM.id]);
        expect(article!.bylines).toEqual([desk.authorN, desk.authorO, desk.authorM].map((a) => ({ id: a.id, slug: a.slug, name: a.name })));
        // The placement's own words win; what it leaves out comes from the library.
        expect(article!.leadImage).toEqual({ image: picture, caption: 'Cranes at dusk.', credit: 'Library Credit', alt: 'Cranes' });
      });

      it('refuses a slug that is taken with SLUG_TAKEN and writes nothing', async () => {
        const first = await story({ topicIds: [desk.topicX.id], authorIds: [desk.authorM.id] });
        const before = await rowCounts(deps.db);
        const error = await expectCode(
          story({ slug: first.slug, topicIds: [desk.topicY.id], authorIds: [desk.authorN.id], relatedIds: [first.id] }),
          'SLUG_TAKEN',
        );
        expect(error.property).toBe('slug');
        expect(error.status).toBe(409);
        expect(await rowCounts(deps.db)).toEqual(before);
        expect((await findArticleBySlug(deps.db, first.slug))?.id).toBe(first.id);
      });

      const unknownReferences: [string, Partial<ArticleInput>][] = [
        ['section', { sectionId: 'no-such-section' }],
        ['article type', { typeId: 'no-such-type' }],
        ['topic', { topicIds: ['no-such-topic'] }],
        ['author', { authorIds: ['no-such-author'] }],
        ['image', { leadImage: { id: 'no-such-image' } }],
        ['article', { relatedIds: ['no-such-article'] }],
      ];
      it.each(unknownReferences)('refuses an unknown %s with UNKNOWN_REFERENCE and writes nothing', async (kind, bad) => {
        const before = await rowCounts(deps.db);
        const slug = `unknown-${kind.replace(' ', '-')}-${dialect}`;
        const input: Partial<ArticleInput> = { slug, topicIds: [desk.topicX.id], authorIds: [desk.authorM.id], ...bad };
        const error = await expectCode(story(input), 'UNKNOWN_REFERENCE');
        expect(error.message).toContain(kind);
        expect(error.message).toContain('no-such-');
        expect(await rowCounts(deps.db)).toEqual(before);
        expect(await findArticleBySlug(deps.db, slug)).toBeNull();
      });

      it('names the unknown one among known topics and authors', async () => {
        const error = await expectCode(story({ topicIds: [desk.topicX.id, 'ghost-topic', desk.topicY.id] }), 'UNKNOWN_REFERENCE');
        expect(error.message).toBe('No topic has the identifier "ghost-topic".');
      });

      it('rolls the whole article back when a write fails part-way', async () => {
        const before = await rowCounts(deps.db);
        const slug = `half-written-${dialect}`;
        // The same author twice breaks the bylines' primary key after the article row is in.
        await expect(story({ slug, topicIds: [desk.topicX.id], authorIds: [desk.authorM.id, desk.authorM.id] })).rejects.toThrow();
        expect(await rowCounts(deps.db)).toEqual(before);
        expect(await findArticleBySlug(deps.db, slug)).toBeNull();
      });

      it('keeps site paths for the site: a section may not be called "search" or "admin"', async () => {
        const before = await rowCounts(deps.db);
        const search = await expectCode(createSection(deps, { slug: 'search', name: 'Search' }), 'RESERVED_SLUG');
        expect(search.property).toBe('slug');
        // A slug made from the name is checked too.
        await expectCode(createSection(deps, { name: 'Admin' }), 'RESERVED_SLUG');
        expect(await rowCounts(deps.db)).toEqual(before);
        expect(await findSectionBySlug(deps.db, 'search')).toBeNull();
        expect(await findSectionBySlug(deps.db, 'admin')).toBeNull();
      });
    });

    describe('editing', () => {
      it('refuses a save made from a stale version with VERSION_CONFLICT and leaves the article as it was', async () => {
        const { id } = await story({ topicIds: [desk.topicX.id] });
        const saved = await updateArticle(deps, { id, expectedVersion: 1, changes: { headline: 'Second thoughts' } });
        expect(saved.version).toBe(2);
        const before = await findArticleById(deps.db, id);
        const error = await expectCode(
          updateArticle(deps, {
            id,
            expectedVersion: 1,
            changes: { headline: 'Overwritten?', topicIds: [desk.topicY.id], slug: `overwritten-${dialect}` },
          }),
          'VERSION_CONFLICT',
        );
        expect(error.status).toBe(409);
        expect(await findArticleById(deps.db, id)).toEqual(before);
        expect(before).toMatchObject({ headline: 'Second thoughts', version: 2 });
        expect(await articleIdByRetiredSlug(deps.db, before!.slug)).toBeNull();
      });

      it('lets exactly one of two concurrent saves at the same version through', async () => {
        const { id } = await story();
        const results = await Promise.allSettled([
          updateArticle(deps, { id, expectedVersion: 1, changes: { headline: 'Desk one wins' } }),
          updateArticle(deps, { id, expectedVersion: 1, changes: { headline: 'Desk two wins' } }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(MastheadError);
        expect((lost[0]!.reason as MastheadError).code).toBe('VERSION_CONFLICT');
        const after = await findArticleById(deps.db, id);
        expect(after!.version).toBe(2);
        expect(after!.headline).toBe(results[0]!.status === 'fulfilled' ? 'Desk one wins' : 'Desk two wins');
      });

      it('refuses unknown references on update and leaves the article as it was', async () => {
        const { id } = await story({ topicIds: [desk.topicX.id] });
        const before = await findArticleById(deps.db, id);
        await expectCode(
          updateArticle(deps, { id, expectedVersion: 1, changes: { headline: 'New', topicIds: ['ghost'] } }),
          'UNKNOWN_REFERENCE',
        );
        expect(await findArticleById(deps.db, id)).toEqual(before);
      });

      it('refuses to move an article onto another article’s slug', async () => {
        const taken = await story();
        const { id, slug } = await story();
        await expectCode(updateArticle(deps, { id, expectedVersion: 1, changes: { slug: taken.slug } }), 'SLUG_TAKEN');
        expect((await findArticleById(deps.db, id))!.slug).toBe(slug);
        expect(await articleIdByRetiredSlug(deps.db, slug)).toBeNull();
      });

      it('remembers an old slug for redirects, and forgets it when the article takes it back', async () => {
        const { id, slug: original } = await story();
        const renamed = `${original}-renamed`;
        const first = await updateArticle(deps, { id, expectedVersion: 1, changes: { slug: renamed } });
        expect(first).toEqual({ version: 2, slug: renamed });
        expect(await findArticleBySlug(deps.db, original)).toBeNull();
        expect((await findArticleBySlug(deps.db, renamed))?.id).toBe(id);
        expect(await articleIdByRetiredSlug(deps.db, original)).toBe(id);

        await updateArticle(deps, { id, expectedVersion: 2, changes: { slug: original } });
        expect((await findArticleBySlug(deps.db, original))?.id).toBe(id);
        expect(await articleIdByRetiredSlug(deps.db, original)).toBeNull();
        expect(await articleIdByRetiredSlug(deps.db, renamed)).toBe(id);
      });

      it('marks a live piece "updated" when its words change, but not a draft', async () => {
        const live = await story();
        const draft = await story({ status: 'draft', publishedAt: null });
        current = new Date(current.getTime() + HOUR);
        await updateArticle(deps, { id: live.id, expectedVersion: 1, changes: { dek: 'A new dek.' } });
        await updateArticle(deps, { id: draft.id, expectedVersion: 1, changes: { dek: 'A new dek.' } });
        expect(await findArticleById(deps.db, live.id)).toMatchObject({
          dek: 'A new dek.',
          updatedAt: current.toISOString(),
          modifiedAt: current.toISOString(),
        });
        expect(await findArticleById(deps.db, draft.id)).toMatchObject({
          dek: 'A new dek.',
          updatedAt: null,
          modifiedAt: current.toISOString(),
        });
      });

      it('keeps every correction, in order, and moves the updated time to the newest', async () => {
        const { id } = await story();
        current = new Date(current.getTime() + HOUR);
        const first = await addCorrection(deps, {
          articleId: id,
          kind: 'correction',
          text: '  An earlier version misnamed the harbour.  ',
        });
        expect(first.text).toBe('An earlier version misnamed the harbour.');
        expect(first.issuedAt).toBe(current.toISOString());
        const afterFirst = await findArticleById(deps.db, id);
        expect(afterFirst).toMatchObject({ updatedAt: first.issuedAt, modifiedAt: current.toISOString(), version: 2 });

        current = new Date(current.getTime() + HOUR);
        const second = await addCorrection(deps, { articleId: id, kind: 'update', text: 'New figures were added.' });
        const article = await findArticleById(deps.db, id);
        expect(article!.corrections).toEqual([first, second]);
        expect(article!.updatedAt).toBe(second.issuedAt);
        expect(article!.updatedAt).not.toBe(afterFirst!.updatedAt);
        expect(article!.version).toBe(3);
      });

      it('reads many articles at once, whole and in the order asked, leaving out unknown ids', async () => {
        const { id } = await story();
        for (let i = 0; i < 3; i++) await story();
        const pinned = await story();
        const rich = await createArticle(deps, {
          sectionId: desk.sectionA.id,
          typeId: desk.typeU.id,
          kicker: '',
          headline: 'Read in a batch',
          dek: '',
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Batch.' }] }] },
          topicIds: [desk.topicY.id, desk.topicX.id],
          authorIds: [desk.authorO.id, desk.authorM.id],
          relatedIds: [pinned.id],
          status: 'published',
          publishedAt: hoursFromNow(-1),
        });
        await addCorrection(deps, { articleId: id, kind: 'update', text: 'Read together with the others.' });
        const ids = (await deps.db.selectFrom('articles').select('id').orderBy('id', 'desc').execute()).map((r) => r.id);
        expect(ids.length).toBeGreaterThan(3);
        const asked = [ids[1]!, 'no-such-article', ...ids, ids[1]!];
        const oneByOne = (await Promise.all(asked.map((a) => findArticleById(deps.db, a)))).filter((a) => a !== null);
        const together = await findArticlesByIds(deps.db, asked);
        expect(together.map((a) => a.id)).toEqual(asked.filter((a) => a !== 'no-such-article'));
        expect(together).toEqual(oneByOne);
        expect(together.find((a) => a.id === id)!.corrections.map((c) => c.text)).toEqual(['Read together with the others.']);
        // Each piece's own topics, bylines and pinned pieces, in their order, whatever else is in the batch.
        const richOne = together.find((a) => a.id === rich.id)!;
        expect(richOne.topics).toEqual([desk.topicY, desk.topicX]);
        expect(richOne.authors.map((a) => a.id)).toEqual([desk.authorO.id, desk.authorM.id]);
        expect(richOne.pinnedRelatedIds).toEqual([pinned.id]);
        expect(richOne.corrections).toEqual([]);
        expect(await findArticlesByIds(deps.db, [])).toEqual([]);
      });

      it('refuses an empty correction or one for an article that does not exist, and writes nothing', async () => {
        const { id } = await story();
        const before = await rowCounts(deps.db);
        await expectCode(addCorrection(deps, { articleId: id, kind: 'correction', text: '   ' }), 'VALIDATION_FAILED');
        await expectCode(addCorrection(deps, { articleId: 'no-such-article', kind: 'correction', text: 'Text.' }), 'NOT_FOUND');
        expect(await rowCounts(deps.db)).toEqual(before);
      });
    });

    describe('change announcements', () => {
      it('announce a published article’s changes, with "articles" when lists change', async () => {
        const heard = listen(deps);
        try {
          const live = await story({ topicIds: [desk.topicX.id] });
          expect(heard.batches).toEqual([[`article:${live.id}`, 'articles']]);

          heard.batches.length = 0;
          await updateArticle(deps, { id: live.id, expectedVersion: 1, changes: { headline: 'Sharper' } });
          expect(heard.batches).toEqual([[`article:${live.id}`]]);

          heard.batches.length = 0;
          await updateArticle(deps, { id: live.id, expectedVersion: 2, changes: { topicIds: [desk.topicY.id] } });
          expect(heard.batches).toEqual([[`article:${live.id}`, 'articles']]);

          heard.batches.length = 0;
          await updateArticle(deps, { id: live.id, expectedVersion: 3, changes: { sectionId: desk.sectionB.id } });
          expect(heard.batches).toEqual([[`article:${live.id}`, 'articles']]);

          heard.batches.length = 0;
          await addCorrection(deps, { articleId: live.id, kind: 'update', text: 'Updated.' });
          expect(heard.batches).toEqual([[`article:${live.id}`]]);

          heard.batches.length = 0;
          await updateArticle(deps, { id: live.id, expectedVersion: 5, changes: { status: 'unpublished' } });
          expect(heard.batches).toEqual([[`article:${live.id}`, 'articles']]);
        } finally {
          heard.stop();
        }
      });

      it('announce nothing while a piece is a draft, and announce it when it is published', async () => {
        const heard = listen(deps);
        try {
          const draft = await story({ status: 'draft', publishedAt: null });
          await updateArticle(deps, {
            id: draft.id,
            expectedVersion: 1,
            changes: { headline: 'Still a draft', topicIds: [desk.topicX.id] },
          });
          await createBrief(deps, { headline: 'A draft brief', take: 'Not yet.' });
          expect(heard.batches).toEqual([]);

          await updateArticle(deps, { id: draft.id, expectedVersion: 2, changes: { status: 'published' } });
          expect(heard.batches).toEqual([[`article:${draft.id}`, 'articles']]);
          const published = await findArticleById(deps.db, draft.id);
          expect(published!.publishedAt).toBe(current.toISOString());
        } finally {
          heard.stop();
        }
      });

      it('stop reaching a listener once it unsubscribes', async () => {
        const heard = listen(deps);
        heard.stop();
        await story();
        expect(heard.batches).toEqual([]);
      });
    });

    describe('reading lists', () => {
      it('lists only published pieces whose time has come, newest first, and counts them with each filter', async () => {
        const d = await createDesk(deps);
        const base = { sectionId: d.sectionA.id, typeId: d.typeT.id };
        const a1 = await story({ ...base, topicIds: [d.topicX.id], authorIds: [d.authorM.id], publishedAt: hoursFromNow(-3) });
        const a2 = await story({
          ...base,
          typeId: d.typeU.id,
          topicIds: [d.topicX.id, d.topicY.id],
          authorIds: [d.authorN.id, d.authorM.id],
          publishedAt: hoursFromNow(-2),
        });
        const a3 = await story({
          ...base,
          sectionId: d.sectionB.id,
          topicIds: [d.topicY.id],
          authorIds: [d.authorN.id],
          publishedAt: hoursFromNow(-1),
        });
        const everything = { topicIds: [d.topicX.id, d.topicY.id], authorIds: [d.authorM.id, d.authorN.id] };
        await story({ ...base, ...everything, status: 'draft', publishedAt: null });
        await story({ ...base, ...everything, status: 'draft', publishedAt: hoursFromNow(-5) });
        await story({ ...base, ...everything, status: 'unpublished', publishedAt: hoursFromNow(-5) });
        const future = await story({ ...base, ...everything, publishedAt: hoursFromNow(24) });

        const list = async (filter: TeaserFilter, now = clock()) => {
          const { teasers, total } = await listPublishedTeasers(deps.db, { now, filter, limit: 10, withTotal: true });
          return { ids: teasers.map((t) => t.id), total };
        };
        expect(await list({ sectionId: d.sectionA.id })).toEqual({ ids: [a2.id, a1.id], total: 2 });
        expect(await list({ sectionId: d.sectionB.id })).toEqual({ ids: [a3.id], total: 1 });
        expect(await list({ topicId: d.topicX.id })).toEqual({ ids: [a2.id, a1.id], total: 2 });
        expect(await list({ topicId: d.topicY.id })).toEqual({ ids: [a3.id, a2.id], total: 2 });
        expect(await list({ topicId: d.topicZ.id })).toEqual({ ids: [], total: 0 });
        expect(await list({ authorId: d.authorM.id })).toEqual({ ids: [a2.id, a1.id], total: 2 });
        expect(await list({ authorId: d.authorN.id })).toEqual({ ids: [a3.id, a2.id], total: 2 });
        expect(await list({ typeId: d.typeT.id })).toEqual({ ids: [a3.id, a1.id], total: 2 });
        expect(await list({ typeId: d.typeU.id })).toEqual({ ids: [a2.id], total: 1 });
        expect(await list({ sectionId: d.sectionA.id, topicId: d.topicY.id })).toEqual({ ids: [a2.id], total: 1 });
        expect(await list({ topicId: d.topicX.id, excludeIds: [a2.id] })).toEqual({ ids: [a1.id], total: 1 });

        // A page of one still counts them all.
        const second = await listPublishedTeasers(deps.db, {
          now: clock(),
          filter: { topicId: d.topicY.id },
          limit: 1,
          offset: 1,
          withTotal: true,
        });
        expect(second.teasers.map((t) => t.id)).toEqual([a2.id]);
        expect(second.total).toBe(2);

        // Teasers carry their bylines in order.
        const [teaser] = (await listPublishedTeasers(deps.db, { now: clock(), filter: { typeId: d.typeU.id }, limit: 1 })).teasers;
        expect(teaser!.bylines.map((b) => b.id)).toEqual([d.authorN.id, d.authorM.id]);
        expect(teaser!.section.id).toBe(d.sectionA.id);
        expect(teaser!.type).toEqual({ id: d.typeU.id, slug: d.typeU.slug, name: d.typeU.name });

        // The scheduled piece appears once its time comes, and only then.
        const tomorrow = new Date(current.getTime() + 25 * HOUR);
        expect(await list({ sectionId: d.sectionA.id }, tomorrow)).toEqual({ ids: [future.id, a2.id, a1.id], total: 3 });
      });

      // SQLite compares times as text: every time must be stored in one form (UTC, milliseconds).
      it('reads a publish time written with an offset or without milliseconds as the same instant', async () => {
        const d = await createDesk(deps);
        const at = current.getTime();
        const iso = (ms: number) => new Date(ms).toISOString();
        // One hour ago, written as local time two hours east of UTC.
        const offset = `${iso(at - HOUR + 2 * HOUR).slice(0, 19)}+02:00`;
        // Exactly now, without milliseconds.
        const noMillis = `${iso(at).slice(0, 19)}Z`;
        const early = await story({ sectionId: d.sectionA.id, publishedAt: offset });
        const onTime = await story({ sectionId: d.sectionA.id, publishedAt: noMillis });
        const { teasers } = await listPublishedTeasers(deps.db, { now: clock(), filter: { sectionId: d.sectionA.id }, limit: 10 });
        expect(teasers.map((t) => t.id)).toEqual([onTime.id, early.id]);
      });

      it('ranks related pieces by shared topics, then section, then recency, leaving out the unrelated and the unpublished', async () => {
        const d = await createDesk(deps);
        const at = (hours: number) => ({ publishedAt: hoursFromNow(-hours) });
        const a = { sectionId: d.sectionA.id, typeId: d.typeT.id };
        const b = { sectionId: d.sectionB.id, typeId: d.typeT.id };
        const subject = await story({ ...a, topicIds: [d.topicX.id, d.topicY.id], ...at(1) });
        const bothTopics = await story({ ...b, topicIds: [d.topicX.id, d.topicY.id], ...at(50) }); // 2 + 2
        const topicAndSection = await story({ ...a, topicIds: [d.topicX.id], ...at(40) }); // 2 + 1
        const newerOneTopic = await story({ ...b, topicIds: [d.topicY.id], ...at(10) }); // 2
        // Z is not one of the subject's topics and must not count.
        const olderOneTopic = await story({ ...b, topicIds: [d.topicX.id, d.topicZ.id], ...at(20) }); // 2
        const sectionOnly = await story({ ...a, topicIds: [d.topicZ.id], ...at(2) }); // 1
        await story({ ...b, topicIds: [d.topicZ.id], ...at(3) }); // 0: unrelated
        await story({ ...a, topicIds: [d.topicX.id, d.topicY.id], status: 'draft', publishedAt: null });
        await story({ ...a, topicIds: [d.topicX.id, d.topicY.id], publishedAt: hoursFromNow(5) });

        const ranked = await rankRelatedIds(deps.db, {
          articleId: subject.id,
          topicIds: [d.topicX.id, d.topicY.id],
          sectionId: d.sectionA.id,
          now: clock(),
          limit: 20,
          weights: RELATED_WEIGHTS,
        });
        expect(ranked).toEqual([bothTopics.id, topicAndSection.id, newerOneTopic.id, olderOneTopic.id, sectionOnly.id]);
      });

      it('lists published briefs only', async () => {
        const before = await listPublishedBriefs(deps.db, { now: clock(), limit: 50 });
        const live = await createBrief(deps, {
          headline: 'A live brief',
          take: 'Short.',
          sourceUrl: 'https://example.org/wire/1',
          status: 'published',
        });
        await createBrief(deps, { headline: 'Another draft brief', take: 'Not yet.' });
        const after = await listPublishedBriefs(deps.db, { now: clock(), limit: 50 });
        expect(after.total).toBe(before.total + 1);
        expect(after.briefs[0]).toMatchObject({ id: live.id, slug: 'a-live-brief', sourceUrl: 'https://example.org/wire/1' });
        await expectCode(createBrief(deps, { headline: 'Bad source', take: 'x', sourceUrl: 'javascript:alert(1)' }), 'VALIDATION_FAILED');
      });
    });

    describe('images', () => {
      it.each([
        ['text', () => Buffer.from('Dear editor, this is a letter, not a picture.')],
        ['HTML pretending to be an image', () => Buffer.from('<svg onload="alert(1)"')],
      ])('refuses %s bytes with UNSUPPORTED_IMAGE and stores nothing', async (_, bytes) => {
        const rows = await countImages(deps.db);
        const files = await filesUnder(mediaRoot);
        const error = await expectCode(storeImage(deps, { bytes: bytes() }), 'UNSUPPORTED_IMAGE');
        expect(error.status).toBe(415);
        expect(await countImages(deps.db)).toBe(rows);
        expect(await filesUnder(mediaRoot)).toEqual(files);
      });

      it('refuses an empty file and stores nothing', async () => {
        const rows = await countImages(deps.db);
        const files = await filesUnder(mediaRoot);
        await expect(storeImage(deps, { bytes: Buffer.alloc(0) })).rejects.toThrow();
        expect(await countImages(deps.db)).toBe(rows);
        expect(await filesUnder(mediaRoot)).toEqual(files);
      });
      // so an empty upload surfaces as a plain Error (500 INTERNAL), not 415 UNSUPPORTED_IMAGE.
      it('refuses an empty file with UNSUPPORTED_IMAGE', async () => {
        await expectCode(storeImage(deps, { bytes: Buffer.alloc(0) }), 'UNSUPPORTED_IMAGE');
      });

      /** A noisy PNG (so it has many data chunks) cut in half: its header is intact, its pixels are not. */
      async function truncatedPng(): Promise<Buffer> {
        const [width, height] = [640, 480];
        const png = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
          .png()
          .toBuffer();
        return png.subarray(0, Math.floor(png.length / 2));
      }

      it('refuses a truncated PNG and stores nothing', async () => {
        const rows = await countImages(deps.db);
        const files = await filesUnder(mediaRoot);
        await expect(storeImage(deps, { bytes: await truncatedPng() })).rejects.toThrow();
        expect(await countImages(deps.db)).toBe(rows);
        expect(await filesUnder(mediaRoot)).toEqual(files);
      });
      // then fails while encoding with sharp's own Error ("vipspng: libpng read error"), which is
      // not a MastheadError, so the upload is answered 500 INTERNAL instead of 415 UNSUPPORTED_IMAGE.
      it('refuses a truncated PNG with UNSUPPORTED_IMAGE', async () => {
        await expectCode(storeImage(deps, { bytes: await truncatedPng() }), 'UNSUPPORTED_IMAGE');
      });

      it('stores WebP variants at 480, 960 and 1440 and a 1200 JPEG, on disk and in the library', async () => {
        expect(picture.width).toBe(2000);
        expect(picture.height).toBe(1000);
        expect(picture.variants.map((v) => [v.format, v.width, v.height])).toEqual([
          ['webp', 480, 240],
          ['webp', 960, 480],
          ['webp', 1440, 720],
          ['jpeg', 1200, 600],
        ]);
        expect(picture.storageKey).toBe(picture.variants[3]!.key);
        for (const variant of picture.variants) {
          const meta = await sharp(path.join(mediaRoot, variant.key)).metadata();
          expect(meta.format, variant.key).toBe(variant.format);
          expect(meta.width, variant.key).toBe(variant.width);
          expect(meta.height, variant.key).toBe(variant.height);
        }
        const stored = await imagesByIds(deps.db, [picture.id]);
        expect(stored.get(picture.id)).toEqual(picture);
      });

      it('never enlarges a small picture', async () => {
        const small = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#aa3300' } })
          .png()
          .toBuffer();
        const image = await storeImage(deps, { bytes: small });
        expect(image.variants.map((v) => [v.format, v.width])).toEqual([
          ['webp', 480],
          ['webp', 600],
          ['jpeg', 600],
        ]);
      });

      it('drops EXIF, GPS position included, from every stored variant', async () => {
        const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#228844' } })
          .jpeg()
          .withExif({ IFD0: { Artist: 'Photographer at home' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
          .toBuffer();
        const source = await sharp(jpeg).metadata();
        expect(source.exif, 'the test picture carries EXIF').toBeInstanceOf(Buffer);
        expect(source.exif!.toString('latin1')).toContain('Photographer at home');

        const image = await storeImage(deps, { bytes: jpeg });
        expect(image.variants).toHaveLength(4);
        for (const variant of image.variants) {
          const file = path.join(mediaRoot, variant.key);
          const meta = await sharp(file).metadata();
          expect(meta.exif, variant.key).toBeUndefined();
          expect(meta.xmp, variant.key).toBeUndefined();
        }
      });
    });

    describe('site settings', () => {
      it('refuses a bad colour or time zone and stores nothing, not even the good fields beside it', async () => {
        const heard = listen(deps);
        try {
          const before = await readSettings(deps.db);
          await expect(
            updateSiteSettings(deps, { title: 'A new title', colors: { accent: 'red', accentDark: '#000000' } }),
          ).rejects.toThrow(/colour/);
          await expect(
            updateSiteSettings(deps, { title: 'A new title', colors: { accent: '#a4262c', accentDark: '#12345' } }),
          ).rejects.toThrow();
          await expect(updateSiteSettings(deps, { title: 'A new title', timeZone: 'Mars/Olympus_Mons' })).rejects.toThrow(/time zone/);
          expect(await readSettings(deps.db)).toEqual(before);
          expect((await getSiteSettings(deps)).title).toBe(DEFAULT_SETTINGS.title);
          expect(heard.batches).toEqual([]);
        } finally {
          heard.stop();
        }
      });

      it('stores good settings, announces them, and reads them back', async () => {
        const heard = listen(deps);
        try {
          const saved = await updateSiteSettings(deps, {
            title: 'The Test Review',
            timeZone: 'Europe/Berlin',
            colors: { accent: '#112233', accentDark: '#AABBCC' },
          });
          expect(saved).toEqual({
            ...DEFAULT_SETTINGS,
            title: 'The Test Review',
            timeZone: 'Europe/Berlin',
            colors: { accent: '#112233', accentDark: '#AABBCC' },
          });
          expect(await getSiteSettings(deps)).toEqual(saved);
          expect(heard.batches).toEqual([['settings']]);
        } finally {
          heard.stop();
        }
      });

      it('reads a damaged stored value as the default and keeps the good ones', async () => {
        await updateSiteSettings(deps, { tagline: 'Checked twice' });
        await deps.db.insertInto('settings').values({ key: 'site.description', value: '{"broken' }).execute();
        await writeSetting(deps.db, 'site.colors', { accent: 'javascript:alert(1)', accentDark: '#000000' });
        await writeSetting(deps.db, 'site.timeZone', 'Not/A_Zone');
        await writeSetting(deps.db, 'site.navigation', [{ label: 'Evil', path: 'javascript:alert(1)' }]);
        const settings = await getSiteSettings(deps);
        expect(settings.tagline).toBe('Checked twice');
        expect(settings.title).toBe('The Test Review');
        expect(settings.description).toBe(DEFAULT_SETTINGS.description);
        expect(settings.colors).toEqual(DEFAULT_SETTINGS.colors);
        expect(settings.timeZone).toBe(DEFAULT_SETTINGS.timeZone);
        expect(settings.navigation).toEqual([]);
      });
    });
  });
}
