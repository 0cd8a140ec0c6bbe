/**
 * The HTML a feed reader shows for one item: the lead picture with its
 * credit, the body and its notices (or, as an excerpt, the dek and a link).
 * Rendered by the same components as the site, with every URL made absolute,
 * since a reader shows it far from the page it came from.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Brief, Image } from '../../domain/content/model.js';
import type { ArticleFeedItem } from '../../services/site/read-feed.js';
import { ArticleBody } from './body.js';
import type { ThemeContext } from './context.js';
import { dateTime } from './dates.js';
import { shareImage } from './structured-data.js';

/** Links the site writes relative (`/topics/x`, `#fn-1`), written out against the item's address. */
function absoluteLinks(html: string, ctx: ThemeContext, itemUrl: string): string {
  // Preact escapes every quote inside attribute values and text, so ` href="` only ever opens an attribute.
  return html.replace(/ href="\/(?!\/)/g, ` href="${ctx.baseUrl}/`).replace(/ href="#/g, ` href="${itemUrl}#`);
}

function ArticleItem(props: {
  ctx: ThemeContext;
  item: ArticleFeedItem;
  images: ReadonlyMap<string, Image>;
  onUnknown?: ((what: string) => void) | undefined;
}): VNode {
  const { ctx, item } = props;
  const lead = item.teaser.leadImage;
  const picture = shareImage(ctx, lead);
  const timeZone = ctx.settings.timeZone;
  return (
    <div>
      {lead && picture && (
        <figure>
          <img src={picture.url} width={picture.width} height={picture.height} alt={picture.alt} />
          {(lead.caption || lead.credit) && (
            <figcaption>
              {lead.caption}
              {lead.credit && <span> Top image credit: {lead.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      {item.body && <ArticleBody doc={item.body} options={{ ctx, images: props.images, onUnknown: props.onUnknown }} />}
      {item.corrections.length > 0 && (
        <section>
          <h2>Corrections and updates</h2>
          <ul>
            {item.corrections.map((c) => (
              <li key={c.id}>
                <strong>{c.kind === 'correction' ? 'Correction' : 'Update'}</strong>, {dateTime(c.issuedAt, timeZone)}: {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function articleFeedHtml(
  ctx: ThemeContext,
  item: ArticleFeedItem,
  itemUrl: string,
  options: { images: ReadonlyMap<string, Image>; onUnknown?: (what: string) => void },
): string {
  if (!item.body) {
    return renderToString(
      <div>
        {item.teaser.dek && <p>{item.teaser.dek}</p>}
        <p>
          <a href={itemUrl}>
            Read “{item.teaser.headline}” on {ctx.settings.title}
          </a>
        </p>
      </div>,
    );
  }
  return absoluteLinks(
    renderToString(<ArticleItem ctx={ctx} item={item} images={options.images} onUnknown={options.onUnknown} />),
    ctx,
    itemUrl,
  );
}

export function briefFeedHtml(brief: Brief): string {
  return renderToString(
    <div>
      {brief.take
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      {brief.sourceUrl && (
        <p>
          Source: <a href={brief.sourceUrl}>{brief.sourceName || new URL(brief.sourceUrl).hostname}</a>
        </p>
      )}
    </div>,
  );
}
