/**
 * Every PostgreSQL session of this process carries its SESSION_NAME, even
 * when the database URL names an application of its own (a URL's
 * application_name would otherwise win), and a dead process's sessions can
 * be counted and ended by name: the mail courier relies on both to know
 * when a dead sender's last COMMIT has landed (src/services/mail/courier.ts).
 * Needs the PostgreSQL server: PGlite has one session and no other process.
 */
import { describe, expect } from 'vitest';
import { sql } from 'kysely';
import { SESSION_NAME, endSessionsNamed, openDb, sessionsNamed } from '../../src/storage/db.js';
import { itOnServer } from '../helpers/crash-targets.js';

describe('PostgreSQL sessions named after their process', () => {
  itOnServer('carry the process name whatever the URL says, and end by name, leaving the rest', 'sessions', async (target) => {
    const url = `${target.url}${target.url.includes('?') ? '&' : '?'}application_name=operators-own-name`;
    // This process's own name, as every pool gets it by default.
    const own = openDb({ dialect: 'postgres', url, searchPath: target.schema }, { max: 1 });
    // A stand-in for a dead sender (ending this process's own sessions would end the test's too).
    const name = `masthead:test-${process.pid}`;
    const doomed = openDb({ dialect: 'postgres', url, searchPath: target.schema }, { max: 2, applicationName: name });
    const observer = openDb({ dialect: 'postgres', url: target.url }, { max: 1, applicationName: 'masthead:test-observer' });
    try {
      const current = async (db: typeof own) =>
        (await sql<{ name: string }>`select current_setting('application_name') as name`.execute(db)).rows[0]!.name;
      expect(await current(own)).toBe(SESSION_NAME);
      expect(await current(doomed)).toBe(name);
      expect(await sessionsNamed(observer, name)).toBe(1);

      await endSessionsNamed(observer, name);
      for (let i = 0; i < 200 && (await sessionsNamed(observer, name)) > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await sessionsNamed(observer, name)).toBe(0);
      // Nobody else's session was ended, and the pool whose session was opens another.
      expect(await sessionsNamed(observer, 'masthead:test-observer')).toBe(1);
      expect(await sessionsNamed(observer, SESSION_NAME)).toBeGreaterThanOrEqual(1);
      expect(await current(doomed)).toBe(name);
    } finally {
      await own.destroy();
      await doomed.destroy();
      await observer.destroy();
    }
  });
});
