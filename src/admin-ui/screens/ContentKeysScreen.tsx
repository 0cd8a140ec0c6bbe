import { useEffect, useState } from 'react';
import { api } from '../api';
import { FormField } from '../components/FormField';
import { SecretOnce } from '../components/SecretOnce';
import { fieldErrorsOf, when } from '../settings-api';
import type { ContentKey, FieldErrors } from '../settings-api';
import '../settings.css';

/** Read-only Content API keys: made here (the key shown once), listed by their first characters, revoked. */
export function ContentKeysScreen() {
  const [keys, setKeys] = useState<ContentKey[] | null>(null);
  const [name, setName] = useState('');
  const [fresh, setFresh] = useState<{ name: string; key: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');

  const load = async () => setKeys((await api<{ keys: ContentKey[] }>('GET', '/content-keys')).keys);
  useEffect(() => {
    load().catch((e: unknown) => setErrors(fieldErrorsOf(e)));
  }, []);

  const create = async () => {
    setErrors({});
    setMessage('');
    try {
      const { key } = await api<{ key: ContentKey & { key: string } }>('POST', '/content-keys', { name });
      setFresh({ name: key.name, key: key.key });
      setName('');
      await load();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
    }
  };

  const revoke = async (key: ContentKey) => {
    if (!window.confirm(`Revoke “${key.name}”? Apps using it get 401 from now on.`)) return;
    setErrors({});
    try {
      await api('DELETE', `/content-keys/${encodeURIComponent(key.id)}`);
      setMessage(`“${key.name}” is revoked.`);
      await load();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
    }
  };

  return (
    <div className="admin-screen">
      <h1>Content API keys</h1>
      <p>
        A key lets an app or a partner read published work from <code>/api/content/v1</code>, and nothing else. Give each app its own key,
        so one can be revoked without the others.
      </p>
      {errors[''] && (
        <p role="alert" className="error">
          {errors['']}
        </p>
      )}
      <p role="status">{message}</p>
      <section aria-labelledby="new-key-heading">
        <h2 id="new-key-heading">New key</h2>
        <form
          className="inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <FormField label="Name" hint="Who or what uses it, such as “Partner app”." error={errors.name}>
            <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          </FormField>
          <button type="submit" className="primary">
            Create key
          </button>
        </form>
        {fresh && <SecretOnce label={`The key for “${fresh.name}”.`} value={fresh.key} onDismiss={() => setFresh(null)} />}
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        {keys === null ? (
          <p className="loading">Loading…</p>
        ) : keys.length === 0 ? (
          <p>No keys yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{when(k.createdAt)}</td>
                  <td>{k.revokedAt ? `Revoked ${when(k.revokedAt)}` : 'Live'}</td>
                  <td>
                    {!k.revokedAt && (
                      <button type="button" onClick={() => void revoke(k)}>
                        Revoke <span className="visually-hidden">{k.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
