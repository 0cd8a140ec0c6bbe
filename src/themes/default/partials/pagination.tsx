import type { VNode } from 'preact';
import { pagedPath } from '../../../domain/content/paths.js';
import type { PageInfo } from '../../../lib/pagination.js';

export function Pagination({ path, page }: { path: string; page: PageInfo }): VNode | null {
  if (page.count <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page.hasPrev ? (
        <a href={pagedPath(path, page.number - 1)} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span class="page-of" aria-current="page">
        Page {page.number} of {page.count}
      </span>
      {page.hasNext ? (
        <a href={pagedPath(path, page.number + 1)} rel="next">
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
