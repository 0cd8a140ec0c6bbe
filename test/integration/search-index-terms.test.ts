/**
 * What the index answers alone and what it must still check, on SQLite and
 * on PostgreSQL: a phrase of three words is found only where its words stand
 * side by side (not where its two word pairs occur apart), and a prefix
 * finds every word it starts, as typed or left out, whatever its length.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../src/services/content/create-article.js';
import { findArticleTypeBySlug, findSectionBySlug } from '../../src/storage/repositories/taxonomy.js';
import { searchArticles } from '../../src/storage/search/search-index.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

for (const dialect of DIALECTS) {
  describe(`phrases and prefixes in the search index on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    const slugs = async (query: string): Promise<string[]> => {
      const found = await searchArticles(site.deps.db, { query, limit: 10, offset: 0, now: new Date() });
      const rows = await site.deps.db
        .selectFrom('articles')
        .select(['id', 'slug'])
        .where('id', 'in', found.hits.map((h) => h.id).concat(['none']))
        .execute();
      return rows.map((r) => r.slug).sort();
    };

    beforeAll(async () => {
      site = await createTestSite(dialect);
      const [section, type] = await Promise.all([findSectionBySlug(site.deps.db, 'europe'), findArticleTypeBySlug(site.deps.db, 'news')]);
      const publish = (slug: string, text: string) =>
        createArticle(site.deps, {
          slug,
          sectionId: section!.id,
          typeId: type!.id,
          headline: `Piece ${slug}`,
          body: paragraph(text),
          status: 'published',
          publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
        });
      await publish('together', 'The grain deal signed in Odesa holds.');
      await publish('apart', 'A grain deal was near. The deal signed later fell through.');
      await publish('zorbmaster', 'The zorbmaster retires.');
      await publish('zorbinger', 'A zorbinger of change.');
    });
    afterAll(async () => {
      await site?.close();
    });

    it('finds a phrase of three words only where they stand together', async () => {
      expect(await slugs('"grain deal signed"')).toEqual(['together']);
      expect(await slugs('"grain deal"')).toEqual(['apart', 'together']);
      expect(await slugs('"deal signed" -"grain deal signed"')).toEqual(['apart']);
    });

    it('finds every word a prefix starts, at any length, and leaves them out', async () => {
      expect(await slugs('zor*')).toEqual(['zorbinger', 'zorbmaster']);
      expect(await slugs('zorbm*')).toEqual(['zorbmaster']);
      expect(await slugs('zorbmast*')).toEqual(['zorbmaster']);
      expect(await slugs('zo*')).toEqual(['zorbinger', 'zorbmaster']);
      expect(await slugs('zor* -zorbi*')).toEqual(['zorbmaster']);
    });
  });
}
