import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { User } from '../api';

/** Sign-in, or, while the publication has no staff yet, creating its first administrator. */
export function SignIn({ onSignedIn }: { onSignedIn(user: User, csrfToken: string): void }) {
  const [setup, setSetup] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api<{ needed: boolean }>('GET', '/setup').then((r) => setSetup(r.needed));
  }, []);

  const submit = async (form: HTMLFormElement) => {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    setBusy(true);
    setError('');
    try {
      if (setup) await api('POST', '/setup', { email: data.email, name: data.name, password: data.password });
      const session = await api<{ user: User; csrfToken: string }>('POST', '/session', { email: data.email, password: data.password });
      onSignedIn(session.user, session.csrfToken);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not reach the server.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>{setup ? 'Set up your newsroom' : 'Sign in to the newsroom'}</h1>
      {setup && <p>Nobody works here yet. Create the first administrator.</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        {setup && (
          <label>
            Your name <input name="name" autoComplete="name" required />
          </label>
        )}
        <label>
          Email <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password{' '}
          <input
            name="password"
            type="password"
            autoComplete={setup ? 'new-password' : 'current-password'}
            minLength={setup ? 10 : undefined}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {setup ? 'Create and sign in' : 'Sign in'}
        </button>
      </form>
      {!setup && (
        <p>
          <a href="#/forgot">Forgot your password?</a>
        </p>
      )}
    </main>
  );
}
