/** Addresses of search pages: the query and filters in a stable order, so equal searches have equal URLs. */
export interface SearchParams {
  q: string;
  /** Slugs and YYYY-MM-DD dates, as the reader chose them; null or absent for "any". */
  section?: string | null;
  type?: string | null;
  author?: string | null;
  from?: string | null;
  to?: string | null;
}

const FILTER_KEYS = ['section', 'type', 'author', 'from', 'to'] as const;

export function searchPath(params: SearchParams, page = 1): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const key of FILTER_KEYS) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/search?${text}` : '/search';
}
