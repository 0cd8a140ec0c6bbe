/** The default theme's entry point: a view model in, a complete HTML document out. */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { containsNode } from '../../domain/content/body.js';
import { feedLinks } from '../../domain/content/feeds.js';
import { authorPath, pagedPath } from '../../domain/content/paths.js';
import { searchPath } from '../../domain/search/search-path.js';
import type { Chrome, PageView } from '../../services/site/view-models.js';
import type { ThemeContext } from './context.js';
import { Layout } from './layout.js';
import type { PageMeta } from './layout.js';
import { ArticlePage } from './pages/article.js';
import { BriefPage, BriefsPage } from './pages/briefs.js';
import { HomePage } from './pages/home.js';
import { ListingPage } from './pages/listing.js';
import { MessagePage, NewsletterPage } from './pages/message.js';
import { SearchPage } from './pages/search.js';
import { articleJsonLd, shareImage, websiteJsonLd } from './structured-data.js';

const DOCTYPE = '<!doctype html>';

export interface RenderHooks {
  onUnknown?: (what: string) => void;
  /** Keep search engines away (previews). */
  noindex?: boolean;
}

export function renderView(ctx: ThemeContext, chrome: Chrome, view: PageView, hooks: RenderHooks = {}): string {
  const { meta: pageMeta, body } = pageFor(ctx, view, hooks);
  const meta = hooks.noindex ? { ...pageMeta, noindex: true } : pageMeta;
  return (
    DOCTYPE +
    renderToString(
      <Layout ctx={ctx} sections={chrome.sections} meta={meta}>
        {body}
      </Layout>,
    )
  );
}

export function renderMessage(ctx: ThemeContext, chrome: Chrome, message: { status: number; title: string; lines: string[] }): string {
  const meta: PageMeta = {
    title: message.title,
    description: message.lines[0] ?? message.title,
    canonicalPath: ctx.path,
    ogType: 'website',
    noindex: true,
  };
  return (
    DOCTYPE +
    renderToString(
      <Layout ctx={ctx} sections={chrome.sections} meta={meta} newsletterBox={false}>
        <MessagePage ctx={ctx} {...message} />
      </Layout>,
    )
  );
}

function pageFor(ctx: ThemeContext, view: PageView, hooks: RenderHooks): { meta: PageMeta; body: VNode } {
  const s = ctx.settings;
  switch (view.kind) {
    case 'home':
      return {
        meta: {
          title: s.title,
          description: s.description,
          canonicalPath: '/',
          ogType: 'website',
          image: shareImage(ctx, view.lead?.leadImage ?? null),
          jsonLd: [websiteJsonLd(ctx)],
        },
        body: <HomePage ctx={ctx} view={view} />,
      };
    case 'article': {
      const a = view.article;
      return {
        meta: {
          title: a.headline,
          description: a.dek || a.headline,
          canonicalPath: `/${a.section.slug}/${a.slug}`,
          ogType: 'article',
          image: shareImage(ctx, a.leadImage),
          jsonLd: [articleJsonLd(ctx, a)],
          article: { publishedTime: a.publishedAt, modifiedTime: a.updatedAt, section: a.section.name, tags: a.topics.map((t) => t.name) },
          scripts: containsNode(a.body, 'embed') ? [ctx.script] : [],
        },
        body: <ArticlePage ctx={ctx} view={view} onUnknown={hooks.onUnknown} />,
      };
    }
    case 'listing': {
      const { page, path } = view;
      const title = page.number > 1 ? `${view.title} (page ${page.number})` : view.title;
      return {
        meta: {
          title,
          description: view.description || `${view.title}: articles from ${s.title}.`,
          canonicalPath: pagedPath(path, page.number),
          ogType: view.subject.kind === 'author' ? 'profile' : 'website',
          prevPath: page.hasPrev ? pagedPath(path, page.number - 1) : undefined,
          nextPath: page.hasNext ? pagedPath(path, page.number + 1) : undefined,
          // The river's feed is the site-wide one, already in every head.
          feeds: view.subject.kind === 'latest' ? [] : feedLinks(path, `${view.title} — ${s.title}`),
          jsonLd:
            view.subject.kind === 'author'
              ? [
                  {
                    '@context': 'https://schema.org',
                    '@type': 'ProfilePage',
                    mainEntity: {
                      '@type': 'Person',
                      name: view.subject.author.name,
                      description: view.subject.author.bio,
                      url: `${ctx.baseUrl}${authorPath(view.subject.author.slug)}`,
                    },
                  },
                ]
              : [],
        },
        body: <ListingPage ctx={ctx} view={view} />,
      };
    }
    case 'briefs':
      return {
        meta: {
          title: view.page.number > 1 ? `Briefs (page ${view.page.number})` : 'Briefs',
          description: `Short takes on the news from ${s.title}.`,
          canonicalPath: pagedPath('/briefs', view.page.number),
          ogType: 'website',
          prevPath: view.page.hasPrev ? pagedPath('/briefs', view.page.number - 1) : undefined,
          nextPath: view.page.hasNext ? pagedPath('/briefs', view.page.number + 1) : undefined,
          feeds: feedLinks('/briefs', `Briefs — ${s.title}`),
        },
        body: <BriefsPage ctx={ctx} view={view} />,
      };
    case 'brief':
      return {
        meta: {
          title: view.brief.headline,
          description: view.brief.take.slice(0, 200),
          canonicalPath: `/briefs/${view.brief.slug}`,
          ogType: 'article',
        },
        body: <BriefPage ctx={ctx} view={view} />,
      };
    case 'newsletter':
      return {
        meta: { title: 'Newsletter', description: s.newsletterPitch, canonicalPath: '/newsletter', ogType: 'website' },
        body: <NewsletterPage ctx={ctx} />,
      };
    case 'search': {
      const { params, results } = view;
      const n = results?.page.number ?? 1;
      return {
        meta: {
          title: params.q ? `Search: ${params.q}` : 'Search',
          description: `Search everything ${s.title} has published.`,
          canonicalPath: searchPath(params, n),
          ogType: 'website',
          // Result pages are for readers, not for search engines' indexes.
          noindex: true,
          prevPath: results?.page.hasPrev ? searchPath(params, n - 1) : undefined,
          nextPath: results?.page.hasNext ? searchPath(params, n + 1) : undefined,
        },
        body: <SearchPage ctx={ctx} view={view} />,
      };
    }
  }
}
