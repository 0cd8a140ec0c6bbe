import type { VNode } from 'preact';
import { articlePath } from '../../../domain/content/paths.js';
import { searchPath } from '../../../domain/search/search-path.js';
import type { Snippet } from '../../../domain/search/snippet.js';
import type { SearchResultItem, SearchView } from '../../../services/site/view-models.js';
import type { ThemeContext } from '../context.js';
import { Pagination } from '../partials/pagination.js';
import { longDate } from '../dates.js';
import { Byline } from '../partials/byline.js';
import { Time } from '../partials/time.js';

/** Matches are <mark>; every character is text, escaped by Preact like any other. */
function SnippetText({ snippet }: { snippet: Snippet }): VNode | null {
  if (snippet.length === 0) return null;
  return <p class="snippet">{snippet.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}</p>;
}

function Result({ ctx, item }: { ctx: ThemeContext; item: SearchResultItem }): VNode {
  const t = item.teaser;
  return (
    <li class="search-result">
      <p class="teaser-labels">
        <span class="type">{t.type.name}</span>
        <span class="sep" aria-hidden="true">
          {' | '}
        </span>
        <span class="section">{t.section.name}</span>
      </p>
      <h2 class="teaser-headline">
        {t.kicker && <span class="kicker">{t.kicker}: </span>}
        <a href={articlePath(t)}>{t.headline}</a>
      </h2>
      <SnippetText snippet={item.snippet} />
      <p class="teaser-meta">
        <Byline authors={t.bylines} links={false} />
        {t.bylines.length > 0 && ' · '}
        <Time iso={t.publishedAt} timeZone={ctx.settings.timeZone} />
      </p>
    </li>
  );
}

function Select(props: {
  name: string;
  label: string;
  any: string;
  value: string | null | undefined;
  options: { slug: string; name: string }[];
}): VNode {
  const id = `search-${props.name}`;
  return (
    <div class="search-field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.slug} selected={o.slug === props.value} key={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function SearchForm({ view }: { view: SearchView }): VNode {
  const { params, options } = view;
  return (
    <form class="search-form" method="get" action="/search" role="search" aria-label="Search the archive">
      <div class="search-box">
        <label for="search-q">Search for</label>
        <input type="search" id="search-q" name="q" value={params.q} maxLength={200} autocomplete="off" />
        <button type="submit">Search</button>
      </div>
      <details
        class="search-filters"
        open={Boolean(params.section || params.type || params.author || params.from || params.to || view.error)}
      >
        <summary>Filters</summary>
        <div class="search-filter-fields">
          <Select name="section" label="Section" any="Any section" value={params.section} options={options.sections} />
          <Select name="type" label="Type" any="Any type" value={params.type} options={options.types} />
          <Select name="author" label="Author" any="Any author" value={params.author} options={options.authors} />
          <div class="search-field">
            <label for="search-from">From</label>
            <input type="date" id="search-from" name="from" value={params.from ?? ''} />
          </div>
          <div class="search-field">
            <label for="search-to">To</label>
            <input type="date" id="search-to" name="to" value={params.to ?? ''} />
          </div>
        </div>
      </details>
      <p class="search-help">
        Put words in quotes for an exact phrase (“grain deal”), end a word with * for every word it starts (harb*), and put - before a word
        to leave it out.
      </p>
    </form>
  );
}

const count = (n: number): string => n.toLocaleString('en-GB');

function summary(view: SearchView, total: number, capped: boolean): string {
  const { params, options } = view;
  const what = capped
    ? `More than ${count(total)} results`
    : total === 1
      ? '1 result'
      : total === 0
        ? 'No results'
        : `${count(total)} results`;
  const day = (d: string): string => longDate(`${d}T12:00:00Z`, 'UTC');
  const parts = [`${what} for “${params.q}”`];
  const section = options.sections.find((s) => s.slug === params.section);
  const type = options.types.find((t) => t.slug === params.type);
  const author = options.authors.find((a) => a.slug === params.author);
  if (type) parts.push(`of type ${type.name}`);
  if (section) parts.push(`in ${section.name}`);
  if (author) parts.push(`by ${author.name}`);
  if (params.from) parts.push(`from ${day(params.from)}`);
  if (params.to) parts.push(`until ${day(params.to)}`);
  return parts.join(' ');
}

export function SearchPage({ ctx, view }: { ctx: ThemeContext; view: SearchView }): VNode {
  const { results, params } = view;
  return (
    <div class="search-page">
      <header class="listing-header">
        <h1>Search</h1>
        <p class="listing-description">
          Everything {ctx.settings.title} has published: headlines, standfirsts, articles, bylines and topics.
        </p>
      </header>
      {view.error && (
        <p class="search-error" role="alert">
          {view.error}
        </p>
      )}
      <SearchForm view={view} />
      {results && (
        <section class="search-results" aria-labelledby="search-summary">
          <p id="search-summary" class="search-summary">
            {summary(view, results.total, results.capped)}
            {results.page.number > 1 && ` (page ${results.page.number})`}
          </p>
          {results.items.length > 0 ? (
            <ol class="search-result-list">
              {results.items.map((item) => (
                <Result ctx={ctx} item={item} key={item.teaser.id} />
              ))}
            </ol>
          ) : (
            <p class="empty">
              {results.total > 0 ? (
                <>
                  There are no more results. <a href={searchPath(params)}>Back to the first page</a>.
                </>
              ) : (
                'Try fewer or different words, or fewer filters.'
              )}
            </p>
          )}
          <Pagination
            page={results.page}
            href={(n) => searchPath(params, n)}
            label="Result pages"
            prevText="← Previous"
            nextText="Next →"
          />
        </section>
      )}
    </div>
  );
}
