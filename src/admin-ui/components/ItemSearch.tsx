import { useEffect, useId, useState } from 'react';
import { api, ApiError } from '../api';
import { itemKey } from '../newsletter-api';
import type { RoundUpItem } from '../newsletter-api';

const KIND_NAMES: Record<RoundUpItem['kind'], string> = { article: 'Article', brief: 'Brief', correction: 'Correction' };

/** Finds published articles and briefs (the newest when nothing is typed) and adds one to the issue. */
export function ItemSearch({ included, onAdd, disabled }: { included: RoundUpItem[]; onAdd(item: RoundUpItem): void; disabled: boolean }) {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [results, setResults] = useState<RoundUpItem[] | null>(null);
  const [error, setError] = useState('');
  const resultsId = useId();

  useEffect(() => {
    const params = new URLSearchParams({ limit: '10', ...(q.trim() ? { q: q.trim() } : {}), ...(kind ? { kind } : {}) });
    const timer = setTimeout(() => {
      api<{ items: RoundUpItem[] }>('GET', `/newsletter/candidates?${params.toString()}`).then(
        (r) => {
          setResults(r.items);
          setError('');
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, kind]);

  const inIssue = new Set(included.map(itemKey));

  return (
    <fieldset className="nl-add">
      <legend>Add a published piece</legend>
      <form className="filters" role="search" aria-label="Published pieces" onSubmit={(e) => e.preventDefault()}>
        <label>
          Find a published piece
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-controls={resultsId} />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">Articles and briefs</option>
            <option value="article">Articles</option>
            <option value="brief">Briefs</option>
          </select>
        </label>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul id={resultsId} className="nl-results" aria-label="Search results">
        {results?.length === 0 && <li>Nothing published matches.</li>}
        {results?.map((item) => {
          const added = inIssue.has(itemKey(item));
          return (
            <li key={itemKey(item)}>
              <span>
                <span className="nl-kind">{item.kind === 'article' ? item.section : KIND_NAMES[item.kind]}</span> {item.headline}
              </span>
              <button
                type="button"
                disabled={disabled || added}
                aria-label={added ? `“${item.headline}” is in the issue` : `Add “${item.headline}”`}
                onClick={() => onAdd(item)}
              >
                {added ? 'In the issue' : 'Add'}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
