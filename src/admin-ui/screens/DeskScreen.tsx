import { useState } from 'react';
import { api, ApiError, atLeast } from '../api';
import type { Desk, User } from '../api';

/** Sections, topics and authors: the desk's lists, and a form for each for editors. */
export function DeskScreen({ user, desk, onChange }: { user: User; desk: Desk; onChange(desk: Desk): void }) {
  const [error, setError] = useState('');
  const editor = atLeast(user.role, 'editor');
  const add = async (form: HTMLFormElement, path: string) => {
    const data = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== '')) as Record<string, string>;
    setError('');
    try {
      await api('POST', path, data);
      onChange(await api<Desk>('GET', '/desk'));
      form.reset();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const list = (title: string, items: { id: string; name: string; slug: string }[], path: string, extra?: React.ReactNode) => (
    <section aria-labelledby={`${path}-heading`} className="desk-list">
      <h2 id={`${path}-heading`}>{title}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            {i.name} <code>{i.slug}</code>
          </li>
        ))}
      </ul>
      {editor && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void add(event.currentTarget, path);
          }}
        >
          <label className="field">
            <span>Name</span>
            <input name="name" required />
          </label>
          {extra}
          <button type="submit">Add</button>
        </form>
      )}
    </section>
  );
  return (
    <div>
      <h1>Sections, topics and authors</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="desk-grid">
        {list('Sections', desk.sections, '/sections')}
        {list('Topics', desk.topics, '/topics')}
        {list(
          'Authors',
          desk.authors,
          '/authors',
          <>
            <label className="field">
              <span>Title</span>
              <input name="title" placeholder="Contributing writer" />
            </label>
            <label className="field">
              <span>Bio</span>
              <textarea name="bio" rows={2} />
            </label>
          </>,
        )}
      </div>
    </div>
  );
}
