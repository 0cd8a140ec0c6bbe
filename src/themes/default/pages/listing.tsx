import type { VNode } from 'preact';
import type { ListingView } from '../../../services/site/view-models.js';
import type { ThemeContext } from '../context.js';
import { Pagination } from '../partials/pagination.js';
import { TeaserCard } from '../partials/teaser.js';

const EYEBROW = { section: 'Section', topic: 'Topic', author: 'Author', type: 'Type', latest: '' } as const;

export function ListingPage({ ctx, view }: { ctx: ThemeContext; view: ListingView }): VNode {
  const subject = view.subject;
  const author = subject.kind === 'author' ? subject.author : null;
  return (
    <div class="listing">
      <header class="listing-header">
        {EYEBROW[subject.kind] && <p class="eyebrow">{EYEBROW[subject.kind]}</p>}
        <h1>{view.title}</h1>
        {author?.title && <p class="author-title">{author.title}</p>}
        {view.description && <p class="listing-description">{view.description}</p>}
        {author && author.links.length > 0 && (
          <ul class="author-links">
            {author.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="me noopener">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        )}
        {view.page.number > 1 && <p class="page-note">Page {view.page.number}</p>}
      </header>
      {view.teasers.length === 0 ? (
        <p class="empty">Nothing has been published here yet.</p>
      ) : (
        <div class="card-grid listing-grid">
          {view.teasers.map((t, i) => (
            <TeaserCard ctx={ctx} teaser={t} key={t.id} heading="h2" eager={i === 0 && view.page.number === 1} />
          ))}
        </div>
      )}
      <Pagination path={view.path} page={view.page} />
    </div>
  );
}
