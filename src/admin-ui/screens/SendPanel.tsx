import { useState } from 'react';
import { api, ApiError } from '../api';
import type { User } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { DeliveryProgress } from '../components/DeliveryProgress';
import { formatWhen } from '../newsletter-api';
import type { DeliveryCounts, Issue } from '../newsletter-api';

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
const readers = (n: number) => `${n.toLocaleString()} confirmed subscriber${n === 1 ? '' : 's'}`;

/** Preview, a test to the signed-in editor, send now (after a confirmation naming the audience) or schedule; then progress. */
export function SendPanel({
  issue,
  user,
  progress,
  confirmedSubscribers,
  editable,
  save,
  onSent,
  defaultScheduleAt,
}: {
  issue: Issue;
  user: User;
  progress: DeliveryCounts;
  confirmedSubscribers: number;
  editable: boolean;
  save(): Promise<boolean>;
  onSent(next: { issue: Issue; progress?: DeliveryCounts }): void;
  defaultScheduleAt: string;
}) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [at, setAt] = useState(defaultScheduleAt);
  const previewUrl = `/api/admin/v1/newsletter/issues/${issue.id}/preview`;

  /** Saves pending edits first, so what is tested or sent is what is on screen. */
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError('');
    setNote('');
    try {
      if (await save()) setNote(await work());
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const sendTest = () =>
    run(async () => {
      const r = await api<{ sentTo: string }>('POST', `/newsletter/issues/${issue.id}/test`);
      return `A test went to ${r.sentTo}.`;
    });
  const sendNow = () =>
    run(async () => {
      const r = await api<{ issue: Issue; progress: DeliveryCounts }>('POST', `/newsletter/issues/${issue.id}/send`);
      onSent(r);
      return `Sending to ${readers(confirmedSubscribers)}.`;
    });
  const unschedule = () =>
    run(async () => {
      const r = await api<{ issue: Issue }>('POST', `/newsletter/issues/${issue.id}/unschedule`);
      onSent(r);
      return 'Unscheduled: the issue is a draft again, and nothing will be sent until you send or schedule it.';
    });
  const schedule = () =>
    run(async () => {
      const when = new Date(at);
      if (!Number.isFinite(when.getTime())) throw new Error('Choose a date and time to send at.');
      const r = await api<{ issue: Issue }>('POST', `/newsletter/issues/${issue.id}/schedule`, { at: when.toISOString() });
      onSent(r);
      return `Scheduled for ${when.toLocaleString()}.`;
    });

  return (
    <aside className="workflow nl-send" aria-labelledby="send-heading">
      <h2 id="send-heading">Check and send</h2>
      <p>
        <a
          href={previewUrl}
          target="_blank"
          rel="noopener"
          onClick={(e) => {
            // With edits still unsaved, save them, then open the preview.
            e.preventDefault();
            void save().then((ok) => ok && window.open(previewUrl, '_blank', 'noopener'));
          }}
        >
          Preview the mail (opens in a new tab)
        </a>
      </p>
      <p>
        <button type="button" disabled={busy} onClick={() => void sendTest()}>
          Send a test to me
        </button>{' '}
        <small>to {user.email}</small>
      </p>
      {editable && (
        <>
          <h3>Send now</h3>
          {confirmedSubscribers === 0 ? (
            <p>There are no confirmed subscribers to send to yet.</p>
          ) : (
            <ConfirmButton
              label="Send now…"
              question={`Send “${issue.subject}” now to ${readers(confirmedSubscribers)}? It cannot be called back.`}
              confirmLabel={`Send to ${readers(confirmedSubscribers)}`}
              confirmClass="primary"
              disabled={busy}
              onConfirm={() => void sendNow()}
            />
          )}
          <h3>Schedule</h3>
          {issue.status === 'scheduled' && issue.scheduledAt && (
            <p>
              Scheduled for {formatWhen(issue.scheduledAt)}.{' '}
              <button type="button" disabled={busy} onClick={() => void unschedule()}>
                Unschedule
              </button>
            </p>
          )}
          <label className="field">
            <span>Send at</span>
            <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
          </label>
          <p>
            <button type="button" disabled={busy || !at} onClick={() => void schedule()}>
              {issue.status === 'scheduled' ? 'Move the send to this time' : 'Schedule'}
            </button>
          </p>
        </>
      )}
      {issue.status !== 'draft' && (
        <>
          <h3>Delivery</h3>
          <DeliveryProgress counts={progress} live />
        </>
      )}
      <p role="status" className="nl-note">
        {note}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </aside>
  );
}
