import { useEffect, useState } from 'react';
import { api, ApiError, STATUS_NAMES } from '../api';
import type { Article, ArticleRow, Desk, MatchSegment, Status, User } from '../api';

const STATUSES = Object.keys(STATUS_NAMES) as Status[];

/** Text from the search, the matched words marked (React escapes every run). */
function Marked({ segments }: { segments: MatchSegment[] }) {
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

/**
 * Every piece the desk is working on, filterable by status, section, type and
 * author; words search the full text of every piece in every state (the same
 * index as the site's search), best match first, the matches marked.
 */
export function ArticleList({ desk, go }: { user: User; desk: Desk; go(to: string): void }) {
  const [filters, setFilters] = useState({ status: '', section: '', type: '', author: '', q: '', mine: '' });
  const [rows, setRows] = useState<ArticleRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');

  useEffect(() => {
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    const timer = setTimeout(() => {
      api<{ articles: ArticleRow[]; meta: { total: number } }>('GET', `/articles?${params.toString()}`).then(
        (r) => {
          setRows(r.articles);
          setTotal(r.meta.total);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [filters]);

  const create = async () => {
    const section = desk.sections[0];
    const type = desk.types[0];
    if (!section || !type) return setError('Create a section and an article type first.');
    try {
      const { article } = await api<{ article: Article }>('POST', '/articles', {
        sectionId: section.id,
        typeId: type.id,
        headline: 'Untitled',
        slug: `untitled-${Date.now().toString(36)}`,
      });
      go(`/articles/${article.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const select = (name: keyof typeof filters, label: string, options: { value: string; label: string }[]) => (
    <label>
      {label}
      <select value={filters[name]} onChange={(e) => setFilters({ ...filters, [name]: e.target.value })}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-labelledby="articles-heading">
      <div className="screen-head">
        <h1 id="articles-heading">Articles</h1>
        <button type="button" className="primary" onClick={() => void create()}>
          New article
        </button>
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search <input type="search" value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} />
        </label>
        {select(
          'status',
          'Status',
          STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] })),
        )}
        {select(
          'section',
          'Section',
          desk.sections.map((s) => ({ value: s.id, label: s.name })),
        )}
        {select(
          'type',
          'Type',
          desk.types.map((t) => ({ value: t.id, label: t.name })),
        )}
        {select(
          'author',
          'Byline',
          desk.authors.map((a) => ({ value: a.id, label: a.name })),
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={filters.mine === '1'}
            onChange={(e) => setFilters({ ...filters, mine: e.target.checked ? '1' : '' })}
          />{' '}
          Only mine
        </label>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows === null ? (
        <p className="loading">Loading…</p>
      ) : rows.length === 0 ? (
        <p>No articles match.</p>
      ) : (
        <table className="article-table">
          <caption>{filters.q.trim() !== '' ? `${total} ${total === 1 ? 'match' : 'matches'}, best first` : `${total} articles`}</caption>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Type</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={`#/articles/${row.id}`}>
                    {row.match && row.match.headline.length > 0 ? <Marked segments={row.match.headline} /> : row.headline}
                  </a>
                  {row.leadImageRightsExpired && <strong className="flag"> · Picture rights expired</strong>}
                  {row.match && row.match.snippet.length > 0 && (
                    <p className="match-snippet">
                      <Marked segments={row.match.snippet} />
                    </p>
                  )}
                </td>
                <td>
                  <span className={`status status-${row.status}`}>{STATUS_NAMES[row.status]}</span>
                </td>
                <td>{row.section.name}</td>
                <td>{row.type.name}</td>
                <td>
                  <time dateTime={row.modifiedAt}>{new Date(row.modifiedAt).toLocaleString()}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
