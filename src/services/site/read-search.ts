/** The search page's operation: what the reader asked, checked, searched and shown as teasers with snippets. */
import { MAX_QUERY_CHARS } from '../../domain/search/query.js';
import type { SearchParams } from '../../domain/search/search-path.js';
import { MastheadError } from '../../errors.js';
import { pageInfo, pageOf } from '../../lib/pagination.js';
import { endOfDay, startOfDay } from '../../lib/zoned-day.js';
import { publishedTeasersByIds } from '../../storage/repositories/articles.js';
import { findAuthorBySlug, listAuthors } from '../../storage/repositories/authors.js';
import { findArticleTypeBySlug, findSectionBySlug, listArticleTypes, listSections } from '../../storage/repositories/taxonomy.js';
import { searchArticles } from '../../storage/search/search-index.js';
import type { ServiceDeps } from '../deps.js';
import { keys } from '../events.js';
import { getSiteSettings } from '../settings/site-settings.js';
import type { Keyed, SearchResultItem, SearchView } from './view-models.js';

type ReadDeps = Pick<ServiceDeps, 'db' | 'clock'>;

export const SEARCH_PAGE_SIZE = 10;

/** A search as it arrives: free text and slugs, nothing checked yet. Empty strings mean "any". */
export interface SearchInput {
  q?: string | undefined;
  section?: string | undefined;
  type?: string | undefined;
  author?: string | undefined;
  /** YYYY-MM-DD, a day in the publication's time zone. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

interface ResolvedFilters {
  sectionId?: string;
  typeId?: string;
  authorId?: string;
  from?: Date;
  to?: Date;
}

function paramsOf(input: SearchInput): SearchView['params'] {
  const value = (v: string | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);
  return {
    // Control characters mean nothing in a search and would only be echoed into the page.
    q: (input.q ?? '')
      .replace(/\p{Cc}/gu, ' ')
      .trim()
      .slice(0, MAX_QUERY_CHARS),
    section: value(input.section),
    type: value(input.type),
    author: value(input.author),
    from: value(input.from),
    to: value(input.to),
  };
}

const invalid = (detail: string, property: string): MastheadError => new MastheadError('VALIDATION_FAILED', { detail }, property);

/** Slugs to ids and days to instants; a value that names nothing is the reader's mistake (400), said plainly. */
async function resolveFilters(deps: ReadDeps, params: SearchParams, timeZone: string): Promise<ResolvedFilters> {
  const [section, type, author] = await Promise.all([
    params.section ? findSectionBySlug(deps.db, params.section) : null,
    params.type ? findArticleTypeBySlug(deps.db, params.type) : null,
    params.author ? findAuthorBySlug(deps.db, params.author) : null,
  ]);
  if (params.section && !section) throw invalid(`there is no section “${params.section.slice(0, 80)}”`, 'section');
  if (params.type && !type) throw invalid(`there is no type of article “${params.type.slice(0, 80)}”`, 'type');
  if (params.author && !author) throw invalid(`there is no author “${params.author.slice(0, 80)}”`, 'author');
  const from = params.from ? startOfDay(params.from, timeZone) : undefined;
  const to = params.to ? endOfDay(params.to, timeZone) : undefined;
  if (from === null) throw invalid('the “from” date must be a day written as YYYY-MM-DD, such as 2024-03-31', 'from');
  if (to === null) throw invalid('the “to” date must be a day written as YYYY-MM-DD, such as 2024-03-31', 'to');
  if (from && to && from > to) throw invalid('the “from” date is after the “to” date', 'from');
  return {
    ...(section ? { sectionId: section.id } : {}),
    ...(type ? { typeId: type.id } : {}),
    ...(author ? { authorId: author.id } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

async function filterOptions(deps: ReadDeps): Promise<SearchView['options']> {
  const [sections, types, authors] = await Promise.all([listSections(deps.db), listArticleTypes(deps.db), listAuthors(deps.db)]);
  return { sections, types, authors: authors.map((a) => ({ slug: a.slug, name: a.name })) };
}

/**
 * Searches published pieces. An empty query asks for nothing and gets the
 * form; a filter that names nothing throws VALIDATION_FAILED (400). Results
 * are the page's teasers in rank order, each with its highlighted snippet.
 */
export async function readSearch(deps: ReadDeps, input: SearchInput): Promise<Keyed<SearchView>> {
  const params = paramsOf(input);
  const [settings, options] = await Promise.all([getSiteSettings(deps), filterOptions(deps)]);
  const filters = await resolveFilters(deps, params, settings.timeZone);
  const base: SearchView = { kind: 'search', params, options, results: null, error: null };
  if (params.q === '') return { view: base, keys: [keys.settings] };

  const now = deps.clock();
  const page = pageOf(input.page ?? 1, SEARCH_PAGE_SIZE);
  const found = await searchArticles(deps.db, { query: params.q, ...filters, limit: page.size, offset: page.offset, now });
  const teasers = new Map(
    (
      await publishedTeasersByIds(
        deps.db,
        found.hits.map((h) => h.id),
        now,
      )
    ).map((t) => [t.id, t]),
  );
  const items = found.hits.flatMap((hit): SearchResultItem[] => {
    const teaser = teasers.get(hit.id);
    return teaser ? [{ teaser, snippet: hit.snippet }] : [];
  });
  return {
    view: { ...base, results: { items, total: found.total, capped: found.capped, page: pageInfo(page, found.total) } },
    keys: [keys.settings, keys.articleLists, ...items.map((i) => keys.article(i.teaser.id))],
  };
}

/** The search form with a message about what could not be used: for a 400 answer the reader can correct. */
export async function readSearchForm(deps: ReadDeps, input: SearchInput, error: string): Promise<SearchView> {
  return { kind: 'search', params: paramsOf(input), options: await filterOptions(deps), results: null, error };
}
