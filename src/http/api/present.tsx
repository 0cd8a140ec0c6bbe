/** How the Content API shows content: absolute URLs, the body as the theme renders it and as ProseMirror JSON. */
import { renderToString } from 'preact-render-to-string';
import { bodyImageIds } from '../../domain/content/body.js';
import type { Article, Author, Brief, Image, PlacedImage, SiteSettings } from '../../domain/content/model.js';
import { articlePath, authorPath, briefPath, sectionPath, topicPath, typePath } from '../../domain/content/paths.js';
import type { Db } from '../../storage/db.js';
import { imagesByIds } from '../../storage/repositories/images.js';
import { ArticleBody } from '../../themes/default/body.js';
import { absolute } from '../../themes/default/context.js';
import type { ThemeContext } from '../../themes/default/context.js';
import type { SiteDeps } from '../app.js';
import type { ArticleField } from './params.js';

export interface Presenter {
  baseUrl: string;
  media(key: string): string;
  settings: SiteSettings;
}

export function presenter(deps: SiteDeps, settings: SiteSettings): Presenter {
  const baseUrl = deps.config.publicUrl.replace(/\/$/, '');
  const media = (key: string) => absolute({ baseUrl }, deps.media.url(key));
  return { baseUrl, media, settings };
}

function image(p: Presenter, placed: PlacedImage | null) {
  if (!placed) return null;
  return {
    url: p.media(placed.image.storageKey),
    width: placed.image.width,
    height: placed.image.height,
    alt: placed.alt,
    caption: placed.caption,
    credit: placed.credit,
  };
}

/** The body as HTML, through the site's own renderer: links made absolute for use elsewhere. */
function bodyHtml(p: Presenter, article: Article, images: ReadonlyMap<string, Image>): string {
  const url = `${p.baseUrl}${articlePath(article)}`;
  const ctx: ThemeContext = {
    baseUrl: p.baseUrl,
    path: articlePath(article),
    mediaUrl: p.media,
    stylesheet: '',
    script: '',
    settings: p.settings,
  };
  const html = renderToString(<ArticleBody doc={article.body} options={{ ctx, images }} />);
  // Preact escapes every quote inside attribute values, so ` href="` only ever opens an attribute.
  return html.replace(/ (href|src)="\/(?!\/)/g, ` $1="${p.baseUrl}/`).replace(/ href="#/g, ` href="${url}#`);
}

export async function presentArticles(db: Db, p: Presenter, articles: readonly Article[], fields?: readonly ArticleField[]) {
  const wants = (f: ArticleField) => !fields || fields.includes(f);
  const images = wants('bodyHtml')
    ? await imagesByIds(
        db,
        articles.flatMap((a) => bodyImageIds(a.body)),
      )
    : new Map<string, Image>();
  return articles.map((a) => {
    const full: Record<ArticleField, unknown> = {
      id: a.id,
      slug: a.slug,
      url: `${p.baseUrl}${articlePath(a)}`,
      kicker: a.kicker,
      headline: a.headline,
      dek: a.dek,
      section: { id: a.section.id, slug: a.section.slug, name: a.section.name, url: `${p.baseUrl}${sectionPath(a.section.slug)}` },
      type: { id: a.type.id, slug: a.type.slug, name: a.type.name, url: `${p.baseUrl}${typePath(a.type.slug)}` },
      authors: a.bylines.map((b) => ({ id: b.id, slug: b.slug, name: b.name, url: `${p.baseUrl}${authorPath(b.slug)}` })),
      topics: a.topics.map((t) => ({ id: t.id, slug: t.slug, name: t.name, url: `${p.baseUrl}${topicPath(t.slug)}` })),
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
      leadImage: image(p, a.leadImage),
      wordCount: a.wordCount,
      corrections: a.corrections.map((c) => ({ kind: c.kind, text: c.text, issuedAt: c.issuedAt })),
      bodyHtml: wants('bodyHtml') ? bodyHtml(p, a, images) : '',
      body: a.body,
    };
    if (!fields) return full;
    return Object.fromEntries(fields.map((f) => [f, full[f]]));
  });
}

export function presentBrief(p: Presenter, b: Brief) {
  return {
    id: b.id,
    slug: b.slug,
    url: `${p.baseUrl}${briefPath(b)}`,
    headline: b.headline,
    take: b.take,
    sourceName: b.sourceName,
    sourceUrl: b.sourceUrl,
    section: b.section ? { id: b.section.id, slug: b.section.slug, name: b.section.name } : null,
    publishedAt: b.publishedAt,
  };
}

export function presentAuthor(p: Presenter, a: Author) {
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    title: a.title,
    bio: a.bio,
    url: `${p.baseUrl}${authorPath(a.slug)}`,
    photo: a.photo ? { url: p.media(a.photo.storageKey), width: a.photo.width, height: a.photo.height, alt: a.photo.alt } : null,
    links: a.links,
  };
}

/** What any reader of the site could see anyway: nothing about staff, keys or mail. */
export function presentSettings(p: Presenter) {
  const s = p.settings;
  return {
    url: p.baseUrl,
    title: s.title,
    tagline: s.tagline,
    description: s.description,
    language: s.language,
    timeZone: s.timeZone,
    logo: s.logoKey ? p.media(s.logoKey) : null,
    navigation: s.navigation.map((n) => ({ label: n.label, url: `${p.baseUrl}${n.path}` })),
    social: s.social,
    newsletterPitch: s.newsletterPitch,
  };
}
