import { useEffect, useState } from 'react';
import { api } from '../api';
import { FormField } from '../components/FormField';
import { SecretOnce } from '../components/SecretOnce';
import { WebhookLog } from '../components/WebhookLog';
import { fieldErrorsOf, when } from '../settings-api';
import type { FieldErrors, Webhook } from '../settings-api';
import '../settings.css';

const EVENT_NAMES: Record<string, string> = {
  'article.published': 'Article published',
  'article.updated': 'Article updated',
  'article.unpublished': 'Article unpublished',
  'article.corrected': 'Article corrected',
  'brief.published': 'Brief published',
  'newsletter.sent': 'Newsletter sent',
};

/** Webhooks: register a URL for some events (the signing secret shown once), list, delete, and read each one's deliveries. */
export function WebhooksScreen() {
  const [hooks, setHooks] = useState<Webhook[] | null>(null);
  const [events, setEvents] = useState<string[]>([]);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>(['article.published']);
  const [fresh, setFresh] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');

  const load = async () => {
    const r = await api<{ webhooks: Webhook[]; events: string[] }>('GET', '/webhooks');
    setHooks(r.webhooks);
    setEvents(r.events);
  };
  useEffect(() => {
    load().catch((e: unknown) => setErrors(fieldErrorsOf(e)));
  }, []);

  const register = async () => {
    setErrors({});
    setMessage('');
    try {
      const { webhook } = await api<{ webhook: Webhook & { secret: string } }>('POST', '/webhooks', {
        url,
        events: chosen,
        ...(description ? { description } : {}),
      });
      setFresh({ url: webhook.url, secret: webhook.secret });
      setUrl('');
      setDescription('');
      await load();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
    }
  };

  const remove = async (hook: Webhook) => {
    if (!window.confirm(`Delete the webhook to ${hook.url}? Deliveries still waiting are dropped.`)) return;
    setErrors({});
    try {
      await api('DELETE', `/webhooks/${encodeURIComponent(hook.id)}`);
      if (open === hook.id) setOpen(null);
      setMessage(`The webhook to ${hook.url} is deleted.`);
      await load();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
    }
  };

  const toggle = (event: string, on: boolean) => setChosen(on ? [...chosen, event] : chosen.filter((e) => e !== event));

  return (
    <div className="admin-screen">
      <h1>Webhooks</h1>
      <p>
        Masthead POSTs a signed JSON event to each URL when something it listens to happens, and retries with growing pauses while the
        receiver fails. Every attempt and its answer is logged below.
      </p>
      {errors[''] && (
        <p role="alert" className="error">
          {errors['']}
        </p>
      )}
      <p role="status">{message}</p>
      <section aria-labelledby="new-hook-heading">
        <h2 id="new-hook-heading">New webhook</h2>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void register();
          }}
        >
          <FormField label="URL" hint="http:// or https://; private and loopback addresses are refused." error={errors.url}>
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} />
          </FormField>
          <FormField label="Description" error={errors.description}>
            <input value={description} maxLength={300} onChange={(e) => setDescription(e.target.value)} />
          </FormField>
          <fieldset aria-describedby={errors.events ? 'events-error' : undefined}>
            <legend>Events</legend>
            <div className="events">
              {events.map((event) => (
                <label key={event} className="choice">
                  <input type="checkbox" checked={chosen.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />{' '}
                  {EVENT_NAMES[event] ?? event}
                </label>
              ))}
            </div>
            {errors.events && (
              <small id="events-error" className="field-error">
                Choose at least one event.
              </small>
            )}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="primary">
              Register webhook
            </button>
          </div>
        </form>
        {fresh && <SecretOnce label={`The signing secret for ${fresh.url}.`} value={fresh.secret} onDismiss={() => setFresh(null)} />}
      </section>
      <section aria-labelledby="hooks-heading">
        <h2 id="hooks-heading">Registered</h2>
        {hooks === null ? (
          <p className="loading">Loading…</p>
        ) : hooks.length === 0 ? (
          <p>No webhooks yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((hook) => (
                <tr key={hook.id}>
                  <th scope="row">
                    <code>{hook.url}</code>
                    {hook.description && <div>{hook.description}</div>}
                  </th>
                  <td>{hook.events.map((e) => EVENT_NAMES[e] ?? e).join(', ')}</td>
                  <td>{when(hook.createdAt)}</td>
                  <td>
                    <button type="button" aria-expanded={open === hook.id} onClick={() => setOpen(open === hook.id ? null : hook.id)}>
                      Deliveries
                    </button>{' '}
                    <button type="button" onClick={() => void remove(hook)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {open && hooks?.some((h) => h.id === open) && <WebhookLog hook={hooks.find((h) => h.id === open)!} />}
      </section>
    </div>
  );
}
