/**
 * A group of settings stored one key each under a prefix (`site.title`,
 * `mail.smtpUrl`): read with every value checked again on the way out (a bad
 * or outdated stored value falls back to its default), written together in
 * one transaction.
 */
import type { z } from 'zod';
import type { Db } from '../../storage/db.js';
import { readSettings, writeSetting } from '../../storage/repositories/settings.js';
import { withTransaction } from '../../storage/transaction.js';

export async function readSettingsGroup<T extends object>(
  db: Db,
  prefix: string,
  defaults: T,
  shape: Record<keyof T, z.ZodType>,
): Promise<T> {
  const stored = await readSettings(db);
  const out: T = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const value = stored.get(`${prefix}.${key}`);
    if (value === undefined) continue;
    const check = shape[key].safeParse(value);
    if (check.success) out[key] = check.data as T[typeof key];
  }
  return out;
}

/** Values already checked by the group's schema. */
export async function writeSettingsGroup(db: Db, prefix: string, values: Record<string, unknown>): Promise<void> {
  await withTransaction(db, async (trx) => {
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) await writeSetting(trx, `${prefix}.${key}`, value);
    }
  });
}
