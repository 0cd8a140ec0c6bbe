import { useEffect, useState } from 'react';
import { api, ApiError, ROLE_NAMES } from '../api';
import type { Role, User } from '../api';

/** Staff accounts: administrators only (the publication's settings have their own screen). */
export function StaffScreen() {
  const [users, setUsers] = useState<User[]>([]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void api<{ users: User[] }>('GET', '/users').then((r) => setUsers(r.users));
  }, []);

  const run = async (fn: () => Promise<void>, done: string) => {
    setError('');
    setMessage('');
    try {
      await fn();
      setMessage(done);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div>
      <h1>Staff</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">Staff</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{ROLE_NAMES[u.role]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
            void run(async () => {
              const { user } = await api<{ user: User }>('POST', '/users', { ...data, role: data.role as Role });
              setUsers((list) => [...list, user]);
              form.reset();
            }, 'Account created.');
          }}
        >
          <label className="field">
            <span>Name</span>
            <input name="name" required />
          </label>
          <label className="field">
            <span>Email</span>
            <input name="email" type="email" required />
          </label>
          <label className="field">
            <span>Role</span>
            <RoleSelect />
          </label>
          <label className="field">
            <span>First password</span>
            <input name="password" type="password" minLength={10} autoComplete="new-password" required />
          </label>
          <button type="submit">Add to staff</button>
        </form>
      </section>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite by email</h2>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
            void run(
              async () => {
                await api('POST', '/invitations', data);
                form.reset();
              },
              `Invitation sent to ${data.email ?? ''}; the link works for seven days.`,
            );
          }}
        >
          <label className="field">
            <span>Email</span>
            <input name="email" type="email" required />
          </label>
          <label className="field">
            <span>Role</span>
            <RoleSelect />
          </label>
          <button type="submit">Send invitation</button>
        </form>
      </section>
    </div>
  );
}

/** The four roles, for a form field named "role". */
function RoleSelect() {
  return (
    <select name="role">
      {(Object.keys(ROLE_NAMES) as Role[]).map((r) => (
        <option key={r} value={r}>
          {ROLE_NAMES[r]}
        </option>
      ))}
    </select>
  );
}
