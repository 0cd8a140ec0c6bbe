import type { VNode } from 'preact';
import type { Brief } from '../../../domain/content/model.js';
import { briefPath, sectionPath } from '../../../domain/content/paths.js';
import type { BriefView, BriefsView } from '../../../services/site/view-models.js';
import type { ThemeContext } from '../context.js';
import { Pagination } from '../partials/pagination.js';
import { Time } from '../partials/time.js';

function BriefItem({ ctx, brief, heading, link }: { ctx: ThemeContext; brief: Brief; heading: 'h1' | 'h2'; link: boolean }): VNode {
  const Tag = heading;
  return (
    <article class="brief">
      <p class="labels">
        <span>Brief</span>
        {brief.section && (
          <>
            <span class="sep" aria-hidden="true">
              {' | '}
            </span>
            <a href={sectionPath(brief.section.slug)}>{brief.section.name}</a>
          </>
        )}
      </p>
      <Tag class="brief-headline">{link ? <a href={briefPath(brief)}>{brief.headline}</a> : brief.headline}</Tag>
      <p class="brief-time">
        <Time iso={brief.publishedAt} timeZone={ctx.settings.timeZone} withTime />
      </p>
      {brief.take
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p class="brief-take" key={i}>
            {p}
          </p>
        ))}
      {brief.sourceUrl && (
        <p class="brief-source">
          Source:{' '}
          <a href={brief.sourceUrl} rel="noopener">
            {brief.sourceName || new URL(brief.sourceUrl).hostname}
          </a>
        </p>
      )}
    </article>
  );
}

export function BriefsPage({ ctx, view }: { ctx: ThemeContext; view: BriefsView }): VNode {
  return (
    <div class="briefs-page">
      <header class="listing-header">
        <h1>Briefs</h1>
        <p class="listing-description">Short takes on the news, from our desk.</p>
      </header>
      {view.briefs.length === 0 ? (
        <p class="empty">No briefs yet.</p>
      ) : (
        <div class="brief-list">
          {view.briefs.map((b) => (
            <BriefItem ctx={ctx} brief={b} heading="h2" link key={b.id} />
          ))}
        </div>
      )}
      <Pagination path="/briefs" page={view.page} />
    </div>
  );
}

export function BriefPage({ ctx, view }: { ctx: ThemeContext; view: BriefView }): VNode {
  return (
    <div class="brief-page">
      <BriefItem ctx={ctx} brief={view.brief} heading="h1" link={false} />
      {view.more.length > 0 && (
        <section class="more-briefs" aria-labelledby="more-briefs-heading">
          <h2 id="more-briefs-heading">More briefs</h2>
          <ul>
            {view.more.map((b) => (
              <li key={b.id}>
                <a href={briefPath(b)}>{b.headline}</a>
              </li>
            ))}
          </ul>
          <p>
            <a href="/briefs">All briefs</a>
          </p>
        </section>
      )}
    </div>
  );
}
