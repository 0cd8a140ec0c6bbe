import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, atLeast } from '../api';
import type { Article, User } from '../api';

interface History {
  revisions: { version: number; savedAt: string; savedBy: { name: string } | null }[];
  comments: { id: string; body: string; createdAt: string; author: { name: string } | null }[];
  events: { action: string; detail: string; at: string; by: { name: string } | null }[];
}

interface Comparison {
  fields: { field: string; before: unknown; after: unknown }[];
  body: { op: 'same' | 'added' | 'removed'; text: string }[];
}

const when = (iso: string) => new Date(iso).toLocaleString();

/** Review, scheduling and publishing; comments; corrections; revisions. */
export function WorkflowPanel({
  article,
  user,
  canPublish,
  onChanged,
}: {
  article: Article;
  user: User;
  canPublish: boolean;
  onChanged(): Promise<void>;
}) {
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState('');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [scheduleAt, setScheduleAt] = useState('');
  const [preview, setPreview] = useState<{ url: string; expiresAt: string } | null>(null);

  const reload = useCallback(async () => setHistory(await api<History>('GET', `/articles/${article.id}/history`)), [article.id]);
  useEffect(() => {
    void reload();
  }, [reload, article.version]);

  const act = async (fn: () => Promise<unknown>) => {
    setError('');
    try {
      await fn();
      await onChanged();
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const move = (action: string, extra: Record<string, string> = {}) =>
    act(() => api('POST', `/articles/${article.id}/workflow`, { action, ...extra }));
  const editor = atLeast(user.role, 'editor');
  const s = article.status;

  return (
    <aside className="workflow" aria-label="Workflow">
      <h2>Workflow</h2>
      {article.publishedAt && (
        <p>
          {s === 'scheduled' ? 'Publishes' : 'Published'} {when(article.publishedAt)}
          {s === 'published' && (
            <>
              {' · '}
              <a href={article.path} target="_blank" rel="noopener">
                View on the site
              </a>
            </>
          )}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        {s === 'draft' && (
          <button type="button" className="primary" onClick={() => void move('submit')}>
            Submit for review
          </button>
        )}
        {editor && s === 'in_review' && (
          <button type="button" onClick={() => void move('approve')}>
            Approve
          </button>
        )}
        {editor && (s === 'in_review' || s === 'scheduled') && (
          <button
            type="button"
            onClick={() => {
              const note = window.prompt('What should change? (sent to the writer as a comment)');
              if (note !== null) void move('request_changes', note ? { note } : {});
            }}
          >
            Request changes
          </button>
        )}
        {canPublish && s !== 'published' && (
          <>
            <button type="button" className="primary" onClick={() => void move('publish')}>
              Publish now
            </button>
            <label className="field">
              <span>Schedule for</span>
              <input type="datetime-local" value={scheduleAt} onChange={(e) => setScheduleAt(e.target.value)} />
            </label>
            <button type="button" disabled={!scheduleAt} onClick={() => void move('schedule', { at: new Date(scheduleAt).toISOString() })}>
              Schedule
            </button>
          </>
        )}
        {canPublish && (s === 'published' || s === 'scheduled') && (
          <button type="button" onClick={() => void move('unpublish')}>
            Unpublish
          </button>
        )}
      </div>

      {s !== 'published' && (
        <div>
          <button
            type="button"
            onClick={() =>
              void act(async () =>
                setPreview(await api<{ url: string; expiresAt: string }>('POST', `/articles/${article.id}/preview-link`)),
              )
            }
          >
            Make a preview link
          </button>
          {preview && (
            <p>
              <a href={preview.url} target="_blank" rel="noopener">
                Preview
              </a>{' '}
              (anyone with the link, until {when(preview.expiresAt)}):{' '}
              <input readOnly value={preview.url} aria-label="Preview link" onFocus={(e) => e.target.select()} />
            </p>
          )}
        </div>
      )}
      {s === 'published' && canPublish && (
        <form
          className="correction-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            void act(() => api('POST', `/articles/${article.id}/corrections`, { kind: data.get('kind'), text: data.get('text') })).then(
              () => form.reset(),
            );
          }}
        >
          <h3>Correction or update</h3>
          <label className="field">
            <span>Kind</span>
            <select name="kind">
              <option value="correction">Correction</option>
              <option value="update">Update</option>
            </select>
          </label>
          <label className="field">
            <span>Notice</span>
            <textarea name="text" rows={3} required />
          </label>
          <button type="submit">Append to the article</button>
        </form>
      )}

      <section aria-labelledby="comments-heading">
        <h3 id="comments-heading">Comments</h3>
        <ul className="comments">
          {history?.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author?.name ?? 'Someone'}</strong> <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const body = String(new FormData(form).get('body') ?? '');
            void act(() => api('POST', `/articles/${article.id}/comments`, { body })).then(() => form.reset());
          }}
        >
          <label className="field">
            <span>Add a comment</span>
            <textarea name="body" rows={2} required />
          </label>
          <button type="submit">Comment</button>
        </form>
      </section>

      <section aria-labelledby="log-heading">
        <h3 id="log-heading">Log</h3>
        <ol className="log">
          {history?.events.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{when(e.at)}</time> {e.by?.name ?? 'Scheduler'}: {e.action.replace('_', ' ')}{' '}
              {e.detail && <span>({e.detail})</span>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="revisions-heading">
        <h3 id="revisions-heading">Revisions</h3>
        <ol className="revisions">
          {history?.revisions.map((r) => (
            <li key={r.version}>
              v{r.version} · {when(r.savedAt)} · {r.savedBy?.name ?? 'Scheduler'}{' '}
              {r.version !== article.version && (
                <>
                  <button
                    type="button"
                    onClick={() =>
                      void api<Comparison>('GET', `/articles/${article.id}/revisions/${r.version}/compare/${article.version}`).then(
                        setComparison,
                      )
                    }
                  >
                    Compare with current
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() =>
                      void act(() =>
                        api('POST', `/articles/${article.id}/revisions/${r.version}/restore`, { currentVersion: article.version }),
                      )
                    }
                  >
                    Restore
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
        {comparison && (
          <div className="comparison" aria-live="polite">
            <h4>Changes</h4>
            <ul>
              {comparison.fields.map((f) => (
                <li key={f.field}>
                  <strong>{f.field}</strong>: <del>{JSON.stringify(f.before)}</del> → <ins>{JSON.stringify(f.after)}</ins>
                </li>
              ))}
            </ul>
            <div className="body-diff">
              {comparison.body
                .filter((l) => l.op !== 'same')
                .map((l, i) => (l.op === 'added' ? <ins key={i}>{l.text}</ins> : <del key={i}>{l.text}</del>))}
            </div>
          </div>
        )}
      </section>
    </aside>
  );
}
