/**
 * All SQL for newsletter subscribers. Addresses arrive here already
 * normalised (trimmed, lower-case) by the service layer.
 */
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import { dialectOf } from '../db.js';
import type { Db } from '../db.js';
import type { SubscriberTable } from '../schema.js';
import { withTransaction } from '../transaction.js';

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

/** How a reader left: the HTTPS link (page or one-click), a mail to the List-Unsubscribe mailto, or an import. */
export const UNSUBSCRIBE_CHANNELS = ['link', 'mail', 'import'] as const;
export type UnsubscribeChannel = (typeof UNSUBSCRIBE_CHANNELS)[number];

export interface Subscriber {
  id: string;
  email: string;
  status: SubscriberStatus;
  consentAt: string;
  consentSource: string;
  consentText: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  /** Null while subscribed, and for readers who left before the channel was recorded. */
  unsubscribedVia: UnsubscribeChannel | null;
  bouncedAt: string | null;
  bounceReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Consent {
  /** When the reader asked (ISO instant). */
  at: string;
  /** The page the form was on, e.g. `/newsletter` or an article path. */
  source: string;
  /** The wording the reader agreed to. */
  text: string;
}

export function toSubscriber(row: Selectable<SubscriberTable>): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status as SubscriberStatus,
    consentAt: row.consent_at,
    consentSource: row.consent_source,
    consentText: row.consent_text,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
    unsubscribedVia: (UNSUBSCRIBE_CHANNELS as readonly string[]).includes(row.unsubscribed_via ?? '')
      ? (row.unsubscribed_via as UnsubscribeChannel)
      : null,
    bouncedAt: row.bounced_at,
    bounceReason: row.bounce_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findSubscriberById(db: Db, id: string): Promise<Subscriber | null> {
  const row = await db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSubscriber(row) : null;
}

export async function findSubscriberByEmail(db: Db, email: string): Promise<Subscriber | null> {
  const row = await db.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirst();
  return row ? toSubscriber(row) : null;
}

/**
 * A pending subscriber for `email`, unless the address is already known: two
 * signups racing on one address end with one row (the unique index decides).
 */
export async function createPendingSubscriber(
  db: Db,
  input: { id: string; email: string; consent: Consent; now: string },
): Promise<{ subscriber: Subscriber; created: boolean }> {
  await db
    .insertInto('subscribers')
    .values({
      id: input.id,
      email: input.email,
      status: 'pending',
      consent_at: input.consent.at,
      consent_source: input.consent.source,
      consent_text: input.consent.text,
      created_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  const subscriber = await findSubscriberByEmail(db, input.email);
  if (!subscriber) throw new Error(`subscriber ${input.email} vanished after insert`);
  return { subscriber, created: subscriber.id === input.id };
}

/** Undoes a signup whose confirmation could not be sent: only a row still pending and never confirmed. */
export async function deletePendingSubscriber(db: Db, id: string): Promise<void> {
  await db.deleteFrom('subscribers').where('id', '=', id).where('status', '=', 'pending').where('confirmed_at', 'is', null).execute();
}

/** A reader who left (or never confirmed) signs up again: pending once more, with the new consent. */
export async function restartSubscription(db: Db, id: string, consent: Consent, now: string): Promise<void> {
  await db
    .updateTable('subscribers')
    .set({ status: 'pending', consent_at: consent.at, consent_source: consent.source, consent_text: consent.text, updated_at: now })
    .where('id', '=', id)
    .where('status', '!=', 'confirmed')
    .execute();
}

/** Pending becomes confirmed; any other state is left alone (an old confirm link cannot undo an unsubscribe). */
export async function confirmSubscriber(db: Db, id: string, now: string): Promise<Subscriber | null> {
  await db
    .updateTable('subscribers')
    .set({ status: 'confirmed', confirmed_at: now, unsubscribed_at: null, unsubscribed_via: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return findSubscriberById(db, id);
}

/**
 * Idempotent: a second call changes nothing, and the first channel stays the
 * one recorded. A bounced address stays bounced. `changed` says whether this
 * call was the one that unsubscribed (the update itself decides, so two
 * requests racing cannot both claim it).
 */
export async function unsubscribeSubscriber(
  db: Db,
  id: string,
  now: string,
  via: UnsubscribeChannel | null = null,
): Promise<{ subscriber: Subscriber; changed: boolean } | null> {
  const result = await db
    .updateTable('subscribers')
    .set({ status: 'unsubscribed', unsubscribed_at: now, unsubscribed_via: via, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'confirmed'])
    .executeTakeFirst();
  const subscriber = await findSubscriberById(db, id);
  return subscriber ? { subscriber, changed: Number(result.numUpdatedRows) > 0 } : null;
}

/** A permanent SMTP refusal: stop mailing this address. */
export async function markSubscriberBounced(db: Db, id: string, reason: string, now: string): Promise<void> {
  await db
    .updateTable('subscribers')
    .set({ status: 'bounced', bounced_at: now, bounce_reason: reason.slice(0, 1000), updated_at: now })
    .where('id', '=', id)
    .where('status', '!=', 'unsubscribed')
    .execute();
}

/**
 * Moves a subscriber to a new address, pending until the new address is
 * confirmed. False when another subscriber already has that address.
 */
export async function changeSubscriberEmail(db: Db, id: string, email: string, now: string): Promise<boolean> {
  return withTransaction(db, async (trx) => {
    const taken = await trx.selectFrom('subscribers').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) return taken.id === id;
    await trx
      .updateTable('subscribers')
      .set({ email, status: 'pending', confirmed_at: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    return true;
  });
}

export interface SubscriberQuery {
  /** A part of the address. */
  q?: string;
  status?: SubscriberStatus;
  offset: number;
  limit: number;
}

export async function listSubscribers(db: Db, query: SubscriberQuery): Promise<{ items: Subscriber[]; total: number }> {
  let base = db.selectFrom('subscribers');
  if (query.status) base = base.where('status', '=', query.status);
  const q = query.q?.trim().toLowerCase();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where(sql<boolean>`email like ${pattern} escape '\\'`);
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(query.offset).limit(query.limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSubscriber), total: Number(count.n) };
}

export async function countSubscribersByStatus(db: Db): Promise<Record<SubscriberStatus, number>> {
  const rows = await db
    .selectFrom('subscribers')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<SubscriberStatus, number> = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0 };
  for (const row of rows) if (row.status in counts) counts[row.status as SubscriberStatus] = Number(row.n);
  return counts;
}

/**
 * Subscribers per week by the week of one of their dates (new confirmations,
 * or departures), weeks starting on Monday (UTC), oldest first, for weeks with
 * at least one. `weekStart` is `YYYY-MM-DD`.
 */
export async function countPerWeek(
  db: Db,
  column: 'confirmed_at' | 'unsubscribed_at',
  since: string,
): Promise<{ weekStart: string; count: number }[]> {
  const ref = sql.ref(column);
  const week =
    dialectOf(db) === 'postgres'
      ? sql<string>`to_char(date_trunc('week', ${ref} at time zone 'UTC'), 'YYYY-MM-DD')`
      : sql<string>`date(${ref}, 'weekday 0', '-6 days')`;
  const rows = await db
    .selectFrom('subscribers')
    .select([week.as('week'), (eb) => eb.fn.countAll<number>().as('n')])
    .where(column, 'is not', null)
    .where(column, '>=', since)
    .groupBy(week)
    .orderBy(week)
    .execute();
  return rows.map((row) => ({ weekStart: row.week, count: Number(row.n) }));
}

/** One page of the export, in address order; pass the last address back for the next page. */
export async function exportSubscribersPage(db: Db, afterEmail: string | null, limit: number): Promise<Subscriber[]> {
  let query = db.selectFrom('subscribers').selectAll();
  if (afterEmail !== null) query = query.where('email', '>', afterEmail);
  return (await query.orderBy('email').limit(limit).execute()).map(toSubscriber);
}

export interface ImportRow {
  /** The line of the file, for reports. */
  line: number;
  id: string;
  email: string;
  status: SubscriberStatus;
  consent: Consent;
  confirmedAt: string | null;
}

export interface ImportOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows not applied, with why (e.g. an address that unsubscribed cannot be re-added by import). */
  skipped: { line: number; email: string; reason: string }[];
}

const IMPORT_CHUNK = 500;

/**
 * Applies imported rows in one transaction. New addresses are inserted.
 * Known addresses: an opt-out in the file (unsubscribed, bounced) always
 * wins; a pending address confirmed in the file becomes confirmed; an
 * address that left is never re-subscribed by an import.
 */
export async function importSubscribers(db: Db, rows: readonly ImportRow[], now: string): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { inserted: 0, updated: 0, unchanged: 0, skipped: [] };
  await withTransaction(db, async (trx) => {
    for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
      const chunk = rows.slice(i, i + IMPORT_CHUNK);
      const known = new Map(
        (
          await trx
            .selectFrom('subscribers')
            .selectAll()
            .where(
              'email',
              'in',
              chunk.map((row) => row.email),
            )
            .execute()
        ).map((row) => [row.email, toSubscriber(row)]),
      );
      const fresh: ImportRow[] = [];
      for (const row of chunk) {
        const existing = known.get(row.email);
        if (!existing) {
          fresh.push(row);
          // A second line with the same address in the file is then "known".
          known.set(row.email, { ...importedSubscriber(row, now) });
          continue;
        }
        const change = importChange(existing, row, now);
        if (change === 'unchanged') outcome.unchanged++;
        else if ('reason' in change) outcome.skipped.push({ line: row.line, email: row.email, reason: change.reason });
        else {
          await trx.updateTable('subscribers').set(change).where('id', '=', existing.id).execute();
          known.set(row.email, { ...existing, status: change.status as SubscriberStatus });
          outcome.updated++;
        }
      }
      if (fresh.length > 0) {
        await trx
          .insertInto('subscribers')
          .values(
            fresh.map((row) => ({
              id: row.id,
              email: row.email,
              status: row.status,
              consent_at: row.consent.at,
              consent_source: row.consent.source,
              consent_text: row.consent.text,
              confirmed_at: row.status === 'confirmed' ? (row.confirmedAt ?? now) : row.confirmedAt,
              unsubscribed_at: row.status === 'unsubscribed' ? now : null,
              unsubscribed_via: row.status === 'unsubscribed' ? 'import' : null,
              bounced_at: row.status === 'bounced' ? now : null,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        outcome.inserted += fresh.length;
      }
    }
  });
  return outcome;
}

function importedSubscriber(row: ImportRow, now: string): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    consentAt: row.consent.at,
    consentSource: row.consent.source,
    consentText: row.consent.text,
    confirmedAt: row.confirmedAt,
    unsubscribedAt: null,
    unsubscribedVia: null,
    bouncedAt: null,
    bounceReason: null,
    createdAt: now,
    updatedAt: now,
  };
}

type ImportUpdate = { status: string; updated_at: string } & Partial<Omit<SubscriberTable, 'id' | 'email' | 'status'>>;

function importChange(existing: Subscriber, row: ImportRow, now: string): ImportUpdate | 'unchanged' | { reason: string } {
  if (existing.status === row.status) return 'unchanged';
  if (row.status === 'unsubscribed') return { status: 'unsubscribed', unsubscribed_at: now, unsubscribed_via: 'import', updated_at: now };
  if (row.status === 'bounced') return { status: 'bounced', bounced_at: now, bounce_reason: 'imported as bounced', updated_at: now };
  if (existing.status === 'unsubscribed' || existing.status === 'bounced')
    return { reason: `this address is ${existing.status}; an import does not subscribe it again` };
  if (existing.status === 'pending' && row.status === 'confirmed')
    return {
      status: 'confirmed',
      confirmed_at: row.confirmedAt ?? now,
      consent_at: row.consent.at,
      consent_source: row.consent.source,
      consent_text: row.consent.text,
      updated_at: now,
    };
  return 'unchanged';
}
