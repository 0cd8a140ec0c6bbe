import { useState } from 'react';
import { api, ApiError } from '../api';

/** Choosing a new password from a reset link, or joining from an invitation. */
export function TokenScreen({ kind, token }: { kind: 'reset' | 'invite'; token: string }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  const submit = async (form: HTMLFormElement) => {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    if (data.password !== data.again) return setError('The two passwords differ.');
    setError('');
    try {
      if (kind === 'reset') await api('POST', '/password-reset/complete', { token, password: data.password });
      else await api('POST', '/invitations/accept', { token, name: data.name, password: data.password });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not reach the server.');
    }
  };
  return (
    <main className="sign-in">
      <h1>{kind === 'reset' ? 'Choose a new password' : 'Join the newsroom'}</h1>
      {done ? (
        <p role="status">
          {kind === 'reset' ? 'Your password is changed.' : 'Your account is ready.'} <a href="#/articles">Sign in</a>
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit(event.currentTarget);
          }}
        >
          {kind === 'invite' && (
            <label>
              Your name <input name="name" autoComplete="name" required />
            </label>
          )}
          <label>
            New password <input name="password" type="password" autoComplete="new-password" minLength={10} required />
          </label>
          <label>
            The same again <input name="again" type="password" autoComplete="new-password" minLength={10} required />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            {kind === 'reset' ? 'Save the new password' : 'Create my account'}
          </button>
        </form>
      )}
    </main>
  );
}

export function ForgotPassword({ onBack }: { onBack(): void }) {
  const [message, setMessage] = useState('');
  return (
    <main className="sign-in">
      <h1>Reset your password</h1>
      {message ? (
        <p role="status">{message}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const email = String(new FormData(event.currentTarget).get('email') ?? '');
            void api<{ message: string }>('POST', '/password-reset', { email }).then(
              (r) => setMessage(r.message),
              (e: unknown) => setMessage(e instanceof ApiError ? e.message : 'Could not reach the server.'),
            );
          }}
        >
          <label>
            Email <input name="email" type="email" autoComplete="username" required />
          </label>
          <button type="submit" className="primary">
            Send me a link
          </button>
        </form>
      )}
      <p>
        <button type="button" onClick={onBack}>
          Back to sign-in
        </button>
      </p>
    </main>
  );
}
