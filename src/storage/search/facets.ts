/**
 * Filters as index terms. Each document carries a term for its section, its
 * type and each of its authors, so a filtered search is one more term the
 * text index intersects itself, as fast as any word, instead of a lookup per
 * match. Terms are made from a hash of the id: letters and digits only, one
 * token to any tokenizer.
 */
import { createHash } from 'node:crypto';
import type { SearchDocument } from './search-types.js';

export type FacetKind = 'section' | 'type' | 'author';

const LETTER: Record<FacetKind, string> = { section: 's', type: 't', author: 'a' };

export function facetHash(kind: FacetKind, id: string): string {
  return `${LETTER[kind]}${createHash('sha1').update(id).digest('hex').slice(0, 20)}`;
}

export function facetsOf(document: SearchDocument): { kind: FacetKind; id: string }[] {
  return [
    { kind: 'section', id: document.sectionId },
    { kind: 'type', id: document.typeId },
    ...document.authorIds.map((id) => ({ kind: 'author' as const, id })),
  ];
}

export function requestedFacets(filter: { sectionId?: string | undefined; typeId?: string | undefined; authorId?: string | undefined }): {
  kind: FacetKind;
  id: string;
}[] {
  return [
    ...(filter.sectionId ? [{ kind: 'section' as const, id: filter.sectionId }] : []),
    ...(filter.typeId ? [{ kind: 'type' as const, id: filter.typeId }] : []),
    ...(filter.authorId ? [{ kind: 'author' as const, id: filter.authorId }] : []),
  ];
}
