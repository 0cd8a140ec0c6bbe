/**
 * The newsroom's article list searches with the same full-text index as the
 * site, on SQLite and on PostgreSQL: staff find drafts, pieces in review,
 * scheduled and unpublished work by any word, ranked and highlighted, while
 * the site's search and the Content API never show them. The list's rules
 * still hold: signed-in staff only, and "only mine" means only mine.
 */
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../src/domain/content/body.js';
import type { Role } from '../../src/domain/newsroom/roles.js';
import type { SnippetSegment } from '../../src/domain/search/snippet.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { findAuthorBySlug } from '../../src/storage/repositories/authors.js';
import { findArticleTypeBySlug, findSectionBySlug } from '../../src/storage/repositories/taxonomy.js';
import { backfillSearchIndex } from '../../src/storage/search/search-index.js';
import { INDEX_FORMAT } from '../../src/storage/search/search-types.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const API = '/api/admin/v1';
const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;

interface Session {
  cookie: string;
  csrfToken: string;
}

interface ListedArticle {
  id: string;
  headline: string;
  status: string;
  createdBy: string | null;
  match?: { rank: number; headline: SnippetSegment[]; snippet: SnippetSegment[] };
}

interface List {
  articles: ListedArticle[];
  meta: { total: number };
}

const paragraphs = (...lines: string[]): BodyDoc => ({
  type: 'doc',
  content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const marked = (segments: SnippetSegment[] | undefined): string[] =>
  (segments ?? []).filter((s) => s.match).map((s) => s.text.toLowerCase());

for (const dialect of DIALECTS) {
  describe(`the newsroom's article search on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let now = T0;
    let ids: { section: string; type: string; author: string };
    let contributor: Session;
    let editor: Session;
    let contentKey: string;

    const api = (session: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
      site.app.inject({
        method,
        url: `${API}${url}`,
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
        ...(payload === undefined ? {} : { payload }),
      });

    async function staffSession(role: Role, email: string): Promise<Session> {
      await createUser(site.deps, { actor: null, email, name: `The ${role}`, role, password: PASSWORD });
      const res = await site.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password: PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'masthead_session')!;
      return { cookie: `masthead_session=${cookie.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
    }

    const ok = (res: LightMyRequestResponse, status = 200): LightMyRequestResponse => {
      expect(res.statusCode, res.body).toBe(status);
      return res;
    };

    async function draft(session: Session, headline: string, ...lines: string[]): Promise<{ id: string; version: number }> {
      const res = ok(
        await api(session, 'POST', '/articles', {
          sectionId: ids.section,
          typeId: ids.type,
          authorIds: [ids.author],
          headline,
          body: paragraphs(...lines),
        }),
        201,
      );
      return (res.json() as { article: { id: string; version: number } }).article;
    }

    const move = async (session: Session, id: string, action: string, extra: Record<string, unknown> = {}) =>
      ok(await api(session, 'POST', `/articles/${id}/workflow`, { action, ...extra }));

    const list = async (session: Session, query: string): Promise<List> =>
      ok(await api(session, 'GET', `/articles?${query}`)).json() as List;
    const found = async (session: Session, query: string): Promise<string[]> => (await list(session, query)).articles.map((a) => a.id);

    /** What readers find: the site's search page and the Content API's search. */
    async function readersFind(word: string, headline: string): Promise<{ site: boolean; contentApi: boolean }> {
      const page = ok(await site.app.inject({ method: 'GET', url: `/search?q=${word}` }));
      const res = ok(
        await site.app.inject({
          method: 'GET',
          url: `/api/content/v1/search?q=${word}`,
          headers: { authorization: `Bearer ${contentKey}` },
        }),
      );
      const results = (res.json() as { results: { article: { headline: string } }[] }).results;
      return { site: page.body.includes(headline), contentApi: results.some((r) => r.article.headline === headline) };
    }

    beforeAll(async () => {
      site = await createTestSite(dialect, { clock: () => now });
      const db = site.deps.db;
      const [section, type, author] = await Promise.all([
        findSectionBySlug(db, 'europe'),
        findArticleTypeBySlug(db, 'news'),
        findAuthorBySlug(db, 'anna-berg'),
      ]);
      ids = { section: section!.id, type: type!.id, author: author!.id };
      contributor = await staffSession('contributor', 'cora@masthead.test');
      editor = await staffSession('editor', 'ed@masthead.test');
      const admin = await staffSession('admin', 'ada@masthead.test');
      const key = ok(await api(admin, 'POST', '/content-keys', { name: 'Partner' }), 201);
      contentKey = (key.json() as { key: { key: string } }).key.key;
    });
    afterAll(async () => {
      await site?.close();
    });

    it('finds a draft by a word of its body, highlighted, which readers cannot find', async () => {
      const piece = await draft(contributor, 'Gulls over the estuary', 'Nobody expected the cormorant colony to return.');

      const byBody = await list(editor, 'q=cormorant');
      expect(byBody.articles.map((a) => a.id)).toEqual([piece.id]);
      expect(byBody.meta.total).toBe(1);
      const hit = byBody.articles[0]!;
      expect(hit).toMatchObject({ headline: 'Gulls over the estuary', status: 'draft' });
      expect(marked(hit.match?.snippet)).toEqual(['cormorant']);

      // A headline word comes back marked in the headline; a word cut short as it is typed still finds it.
      const byHeadline = (await list(editor, 'q=estuar')).articles.find((a) => a.id === piece.id);
      expect(marked(byHeadline?.match?.headline)).toEqual(['estuary']);

      expect(await readersFind('cormorant', 'Gulls over the estuary')).toEqual({ site: false, contentApi: false });
    });

    it('keeps the index current through review, scheduling, publication, an edit and unpublication', async () => {
      const piece = await draft(contributor, 'Lock keepers strike', 'The sluice at Gatwater stays shut.');
      const status = async (word: string): Promise<string | undefined> =>
        (await list(editor, `q=${word}`)).articles.find((a) => a.id === piece.id)?.status;

      await move(contributor, piece.id, 'submit');
      expect(await status('gatwater')).toBe('in_review');
      expect(await readersFind('gatwater', 'Lock keepers strike')).toEqual({ site: false, contentApi: false });

      await move(editor, piece.id, 'schedule', { at: new Date(now.getTime() + HOUR).toISOString() });
      expect(await status('gatwater')).toBe('scheduled');
      // Its time has come but the publishing job has not run yet: still the newsroom's alone.
      now = new Date(now.getTime() + 2 * HOUR);
      expect(await readersFind('gatwater', 'Lock keepers strike')).toEqual({ site: false, contentApi: false });

      const published = await move(editor, piece.id, 'publish');
      expect(await status('gatwater')).toBe('published');
      expect(await readersFind('gatwater', 'Lock keepers strike')).toEqual({ site: true, contentApi: true });

      const version = (published.json() as { article: { version: number } }).article.version;
      ok(await api(editor, 'PATCH', `/articles/${piece.id}`, { version, body: paragraphs('The sluice at Marrowby stays shut.') }));
      expect(await status('gatwater')).toBeUndefined();
      expect(await status('marrowby')).toBe('published');

      await move(editor, piece.id, 'unpublish');
      expect(await status('marrowby')).toBe('unpublished');
      expect(await readersFind('marrowby', 'Lock keepers strike')).toEqual({ site: false, contentApi: false });
    });

    it('ranks a match in the headline above one in the body, and combines the words with the list filters', async () => {
      const inBody = await draft(editor, 'Ferry timetable changes', 'A note on the heron nesting season.');
      const inHeadline = await draft(editor, 'The heron returns to the harbour', 'Birdwatchers gathered at dawn.');
      expect(await found(editor, 'q=heron')).toEqual([inHeadline.id, inBody.id]);

      await move(editor, inHeadline.id, 'submit');
      expect(await found(editor, 'q=heron&status=in_review')).toEqual([inHeadline.id]);
      expect(await found(editor, 'q=heron&status=draft')).toEqual([inBody.id]);
      expect(await found(editor, 'q=heron&status=published')).toEqual([]);
    });

    it('still asks who is signed in, and "only mine" shows only the searcher’s own pieces', async () => {
      const coras = await draft(contributor, 'Tidal mill restored', 'The millwright used oak from Pelling.');
      const eds = await draft(editor, 'Pelling votes on the bypass', 'Turnout was high.');

      const anonymous = await api(null, 'GET', '/articles?q=pelling');
      expect(anonymous.statusCode).toBe(401);
      expect((anonymous.json() as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual(['NOT_SIGNED_IN']);

      // Any signed-in staff member may read every piece, as the list without words allows.
      expect(new Set(await found(contributor, 'q=pelling'))).toEqual(new Set([coras.id, eds.id]));
      expect(await found(contributor, 'q=pelling&mine=1')).toEqual([coras.id]);
      expect(await found(editor, 'q=pelling&mine=1')).toEqual([eds.id]);
      // Without words the list is still the newest change first, every state.
      const all = await list(contributor, 'mine=1');
      expect(all.articles.every((a) => a.match === undefined)).toBe(true);
      expect(all.articles.map((a) => a.id)).toContain(coras.id);
    });

    it('brings an index written before drafts were searchable up to date at start-up', async () => {
      const piece = await draft(editor, 'Salt marsh survey', 'Counting the avocet pairs.');
      // As migration 0006 leaves an older database: published rows only, in format 1.
      await sql`delete from article_search where article_id = ${piece.id}`.execute(site.deps.db);
      await sql`update article_search set format = 1`.execute(site.deps.db);
      expect(await found(editor, 'q=avocet')).toEqual([]);

      expect(await backfillSearchIndex(site.deps.db)).toBeGreaterThan(1);
      expect(await found(editor, 'q=avocet')).toEqual([piece.id]);
      const stale = await sql<{ n: number }>`select count(*) as n from article_search where format < ${INDEX_FORMAT}`.execute(site.deps.db);
      expect(Number(stale.rows[0]!.n)).toBe(0);
      expect(await backfillSearchIndex(site.deps.db)).toBe(0);
      expect(await readersFind('avocet', 'Salt marsh survey')).toEqual({ site: false, contentApi: false });
    });

    it('answers odd input with 200 and results or an empty list', async () => {
      for (const q of ['"', '***', '-', 'DROP TABLE articles; --', '"unclosed phrase', '🌊', 'x'.repeat(200)]) {
        const res = await api(editor, 'GET', `/articles?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      }
    });
  });
}
