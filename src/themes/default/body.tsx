/**
 * ProseMirror JSON to HTML, by construction: every text goes through Preact's
 * escaping, every link through safeHref, every embed through the allowlist.
 * An unknown node or mark is dropped and reported, never passed through.
 */
import { Fragment } from 'preact';
import type { ComponentChildren, VNode } from 'preact';
import { safeHref } from '../../domain/content/body.js';
import type { BodyDoc, BodyMark, BodyNode } from '../../domain/content/body.js';
import { parseEmbed } from '../../domain/content/embed.js';
import type { Image } from '../../domain/content/model.js';
import { ResponsiveImage } from './partials/picture.js';
import type { ThemeContext } from './context.js';

export interface BodyRenderOptions {
  ctx: ThemeContext;
  images: ReadonlyMap<string, Image>;
  onUnknown?: (what: string) => void;
}

interface State extends BodyRenderOptions {
  footnotes: BodyNode[][];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function ArticleBody({ doc, options }: { doc: BodyDoc; options: BodyRenderOptions }): VNode {
  const state: State = { ...options, footnotes: [] };
  const blocks = renderChildren(doc.content, state);
  return (
    <div class="article-body">
      {blocks}
      {state.footnotes.length > 0 && (
        <section class="footnotes" aria-labelledby="footnotes-heading">
          <h2 id="footnotes-heading">Notes</h2>
          <ol>
            {state.footnotes.map((content, i) => (
              <li id={`fn-${i + 1}`} key={i}>
                {renderChildren(content, state)}{' '}
                <a href={`#fnref-${i + 1}`} class="footnote-back" aria-label={`Back to reference ${i + 1}`}>
                  ↩
                </a>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function renderChildren(nodes: readonly BodyNode[] | undefined, state: State): ComponentChildren[] {
  return (nodes ?? []).map((node, i) => renderNode(node, state, i));
}

function renderNode(node: BodyNode, state: State, key: number): ComponentChildren {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'text':
      return renderMarks(node.text ?? '', node.marks ?? [], state, key);
    case 'hardBreak':
      return <br key={key} />;
    case 'paragraph': {
      const content = renderChildren(node.content, state);
      return content.length > 0 ? <p key={key}>{content}</p> : null;
    }
    case 'heading': {
      // The headline is the page's h1; body subheads start at h2.
      const level = Math.min(4, Math.max(2, Number(attrs.level) || 2));
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
      return <Tag key={key}>{renderChildren(node.content, state)}</Tag>;
    }
    case 'blockquote': {
      const by = str(attrs.attribution).trim();
      const quote = <blockquote>{renderChildren(node.content, state)}</blockquote>;
      return by ? (
        <figure class="quote" key={key}>
          {quote}
          <figcaption>— {by}</figcaption>
        </figure>
      ) : (
        <figure class="quote" key={key}>
          {quote}
        </figure>
      );
    }
    case 'pullQuote':
      // Repeats words from the text for the eye; screen readers already heard them.
      return (
        <aside class="pull-quote" aria-hidden="true" key={key}>
          <p>{renderChildren(node.content, state)}</p>
        </aside>
      );
    case 'bulletList':
      return <ul key={key}>{renderChildren(node.content, state)}</ul>;
    case 'orderedList':
      return <ol key={key}>{renderChildren(node.content, state)}</ol>;
    case 'listItem':
      return <li key={key}>{renderChildren(node.content, state)}</li>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'image':
      return renderImage(attrs, state, key);
    case 'embed':
      return renderEmbed(attrs, key);
    case 'footnote': {
      state.footnotes.push(node.content ?? (str(attrs.text) ? [{ type: 'text', text: str(attrs.text) }] : []));
      const n = state.footnotes.length;
      return (
        <sup class="footnote-ref" id={`fnref-${n}`} key={key}>
          <a href={`#fn-${n}`} aria-label={`Note ${n}`}>
            {n}
          </a>
        </sup>
      );
    }
    default:
      state.onUnknown?.(`node:${node.type}`);
      return null;
  }
}

function renderMarks(text: string, marks: readonly BodyMark[], state: State, key: number): ComponentChildren {
  let out: ComponentChildren = text;
  for (const mark of marks) {
    switch (mark.type) {
      case 'bold':
        out = <strong>{out}</strong>;
        break;
      case 'italic':
        out = <em>{out}</em>;
        break;
      case 'code':
        out = <code>{out}</code>;
        break;
      case 'strike':
        out = <s>{out}</s>;
        break;
      case 'subscript':
        out = <sub>{out}</sub>;
        break;
      case 'superscript':
        out = <sup>{out}</sup>;
        break;
      case 'link': {
        const href = safeHref(mark.attrs?.href);
        if (href) {
          const external = /^https?:/.test(href);
          out = external ? (
            <a href={href} rel="noopener">
              {out}
            </a>
          ) : (
            <a href={href}>{out}</a>
          );
        }
        break;
      }
      default:
        state.onUnknown?.(`mark:${mark.type}`);
    }
  }
  return <Fragment key={key}>{out}</Fragment>;
}

function renderImage(attrs: Record<string, unknown>, state: State, key: number): ComponentChildren {
  const image = state.images.get(str(attrs.imageId));
  if (!image) {
    state.onUnknown?.('image:missing');
    return null;
  }
  const caption = str(attrs.caption) || image.caption;
  const credit = str(attrs.credit) || image.credit;
  return (
    <figure class="figure" key={key}>
      <ResponsiveImage ctx={state.ctx} image={image} alt={str(attrs.alt) || image.alt} sizes="(min-width: 48rem) 42rem, 100vw" />
      {(caption || credit) && (
        <figcaption>
          {caption}
          {credit && <span class="credit"> Image: {credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

function renderEmbed(attrs: Record<string, unknown>, key: number): ComponentChildren {
  const url = str(attrs.url);
  const embed = parseEmbed(url);
  const title = str(attrs.title) || (embed ? `${embed.provider} video` : 'Embedded content');
  if (!embed) {
    const href = safeHref(url);
    return href ? (
      <p class="embed-link" key={key}>
        <a href={href} rel="noopener">
          {title}
        </a>
      </p>
    ) : null;
  }
  // No third party is contacted until the reader asks: without JavaScript the
  // embed is a link to the provider; site.js offers to play it in place.
  return (
    <figure class="embed" key={key} data-frame={embed.frameUrl} data-title={title} data-provider={embed.provider}>
      <a class="embed-facade" href={embed.pageUrl} rel="noopener">
        <span class="embed-play" aria-hidden="true">
          ▶
        </span>
        <span class="embed-label">
          {title} <span class="embed-note">(watch on {embed.provider})</span>
        </span>
      </a>
    </figure>
  );
}
