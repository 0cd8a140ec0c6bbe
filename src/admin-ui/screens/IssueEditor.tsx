import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import type { User } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { ItemSearch } from '../components/ItemSearch';
import { RoundUpItems } from '../components/RoundUpItems';
import { ISSUE_STATUS_NAMES, formatWhen, localInputValue, pollDelay } from '../newsletter-api';
import type { DeliveryCounts, Issue, IssueDetail, RoundUpItem } from '../newsletter-api';
import { SendPanel } from './SendPanel';
import './newsletter.css';

interface Draft {
  subject: string;
  intro: string;
  items: RoundUpItem[];
}

const draftOf = (issue: Issue): Draft => ({ subject: issue.subject, intro: issue.intro, items: issue.items });
const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** Deleting a draft, after a confirmation; then back to the list of issues. */
function DeleteDraft({ issue }: { issue: Issue }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const remove = async () => {
    setBusy(true);
    setError('');
    try {
      await api('DELETE', `/newsletter/issues/${issue.id}`);
      window.location.hash = '#/newsletter';
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };
  return (
    <div className="nl-delete">
      <ConfirmButton
        label="Delete this draft…"
        question={`Delete the draft “${issue.subject}”? It cannot be brought back.`}
        confirmLabel="Delete the draft"
        confirmClass="danger"
        disabled={busy}
        onConfirm={() => void remove()}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * One round-up: subject, the editor's introduction and the items, saved as
 * you go; then preview, a test to yourself, send now, schedule or call a
 * scheduled send off, and the delivery progress while it goes out. A draft
 * can be deleted.
 */
export function IssueEditor({ id, user }: { id: string; user: User }) {
  const [detail, setDetail] = useState<IssueDetail | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saveState, setSaveState] = useState<'saved' | 'unsaved' | 'saving' | 'failed'>('saved');
  const [error, setError] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const draftRef = useRef<Draft | null>(null);
  const savedJson = useRef('');
  const saving = useRef<Promise<boolean> | null>(null);
  draftRef.current = draft;

  const load = useCallback(async () => {
    const r = await api<IssueDetail>('GET', `/newsletter/issues/${id}`);
    setDetail(r);
    return r;
  }, [id]);

  useEffect(() => {
    load().then(
      (r) => {
        setDraft(draftOf(r.issue));
        savedJson.current = JSON.stringify(draftOf(r.issue));
      },
      (e: unknown) => setError(message(e)),
    );
  }, [load]);

  /** Saves the draft if it changed; resolves false when the save failed. */
  const save = useCallback(async (): Promise<boolean> => {
    while (saving.current) await saving.current;
    const current = draftRef.current;
    if (!current) return true;
    const json = JSON.stringify(current);
    if (json === savedJson.current) return true;
    setSaveState('saving');
    const attempt = api<{ issue: Issue }>('PATCH', `/newsletter/issues/${id}`, current).then(
      (r) => {
        savedJson.current = json;
        setDetail((d) => d && { ...d, issue: r.issue });
        setSaveState(JSON.stringify(draftRef.current) === json ? 'saved' : 'unsaved');
        setError('');
        return true;
      },
      (e: unknown) => {
        setSaveState('failed');
        setError(message(e));
        return false;
      },
    );
    saving.current = attempt;
    try {
      return await attempt;
    } finally {
      saving.current = null;
    }
  }, [id]);

  useEffect(() => {
    if (!draft || JSON.stringify(draft) === savedJson.current) return;
    setSaveState('unsaved');
    const timer = setTimeout(() => void save(), 800);
    return () => clearTimeout(timer);
  }, [draft, save]);

  // Leaving the screen saves what is pending; closing the tab with unsaved changes asks first.
  useEffect(() => () => void save(), [save]);
  useEffect(() => {
    if (saveState === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveState]);

  const issue = detail?.issue;
  const delay = issue ? pollDelay(issue) : null;
  useEffect(() => {
    if (delay === null) return;
    const timer = setInterval(() => void load().catch((e: unknown) => setError(message(e))), delay);
    return () => clearInterval(timer);
  }, [delay, load]);

  if (!detail || !draft || !issue) {
    return error ? (
      <p role="alert" className="error">
        {error}
      </p>
    ) : (
      <p className="loading">Loading the issue…</p>
    );
  }

  const editable = issue.status === 'draft' || issue.status === 'scheduled';
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const onSent = (next: { issue: Issue; progress?: DeliveryCounts }) =>
    setDetail({ ...detail, issue: next.issue, progress: next.progress ?? detail.progress });

  return (
    <section aria-labelledby="issue-heading" className="nl-issue">
      <p>
        <a href="#/newsletter">← All issues</a>
      </p>
      <div className="screen-head">
        <h1 id="issue-heading">Round-up issue</h1>
        <p className="save-state">
          <span className={`status nl-status-${issue.status}`}>{ISSUE_STATUS_NAMES[issue.status]}</span>{' '}
          {editable && { saved: 'All changes saved', unsaved: 'Unsaved changes', saving: 'Saving…', failed: 'Not saved' }[saveState]}
        </p>
      </div>
      <p className="nl-window">
        Covers pieces published from {formatWhen(issue.windowStart)} to {formatWhen(issue.windowEnd)}.
        {issue.status === 'scheduled' && issue.scheduledAt && ` Scheduled for ${formatWhen(issue.scheduledAt)}.`}
        {issue.sentAt && ` Sent ${formatWhen(issue.sentAt)}.`}
        {issue.status === 'sent' && (
          <>
            {' '}
            <a href={`/newsletter/archive/${encodeURIComponent(issue.slug)}`} target="_blank" rel="noopener">
              Read it in the web archive
            </a>
          </>
        )}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="nl-sr-only" aria-live="polite">
        {announcement}
      </p>
      <div className="editor-layout">
        <div className="article-form">
          <label className="field">
            <span>Subject</span>
            <input value={draft.subject} maxLength={200} disabled={!editable} onChange={(e) => change({ subject: e.target.value })} />
          </label>
          <label className="field">
            <span>Editor’s introduction</span>
            <textarea
              rows={6}
              value={draft.intro}
              maxLength={5000}
              disabled={!editable}
              onChange={(e) => change({ intro: e.target.value })}
              aria-describedby="intro-hint"
            />
            <small id="intro-hint">Plain text; a blank line starts a new paragraph.</small>
          </label>
          <fieldset>
            <legend>Items ({draft.items.length})</legend>
            <RoundUpItems items={draft.items} disabled={!editable} onChange={(items) => change({ items })} announce={setAnnouncement} />
          </fieldset>
          {editable && (
            <ItemSearch
              included={draft.items}
              disabled={!editable}
              onAdd={(item) => {
                change({ items: [...draft.items, item] });
                setAnnouncement(`“${item.headline}” added to the issue.`);
              }}
            />
          )}
          {issue.status === 'draft' && <DeleteDraft issue={issue} />}
        </div>
        <SendPanel
          issue={issue}
          user={user}
          progress={detail.progress}
          confirmedSubscribers={detail.confirmedSubscribers}
          editable={editable}
          save={save}
          onSent={onSent}
          defaultScheduleAt={localInputValue(new Date(Date.now() + 24 * 3_600_000))}
        />
      </div>
    </section>
  );
}
