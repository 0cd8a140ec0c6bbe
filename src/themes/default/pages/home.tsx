import type { VNode } from 'preact';
import { briefPath, sectionPath } from '../../../domain/content/paths.js';
import type { Brief } from '../../../domain/content/model.js';
import type { HomeView } from '../../../services/site/view-models.js';
import type { ThemeContext } from '../context.js';
import { River, TeaserCard } from '../partials/teaser.js';
import { Time } from '../partials/time.js';

export function HomePage({ ctx, view }: { ctx: ThemeContext; view: HomeView }): VNode {
  return (
    <div class="home">
      <h1 class="visually-hidden">{ctx.settings.title}</h1>
      <div class="home-top">
        <section class="top-stories" aria-labelledby="top-stories-heading">
          <h2 id="top-stories-heading" class="visually-hidden">
            Top stories
          </h2>
          {view.lead && <TeaserCard ctx={ctx} teaser={view.lead} size="lead" heading="h3" eager />}
          <div class="card-grid">
            {view.top.map((t) => (
              <TeaserCard ctx={ctx} teaser={t} key={t.id} />
            ))}
          </div>
        </section>
        <aside class="home-aside" aria-label="Latest and briefs">
          <River ctx={ctx} teasers={view.latest} />
          <BriefsBlock ctx={ctx} briefs={view.briefs} />
        </aside>
      </div>
      {view.sectionBlocks.map(({ section, teasers }) => (
        <section class="section-block" aria-labelledby={`block-${section.slug}`} key={section.id}>
          <h2 id={`block-${section.slug}`} class="block-heading">
            <a href={sectionPath(section.slug)}>{section.name}</a>
          </h2>
          <div class="card-grid">
            {teasers.map((t) => (
              <TeaserCard ctx={ctx} teaser={t} key={t.id} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function BriefsBlock({ ctx, briefs }: { ctx: ThemeContext; briefs: readonly Brief[] }): VNode | null {
  if (briefs.length === 0) return null;
  return (
    <section class="briefs-block" aria-labelledby="briefs-block-heading">
      <h2 id="briefs-block-heading">
        <a href="/briefs">Briefs</a>
      </h2>
      <ul>
        {briefs.map((b) => (
          <li key={b.id}>
            <Time iso={b.publishedAt} timeZone={ctx.settings.timeZone} />
            <a href={briefPath(b)}>{b.headline}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
