import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { fieldErrorsOf, when } from '../settings-api';
import type { Webhook, WebhookDelivery } from '../settings-api';

const EXCERPT = 160;

/** One webhook's delivery attempts, newest first: the answer, a short excerpt of the response, and when it retries. */
export function WebhookLog({ hook }: { hook: Webhook }) {
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      setDeliveries(
        (await api<{ deliveries: WebhookDelivery[] }>('GET', `/webhooks/${encodeURIComponent(hook.id)}/deliveries`)).deliveries,
      );
    } catch (e) {
      setError(fieldErrorsOf(e)[''] ?? 'The log could not be read.');
    }
  }, [hook.id]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="log-heading" className="delivery-log">
      <h3 id="log-heading">
        Deliveries to <code>{hook.url}</code>
      </h3>
      <button type="button" onClick={() => void load()}>
        Refresh
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {deliveries === null ? (
        <p className="loading">Loading…</p>
      ) : deliveries.length === 0 ? (
        <p>Nothing delivered yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Time</th>
              <th scope="col">Attempt</th>
              <th scope="col">Answer</th>
              <th scope="col">Response</th>
              <th scope="col">Next retry</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>{d.event}</td>
                <td>{when(d.at)}</td>
                <td>{d.attempt}</td>
                <td>{d.status !== null ? `HTTP ${d.status}` : (d.error ?? 'no answer')}</td>
                <td className="excerpt">
                  {d.responseSnippet.length > EXCERPT ? `${d.responseSnippet.slice(0, EXCERPT)}…` : d.responseSnippet}
                </td>
                <td>{d.nextRetryAt ? when(d.nextRetryAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
