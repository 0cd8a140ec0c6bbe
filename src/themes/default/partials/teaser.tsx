import type { VNode } from 'preact';
import type { Teaser } from '../../../domain/content/model.js';
import { articlePath } from '../../../domain/content/paths.js';
import type { ThemeContext } from '../context.js';
import { Byline } from './byline.js';
import { ResponsiveImage } from './picture.js';
import { Time } from './time.js';

type Heading = 'h2' | 'h3' | 'h4';

/**
 * A card: picture with its credit, labels, kicker, headline (the link), dek, byline.
 * The headline link is the only link to the article, so a keyboard or
 * screen-reader user meets each story once.
 */
export function TeaserCard(props: {
  ctx: ThemeContext;
  teaser: Teaser;
  heading?: Heading;
  size?: 'lead' | 'card' | 'compact';
  sizes?: string;
  eager?: boolean;
}): VNode {
  const { ctx, teaser } = props;
  const Tag = props.heading ?? 'h3';
  const size = props.size ?? 'card';
  const image = teaser.leadImage;
  return (
    <article class={`teaser teaser-${size}`}>
      {image && size !== 'compact' && (
        <figure class="teaser-image">
          <ResponsiveImage
            ctx={ctx}
            image={image.image}
            alt={image.alt}
            sizes={props.sizes ?? (size === 'lead' ? '(min-width: 64rem) 40rem, 100vw' : '(min-width: 48rem) 20rem, 100vw')}
            eager={props.eager}
          />
          {image.credit && <figcaption class="credit">{image.credit}</figcaption>}
        </figure>
      )}
      <div class="teaser-text">
        <p class="teaser-labels">
          <span class="type">{teaser.type.name}</span>
          <span class="sep" aria-hidden="true">
            {' | '}
          </span>
          <span class="section">{teaser.section.name}</span>
        </p>
        <Tag class="teaser-headline">
          {teaser.kicker && <span class="kicker">{teaser.kicker}: </span>}
          <a href={articlePath(teaser)}>{teaser.headline}</a>
        </Tag>
        {size !== 'compact' && teaser.dek && <p class="dek">{teaser.dek}</p>}
        <p class="teaser-meta">
          <Byline authors={teaser.bylines} links={false} />
          {teaser.bylines.length > 0 && ' · '}
          <Time iso={teaser.publishedAt} timeZone={ctx.settings.timeZone} />
        </p>
      </div>
    </article>
  );
}

/** The latest river: a numbered-looking list of the newest headlines with their times. */
export function River({ ctx, teasers, title = 'Latest' }: { ctx: ThemeContext; teasers: readonly Teaser[]; title?: string }): VNode | null {
  if (teasers.length === 0) return null;
  return (
    <section class="river" aria-labelledby="river-heading">
      <h2 id="river-heading">
        <a href="/latest">{title}</a>
      </h2>
      <ol>
        {teasers.map((t) => (
          <li key={t.id}>
            <Time iso={t.publishedAt} timeZone={ctx.settings.timeZone} withTime />
            <a href={articlePath(t)}>{t.headline}</a>
            <span class="river-section">{t.section.name}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
