import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { DeliveryProgress } from '../components/DeliveryProgress';
import { Pager } from '../components/Pager';
import { ISSUE_STATUS_NAMES, formatWhen, pollDelay } from '../newsletter-api';
import type { Issue, IssueSummary } from '../newsletter-api';
import './newsletter.css';

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
const PAGE_SIZE = 25;

function when(issue: IssueSummary): string {
  if (issue.sentAt) return `Sent ${formatWhen(issue.sentAt)}`;
  if (issue.status === 'scheduled' && issue.scheduledAt) return `Scheduled for ${formatWhen(issue.scheduledAt)}`;
  return `Composed ${formatWhen(issue.createdAt)}`;
}

/** The round-up's issues, newest first and paged, with their delivery progress (refreshed while one is going out). */
export function NewsletterScreen({ go }: { go(to: string): void }) {
  const [issues, setIssues] = useState<IssueSummary[] | null>(null);
  const [page, setPage] = useState(1);
  const [pages, setPages] = useState(1);
  const [error, setError] = useState('');
  const [composing, setComposing] = useState(false);

  const load = useCallback(
    () =>
      api<{ issues: IssueSummary[]; meta: { pages: number } }>('GET', `/newsletter/issues?limit=${PAGE_SIZE}&page=${page}`).then(
        (r) => {
          // Past the end (the last issue of the last page was deleted): the last page there is.
          if (r.issues.length === 0 && page > r.meta.pages) return setPage(r.meta.pages);
          setIssues(r.issues);
          setPages(r.meta.pages);
        },
        (e: unknown) => setError(message(e)),
      ),
    [page],
  );
  useEffect(() => void load(), [load]);

  // Watched closely while one is going out or due within the minute, now and then while one is scheduled.
  const delays = (issues ?? []).map(pollDelay).filter((d): d is number => d !== null);
  const delay = delays.length > 0 ? Math.min(...delays) : null;
  useEffect(() => {
    if (delay === null) return;
    const timer = setInterval(() => void load(), delay);
    return () => clearInterval(timer);
  }, [delay, load]);

  const compose = async () => {
    setComposing(true);
    try {
      const { issue } = await api<{ issue: Issue }>('POST', '/newsletter/issues', {});
      go(`/newsletter/${issue.id}`);
    } catch (e) {
      setError(message(e));
      setComposing(false);
    }
  };

  return (
    <section aria-labelledby="newsletter-heading">
      <div className="screen-head">
        <h1 id="newsletter-heading">Newsletter</h1>
        <button type="button" className="primary" disabled={composing} onClick={() => void compose()}>
          Compose the round-up now
        </button>
      </div>
      <p className="nl-window">
        Each week a draft round-up is assembled from what was published since the last one. Compose one now to send early.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {issues === null ? (
        <p className="loading">Loading…</p>
      ) : issues.length === 0 ? (
        <p>No issues yet.</p>
      ) : (
        <table>
          <caption>Issues, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Items</th>
              <th scope="col">Delivery</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => (
              <tr key={issue.id}>
                <td>
                  <a href={`#/newsletter/${issue.id}`}>{issue.subject}</a>
                </td>
                <td>
                  <span className={`status nl-status-${issue.status}`}>{ISSUE_STATUS_NAMES[issue.status]}</span>
                </td>
                <td>{issue.itemCount}</td>
                <td>{issue.progress ? <DeliveryProgress counts={issue.progress} /> : '—'}</td>
                <td>{when(issue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Pages of issues" page={page} pages={pages} go={setPage} />
    </section>
  );
}
