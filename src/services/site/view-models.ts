/** What the site's pages show; themes render these and never query. */
import type { Article, Author, ArticleType, Brief, Image, Section, SiteSettings, Teaser, Topic } from '../../domain/content/model.js';
import type { SearchParams } from '../../domain/search/search-path.js';
import type { Snippet } from '../../domain/search/snippet.js';
import type { PageInfo } from '../../lib/pagination.js';

/** Shared by every page: the masthead, navigation and footer. */
export interface Chrome {
  settings: SiteSettings;
  sections: Section[];
}

export interface HomeView {
  kind: 'home';
  lead: Teaser | null;
  top: Teaser[];
  sectionBlocks: { section: Section; teasers: Teaser[] }[];
  latest: Teaser[];
  briefs: Brief[];
}

export interface ArticleView {
  kind: 'article';
  article: Article;
  /** Pictures placed in the body, by id. */
  bodyImages: Image[];
  related: Teaser[];
  latest: Teaser[];
}

export type ListingSubject =
  | { kind: 'section'; section: Section }
  | { kind: 'topic'; topic: Topic }
  | { kind: 'author'; author: Author }
  | { kind: 'type'; type: ArticleType }
  | { kind: 'latest' };

export interface ListingView {
  kind: 'listing';
  subject: ListingSubject;
  /** The listing's own path, without ?page. */
  path: string;
  title: string;
  description: string;
  teasers: Teaser[];
  page: PageInfo;
}

export interface BriefsView {
  kind: 'briefs';
  briefs: Brief[];
  page: PageInfo;
}

export interface BriefView {
  kind: 'brief';
  brief: Brief;
  more: Brief[];
}

export interface NewsletterView {
  kind: 'newsletter';
}

export interface SearchResultItem {
  teaser: Teaser;
  /** Where the words were found, matches marked: data, escaped by the theme like any text. */
  snippet: Snippet;
}

export interface SearchView {
  kind: 'search';
  /** The search as asked (query trimmed and cut to length, filters as given). */
  params: SearchParams & { q: string };
  /** What the filters offer. */
  options: { sections: Section[]; types: ArticleType[]; authors: { slug: string; name: string }[] };
  /** Null before anything is asked (an empty query shows the form). */
  results: { items: SearchResultItem[]; total: number; capped: boolean; page: PageInfo } | null;
  /** A filter we could not use, said so the reader can fix it (the page answers 400). */
  error: string | null;
}

export type PageView = HomeView | ArticleView | ListingView | BriefsView | BriefView | NewsletterView | SearchView;

/** A view with the surrogate keys of everything it shows. */
export interface Keyed<V> {
  view: V;
  keys: string[];
}
