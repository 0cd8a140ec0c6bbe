import type { VNode } from 'preact';
import { pagedPath } from '../../../domain/content/paths.js';
import type { PageInfo } from '../../../lib/pagination.js';

interface Props {
  page: Pick<PageInfo, 'number' | 'count' | 'hasPrev' | 'hasNext'>;
  /** The listing's path (pages become ?page=N), or a function for addresses that carry more. */
  path?: string;
  href?: (page: number) => string;
  label?: string;
  prevText?: string;
  nextText?: string;
}

export function Pagination({
  page,
  path = '/',
  href = (n) => pagedPath(path, n),
  label = 'Pages',
  prevText = '← Newer',
  nextText = 'Older →',
}: Props): VNode | null {
  if (page.count <= 1) return null;
  return (
    <nav class="pagination" aria-label={label}>
      {page.hasPrev ? (
        <a href={href(page.number - 1)} rel="prev">
          {prevText}
        </a>
      ) : (
        <span />
      )}
      <span class="page-of" aria-current="page">
        Page {page.number} of {page.count}
      </span>
      {page.hasNext ? (
        <a href={href(page.number + 1)} rel="next">
          {nextText}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
