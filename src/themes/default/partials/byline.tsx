import type { VNode } from 'preact';
import type { BylineAuthor } from '../../../domain/content/model.js';
import { authorPath } from '../../../domain/content/paths.js';

/** "By A", "By A and B", "By A, B and C", each name a link to the author's page. */
export function Byline({ authors, links = true }: { authors: readonly BylineAuthor[]; links?: boolean }): VNode | null {
  if (authors.length === 0) return null;
  return (
    <span class="byline">
      By{' '}
      {authors.map((a, i) => (
        <span key={a.id}>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          {links ? (
            <a href={authorPath(a.slug)} rel="author">
              {a.name}
            </a>
          ) : (
            a.name
          )}
        </span>
      ))}
    </span>
  );
}
