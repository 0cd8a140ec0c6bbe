import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { Pager } from '../components/Pager';
import { SUBSCRIBER_STATUS_NAMES, formatWhen } from '../newsletter-api';
import type { Subscriber, SubscriberStats, SubscriberStatus } from '../newsletter-api';
import { SubscriberImport } from './SubscriberImport';
import './newsletter.css';

const STATUSES = Object.keys(SUBSCRIBER_STATUS_NAMES) as SubscriberStatus[];
const PAGE_SIZE = 25;
const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

interface Page {
  subscribers: Subscriber[];
  meta: { page: number; total: number; pages: number };
}

/** The subscriber list: search by address and status, paged; weekly counts; CSV import and export. */
export function SubscribersScreen() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Page | null>(null);
  const [stats, setStats] = useState<SubscriberStats | null>(null);
  const [error, setError] = useState('');

  const loadStats = useCallback(
    () => api<SubscriberStats>('GET', '/subscribers/stats?weeks=8').then(setStats, (e: unknown) => setError(message(e))),
    [],
  );
  const [version, setVersion] = useState(0);

  useEffect(() => void loadStats(), [loadStats, version]);
  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), limit: String(PAGE_SIZE), ...(q.trim() ? { q: q.trim() } : {}) });
    if (status) params.set('status', status);
    const timer = setTimeout(() => {
      api<Page>('GET', `/subscribers?${params.toString()}`).then(
        (r) => {
          setResult(r);
          setError('');
        },
        (e: unknown) => setError(message(e)),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [q, status, page, version]);

  return (
    <section aria-labelledby="subscribers-heading">
      <div className="screen-head">
        <h1 id="subscribers-heading">Subscribers</h1>
        <a className="nl-button" href="/api/admin/v1/subscribers/export.csv" download>
          Export CSV (with consent)
        </a>
      </div>
      {stats && (
        <dl className="nl-totals" aria-label="Subscribers by status">
          {STATUSES.map((s) => (
            <div key={s}>
              <dt>{SUBSCRIBER_STATUS_NAMES[s]}</dt>
              <dd>{stats.totals[s].toLocaleString()}</dd>
            </div>
          ))}
        </dl>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form className="filters" role="search" aria-label="Subscribers" onSubmit={(e) => e.preventDefault()}>
        <label>
          Address contains
          <input
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </label>
        <label>
          Status
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          >
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {SUBSCRIBER_STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
      </form>
      {result === null ? (
        <p className="loading">Loading…</p>
      ) : (
        <>
          <table>
            <caption aria-live="polite">
              {result.meta.total.toLocaleString()} subscriber{result.meta.total === 1 ? '' : 's'}
              {result.meta.pages > 1 && `, page ${result.meta.page} of ${result.meta.pages}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Status</th>
                <th scope="col">Consent given</th>
                <th scope="col">From</th>
                <th scope="col">Confirmed</th>
              </tr>
            </thead>
            <tbody>
              {result.subscribers.map((s) => (
                <tr key={s.id}>
                  <td>{s.email}</td>
                  <td>
                    <span className={`status nl-sub-${s.status}`}>{SUBSCRIBER_STATUS_NAMES[s.status]}</span>
                  </td>
                  <td>{formatWhen(s.consentAt)}</td>
                  <td>{s.consentSource}</td>
                  <td>{formatWhen(s.confirmedAt) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Pages of subscribers" page={result.meta.page} pages={result.meta.pages} go={setPage} />
        </>
      )}
      <div className="nl-columns">
        {stats && (
          <table className="nl-weeks">
            <caption>New and departed subscribers per week</caption>
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">New confirmed</th>
                <th scope="col">Unsubscribed</th>
              </tr>
            </thead>
            <tbody>
              {stats.weeks.map((w) => (
                <tr key={w.week}>
                  <th scope="row">
                    {w.week} <small>from {new Date(`${w.weekStart}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC' })}</small>
                  </th>
                  <td>{w.confirmed}</td>
                  <td>{w.unsubscribed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <SubscriberImport onImported={() => setVersion((v) => v + 1)} />
      </div>
    </section>
  );
}
