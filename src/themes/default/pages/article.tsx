import type { VNode } from 'preact';
import { readingMinutes } from '../../../domain/content/article.js';
import type { Article, Teaser } from '../../../domain/content/model.js';
import { RELATED_VISIBLE } from '../../../domain/content/related.js';
import { articlePath, authorPath, topicPath } from '../../../domain/content/paths.js';
import type { ArticleView } from '../../../services/site/view-models.js';
import { ArticleBody } from '../body.js';
import { absolute } from '../context.js';
import type { ThemeContext } from '../context.js';
import { Byline } from '../partials/byline.js';
import { Labels } from '../partials/labels.js';
import { ResponsiveImage } from '../partials/picture.js';
import { ShareLinks } from '../partials/share.js';
import { TeaserCard, River } from '../partials/teaser.js';
import { Time } from '../partials/time.js';

export function ArticlePage({ ctx, view, onUnknown }: { ctx: ThemeContext; view: ArticleView; onUnknown?: (what: string) => void }): VNode {
  const { article } = view;
  const tz = ctx.settings.timeZone;
  const lead = article.leadImage;
  return (
    <div class="article-layout">
      <article class="article">
        <header class="article-header">
          <Labels teaser={article} />
          {article.kicker && <p class="kicker">{article.kicker}</p>}
          <h1 class="headline">{article.headline}</h1>
          {article.dek && <p class="dek">{article.dek}</p>}
          <div class="article-meta">
            <p>
              <Byline authors={article.bylines} />
            </p>
            <p class="dates">
              <span>
                Published <Time iso={article.publishedAt} timeZone={tz} withTime />
              </span>
              {article.updatedAt && article.updatedAt !== article.publishedAt && (
                <span>
                  {' · '}Updated <Time iso={article.updatedAt} timeZone={tz} withTime />
                </span>
              )}
              <span>
                {' · '}
                {readingMinutes(article.wordCount)} min read
              </span>
            </p>
          </div>
        </header>
        {lead && (
          <figure class="lead-image">
            <ResponsiveImage ctx={ctx} image={lead.image} alt={lead.alt} sizes="(min-width: 64rem) 60rem, 100vw" eager />
            {(lead.caption || lead.credit) && (
              <figcaption>
                {lead.caption}
                {lead.credit && <span class="credit"> Top image credit: {lead.credit}</span>}
              </figcaption>
            )}
          </figure>
        )}
        <ArticleBody doc={article.body} options={{ ctx, images: new Map(view.bodyImages.map((i) => [i.id, i])), onUnknown }} />
        <Corrections article={article} timeZone={tz} />
        <footer class="article-footer">
          {article.topics.length > 0 && (
            <nav class="topics" aria-label="Topics">
              <h2 class="topics-heading">Topics</h2>
              <ul>
                {article.topics.map((t) => (
                  <li key={t.id}>
                    <a href={topicPath(t.slug)} rel="tag">
                      {t.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <ShareLinks url={absolute(ctx, articlePath(article))} title={article.headline} />
          {article.authors.some((a) => a.bio) && (
            <section class="about-authors" aria-labelledby="about-authors-heading">
              <h2 id="about-authors-heading">{article.authors.length > 1 ? 'About the authors' : 'About the author'}</h2>
              {article.authors.map((a) => (
                <p key={a.id}>
                  <a href={authorPath(a.slug)}>{a.name}</a>
                  {a.title && <span class="author-title">, {a.title}</span>}. {a.bio}
                </p>
              ))}
            </section>
          )}
        </footer>
      </article>
      <Related ctx={ctx} teasers={view.related} />
      <aside class="article-aside" aria-label="More from us">
        <River ctx={ctx} teasers={view.latest} />
      </aside>
    </div>
  );
}

function Corrections({ article, timeZone }: { article: Article; timeZone: string }): VNode | null {
  if (article.corrections.length === 0) return null;
  return (
    <section class="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and updates</h2>
      <ul>
        {article.corrections.map((c) => (
          <li key={c.id} class={c.kind}>
            <p class="correction-label">
              <strong>{c.kind === 'correction' ? 'Correction' : 'Update'}</strong>, <Time iso={c.issuedAt} timeZone={timeZone} withTime />
            </p>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Keep reading": a few teasers, then more behind a <details> that works without JavaScript. */
function Related({ ctx, teasers }: { ctx: ThemeContext; teasers: readonly Teaser[] }): VNode | null {
  if (teasers.length === 0) return null;
  const first = teasers.slice(0, RELATED_VISIBLE);
  const rest = teasers.slice(RELATED_VISIBLE);
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related</h2>
      <div class="card-grid">
        {first.map((t) => (
          <TeaserCard ctx={ctx} teaser={t} key={t.id} />
        ))}
      </div>
      {rest.length > 0 && (
        <details class="more-related">
          <summary>
            <span class="when-closed">Keep reading</span>
            <span class="when-open">Show less</span>
            <span class="visually-hidden"> ({rest.length} more related articles)</span>
          </summary>
          <div class="card-grid">
            {rest.map((t) => (
              <TeaserCard ctx={ctx} teaser={t} key={t.id} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
