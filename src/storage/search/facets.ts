/**
 * Filters as index terms. Each document carries a term for its section, its
 * type and each of its authors, so a filtered search is one more term the
 * text index intersects itself, as fast as any word, instead of a lookup per
 * match. Terms are made from a hash of the id: letters and digits only, one
 * token to any tokenizer.
 */
import { createHash } from 'node:crypto';
import type { EngineSearch, SearchDocument } from './search-types.js';

export type FacetKind = 'section' | 'type' | 'author' | 'status' | 'creator' | 'hidden';

const LETTER: Record<FacetKind, string> = { section: 's', type: 't', author: 'a', status: 'w', creator: 'c', hidden: 'h' };

/**
 * The term every piece readers may not see carries (facetsOf): a readers'
 * search excludes it on SQLite, and the newsroom's finds those pieces by it
 * on PostgreSQL.
 */
export const HIDDEN_FACET = { kind: 'hidden' as const, id: 'not-public' };

export function facetHash(kind: FacetKind, id: string): string {
  return `${LETTER[kind]}${createHash('sha1').update(id).digest('hex').slice(0, 20)}`;
}

export function facetsOf(document: SearchDocument): { kind: FacetKind; id: string }[] {
  return [
    { kind: 'section', id: document.sectionId },
    { kind: 'type', id: document.typeId },
    ...document.authorIds.map((id) => ({ kind: 'author' as const, id })),
    { kind: 'status', id: document.status },
    ...(document.createdBy ? [{ kind: 'creator' as const, id: document.createdBy }] : []),
    ...(document.public ? [] : [HIDDEN_FACET]),
  ];
}

export function requestedFacets(
  filter: Pick<EngineSearch, 'audience' | 'sectionId' | 'typeId' | 'authorId' | 'status' | 'createdBy'>,
): { kind: FacetKind; id: string }[] {
  const newsroom = filter.audience === 'newsroom';
  return [
    ...(filter.sectionId ? [{ kind: 'section' as const, id: filter.sectionId }] : []),
    ...(filter.typeId ? [{ kind: 'type' as const, id: filter.typeId }] : []),
    ...(filter.authorId ? [{ kind: 'author' as const, id: filter.authorId }] : []),
    // Readers never filter by what only the newsroom sees.
    ...(newsroom && filter.status ? [{ kind: 'status' as const, id: filter.status }] : []),
    ...(newsroom && filter.createdBy ? [{ kind: 'creator' as const, id: filter.createdBy }] : []),
  ];
}
