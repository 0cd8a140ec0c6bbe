import type { ComponentChildren, VNode } from 'preact';
import { feedLinks } from '../../domain/content/feeds.js';
import { DEFAULT_SETTINGS } from '../../domain/content/model.js';
import type { Section } from '../../domain/content/model.js';
import { sectionPath } from '../../domain/content/paths.js';
import { jsonForScript } from '../../lib/json-for-script.js';
import { absolute } from './context.js';
import type { ThemeContext } from './context.js';
import { NewsletterBox } from './partials/newsletter-box.js';
import { FollowLinks } from './partials/share.js';

export interface PageMeta {
  title: string;
  description: string;
  /** Path of the canonical URL (made absolute here). */
  canonicalPath: string;
  ogType: 'website' | 'article' | 'profile';
  image?: { url: string; width: number; height: number; alt: string } | undefined;
  jsonLd?: object[];
  prevPath?: string | undefined;
  nextPath?: string | undefined;
  noindex?: boolean;
  /** Same-origin scripts this page is enhanced by (the newsletter box brings the theme's one script). */
  scripts?: string[];
  article?: { publishedTime: string; modifiedTime: string | null; section: string; tags: string[] };
  /** The page's own feeds (a listing's), announced after the site-wide ones. */
  feeds?: { path: string; type: string; title: string }[];
}

/** The publication's own colours, when it has chosen some, as a tiny immutable stylesheet named by them. */
function colourSheet(settings: ThemeContext['settings']): string | null {
  const { accent, accentDark } = settings.colors;
  if (accent === DEFAULT_SETTINGS.colors.accent && accentDark === DEFAULT_SETTINGS.colors.accentDark) return null;
  return `/assets/colours/${accent.slice(1)}-${accentDark.slice(1)}.css`;
}

export function Layout(props: {
  ctx: ThemeContext;
  sections: readonly Section[];
  meta: PageMeta;
  children: ComponentChildren;
  newsletterBox?: boolean;
}): VNode {
  const { ctx, meta } = props;
  const s = ctx.settings;
  const fullTitle = meta.canonicalPath === '/' ? `${s.title} — ${s.tagline}` : `${meta.title} — ${s.title}`;
  const canonical = absolute(ctx, meta.canonicalPath);
  const colours = colourSheet(s);
  // The newsletter box's form is enhanced by the theme's script (it works without it too).
  const scripts = [...new Set([...(meta.scripts ?? []), ...(props.newsletterBox !== false && ctx.script ? [ctx.script] : [])])];
  return (
    <html lang={s.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={canonical} />
        {[...feedLinks('/', s.title), ...(meta.feeds ?? [])].map((feed) => (
          <link rel="alternate" type={feed.type} title={feed.title} href={absolute(ctx, feed.path)} key={feed.path} />
        ))}
        {meta.prevPath && <link rel="prev" href={absolute(ctx, meta.prevPath)} />}
        {meta.nextPath && <link rel="next" href={absolute(ctx, meta.nextPath)} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content={s.colors.accent} media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#121212" media="(prefers-color-scheme: dark)" />
        <link rel="stylesheet" href={ctx.stylesheet} />
        {colours && <link rel="stylesheet" href={colours} />}
        {scripts.map((src) => (
          <script src={src} defer key={src} />
        ))}
        <meta property="og:site_name" content={s.title} />
        <meta property="og:type" content={meta.ogType} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={s.language.replace('-', '_')} />
        {meta.image && <meta property="og:image" content={absolute(ctx, meta.image.url)} />}
        {meta.image && <meta property="og:image:width" content={String(meta.image.width)} />}
        {meta.image && <meta property="og:image:height" content={String(meta.image.height)} />}
        {meta.image && <meta property="og:image:alt" content={meta.image.alt} />}
        {meta.article && <meta property="article:published_time" content={meta.article.publishedTime} />}
        {meta.article?.modifiedTime && <meta property="article:modified_time" content={meta.article.modifiedTime} />}
        {meta.article && <meta property="article:section" content={meta.article.section} />}
        {meta.article?.tags.map((tag) => (
          <meta property="article:tag" content={tag} key={tag} />
        ))}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        {meta.image && <meta name="twitter:image" content={absolute(ctx, meta.image.url)} />}
        {meta.image && <meta name="twitter:image:alt" content={meta.image.alt} />}
        {(meta.jsonLd ?? []).map((data, i) => (
          // JSON-LD is data, not script; jsonForScript makes "</script>" impossible inside it.
          <script type="application/ld+json" key={i} dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader ctx={ctx} sections={props.sections} />
        <main id="main" tabindex={-1}>
          {props.children}
          {props.newsletterBox !== false && <NewsletterBox settings={s} source={ctx.path} />}
        </main>
        <SiteFooter ctx={ctx} sections={props.sections} />
      </body>
    </html>
  );
}

function SiteHeader({ ctx, sections }: { ctx: ThemeContext; sections: readonly Section[] }): VNode {
  const s = ctx.settings;
  const current = ctx.path.split('?')[0];
  const nav = [
    ...sections.map((section) => ({ label: section.name, path: sectionPath(section.slug) })),
    { label: 'Briefs', path: '/briefs' },
    { label: 'Latest', path: '/latest' },
    ...s.navigation,
  ];
  return (
    <header class="site-header">
      <div class="masthead">
        <p class="site-title">
          <a href="/" aria-label={`${s.title}, home`}>
            {s.logoKey ? <img src={ctx.mediaUrl(s.logoKey)} alt={s.title} height={40} /> : s.title}
          </a>
        </p>
        <p class="tagline">{s.tagline}</p>
        <form class="site-search" method="get" action="/search" role="search" aria-label="Site">
          <label for="site-search-q" class="visually-hidden">
            Search {s.title}
          </label>
          <input type="search" id="site-search-q" name="q" placeholder="Search" maxLength={200} />
          <button type="submit">Search</button>
        </form>
        <a class="subscribe-link" href="/newsletter">
          Subscribe
        </a>
      </div>
      <nav class="site-nav" aria-label="Sections">
        <ul>
          {nav.map((item) => (
            <li key={item.path}>
              <a href={item.path} aria-current={current === item.path ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function SiteFooter({ ctx, sections }: { ctx: ThemeContext; sections: readonly Section[] }): VNode {
  const s = ctx.settings;
  return (
    <footer class="site-footer">
      <div class="footer-grid">
        <div>
          <p class="footer-title">{s.title}</p>
          <p>{s.description}</p>
        </div>
        <nav aria-label="Sections and more">
          <h2 class="footer-heading">Read</h2>
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={sectionPath(section.slug)}>{section.name}</a>
              </li>
            ))}
            <li>
              <a href="/briefs">Briefs</a>
            </li>
            <li>
              <a href="/latest">Latest</a>
            </li>
            <li>
              <a href="/newsletter">Newsletter</a>
            </li>
          </ul>
        </nav>
        <FollowLinks accounts={s.social} />
      </div>
      <p class="colophon">Published with Masthead.</p>
    </footer>
  );
}
