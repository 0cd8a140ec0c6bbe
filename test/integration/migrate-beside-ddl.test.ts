/**
 * Migrating while other schemas on the same PostgreSQL database come and go
 * (other deployments, other tests): Kysely's migrator lists the tables of
 * every schema to find its own bookkeeping table, and a schema dropped during
 * that listing fails it. `migrateToLatest` tries again; under constant churn
 * about one listing in three fails, so fifteen migrations in a row without
 * that would all succeed about once in 2,000 runs.
 */
import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { itOnServer } from '../helpers/crash-targets.js';

describe('migrations beside other schemas being dropped', () => {
  itOnServer(
    'all succeed while another session creates and drops schemas without pause',
    'ddl',
    async (target) => {
      const churner = openDb({ dialect: 'postgres', url: target.url }, { max: 1 });
      let stop = false;
      let churned = 0;
      const churn = (async () => {
        while (!stop) {
          const schema = `${target.schema}_churn_${churned++}`;
          await sql`create schema ${sql.id(schema)}`.execute(churner);
          await sql`create table ${sql.id(schema)}.t (id serial primary key, a text, b text)`.execute(churner);
          await sql`drop schema ${sql.id(schema)} cascade`.execute(churner);
        }
      })();
      const failures: string[] = [];
      try {
        for (let k = 0; k < 15; k++) {
          const schema = `${target.schema}_m${k}`;
          await sql`create schema ${sql.id(schema)}`.execute(churner);
          const db = openDb({ dialect: 'postgres', url: target.url, searchPath: schema }, { max: 2 });
          try {
            await migrateToLatest(db);
          } catch (error) {
            failures.push((error as Error).message);
          } finally {
            await db.destroy();
          }
          await sql`drop schema ${sql.id(schema)} cascade`.execute(churner);
        }
      } finally {
        stop = true;
        await churn;
        await churner.destroy();
      }
      expect(churned, 'schemas churned alongside').toBeGreaterThan(15);
      expect(failures).toEqual([]);
    },
    120_000,
  );
});
