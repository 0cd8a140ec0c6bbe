/**
 * The administrator's view of the subscriber list: search, CSV export with
 * the consent on record, CSV import that reports each broken row by its
 * line and stores the good ones in one transaction, and weekly counts.
 */
import type { Actor } from '../../domain/newsroom/roles.js';
import { can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { CsvSyntaxError, csvLine, parseCsv } from '../../lib/csv.js';
import { newId } from '../../lib/ids.js';
import {
  SUBSCRIBER_STATUSES,
  countPerWeek,
  countSubscribersByStatus,
  exportSubscribersPage,
  importSubscribers,
  listSubscribers,
} from '../../storage/repositories/subscribers.js';
import type { ImportOutcome, ImportRow, Subscriber, SubscriberStatus } from '../../storage/repositories/subscribers.js';
import { requirePermission } from '../auth/accounts.js';
import type { ServiceDeps } from '../deps.js';
import { signupAddress } from './subscriptions.js';

const guard = (actor: Actor): void => requirePermission(actor, can(actor, 'newsletter.manage'), 'manage newsletter subscribers');

export async function searchSubscribers(
  deps: Pick<ServiceDeps, 'db'>,
  actor: Actor,
  query: { q?: string; status?: SubscriberStatus; page: number; limit: number },
): Promise<{ subscribers: Subscriber[]; total: number }> {
  guard(actor);
  const { items, total } = await listSubscribers(deps.db, {
    q: query.q,
    status: query.status,
    offset: (query.page - 1) * query.limit,
    limit: query.limit,
  });
  return { subscribers: items, total };
}

/** The export's columns, in order, and the field each is read from. */
const EXPORT_COLUMNS = {
  email: 'email',
  status: 'status',
  consent_at: 'consentAt',
  consent_source: 'consentSource',
  consent_text: 'consentText',
  confirmed_at: 'confirmedAt',
  unsubscribed_at: 'unsubscribedAt',
  bounced_at: 'bouncedAt',
  bounce_reason: 'bounceReason',
  created_at: 'createdAt',
} as const satisfies Record<string, keyof Subscriber>;

/** The whole list as CSV lines, read page by page so memory stays flat however long the list. */
export async function* exportSubscribersCsv(deps: Pick<ServiceDeps, 'db'>, actor: Actor, pageSize = 1000): AsyncGenerator<string> {
  guard(actor);
  yield csvLine(Object.keys(EXPORT_COLUMNS));
  const fields = Object.values(EXPORT_COLUMNS);
  let after: string | null = null;
  for (;;) {
    const page = await exportSubscribersPage(deps.db, after, pageSize);
    if (page.length === 0) return;
    yield page.map((s) => csvLine(fields.map((field) => s[field]))).join('');
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.email;
  }
}

export interface ImportReport extends ImportOutcome {
  /** Rows not stored because they are broken, by line of the file. */
  rejected: { line: number; reason: string }[];
}

const MAX_IMPORT_ROWS = 200_000;

/**
 * Imports a CSV with a header row naming at least `email`; optional columns
 * are `status` (default confirmed), `consent_at`, `consent_source`,
 * `consent_text`, `confirmed_at`. A file that cannot be read as a whole
 * (no header, an unclosed quote, too many rows) stores nothing.
 */
export async function importSubscribersCsv(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, text: string): Promise<ImportReport> {
  guard(actor);
  const now = deps.clock().toISOString();
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new MastheadError('VALIDATION_FAILED', { detail: `the CSV cannot be read (${error.message})` }, 'file');
    throw error;
  }
  const header = records.shift();
  const columns = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  if (!columns.includes('email'))
    throw new MastheadError(
      'VALIDATION_FAILED',
      { detail: 'the first line must be a header naming the columns, with at least "email"' },
      'file',
    );
  if (records.length > MAX_IMPORT_ROWS)
    throw new MastheadError('VALIDATION_FAILED', { detail: `a file may have at most ${MAX_IMPORT_ROWS} rows; split it` }, 'file');

  const rejected: ImportReport['rejected'] = [];
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const result = importRow(record.line, columns, record.fields, now, actor);
    if (typeof result === 'string') {
      rejected.push({ line: record.line, reason: result });
      continue;
    }
    const first = seen.get(result.email);
    if (first !== undefined) {
      rejected.push({ line: record.line, reason: `${result.email} is already on line ${first}` });
      continue;
    }
    seen.set(result.email, record.line);
    rows.push(result);
  }
  const outcome = await importSubscribers(deps.db, rows, now);
  return { ...outcome, rejected };
}

function instant(value: string): string | null {
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function importRow(line: number, columns: string[], fields: string[], now: string, actor: Actor): ImportRow | string {
  if (fields.length > columns.length) return `it has ${fields.length} fields but the header names ${columns.length}`;
  const cell = (name: string): string => (fields[columns.indexOf(name)] ?? '').trim();
  let email: string;
  try {
    email = signupAddress(fields[columns.indexOf('email')] ?? '');
  } catch (error) {
    return error instanceof MastheadError ? error.message.replace(/^The request is not valid: /, '') : 'the address is not valid';
  }
  const status = (cell('status') || 'confirmed').toLowerCase();
  if (!(SUBSCRIBER_STATUSES as readonly string[]).includes(status))
    return `the status "${status.slice(0, 40)}" is not one of ${SUBSCRIBER_STATUSES.join(', ')}`;
  const consentAt = cell('consent_at') ? instant(cell('consent_at')) : now;
  if (!consentAt) return `consent_at "${cell('consent_at').slice(0, 40)}" is not a date and time`;
  const confirmedAt = cell('confirmed_at') ? instant(cell('confirmed_at')) : null;
  if (cell('confirmed_at') && !confirmedAt) return `confirmed_at "${cell('confirmed_at').slice(0, 40)}" is not a date and time`;
  return {
    line,
    id: newId(),
    email,
    status: status as SubscriberStatus,
    consent: {
      at: consentAt,
      source: cell('consent_source').slice(0, 500) || 'import',
      text: cell('consent_text').slice(0, 2000) || `Imported by ${actor.role} ${actor.id} on ${now.slice(0, 10)}`,
    },
    confirmedAt,
  };
}

/** The ISO 8601 week (`2026-W48`) of a Monday given as `YYYY-MM-DD`. */
export function isoWeekOf(monday: string): string {
  const date = new Date(`${monday}T00:00:00Z`);
  const thursday = new Date(date.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Counts by status, and for each of the last `weeks` weeks (zeros included,
 * oldest first) the new confirmed subscribers and those who left.
 */
export async function subscriberStats(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  actor: Actor,
  weeks: number,
): Promise<{
  totals: Record<SubscriberStatus, number>;
  weeks: { week: string; weekStart: string; confirmed: number; unsubscribed: number }[];
}> {
  guard(actor);
  const now = deps.clock();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const thisMonday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  const first = new Date(thisMonday.getTime() - (weeks - 1) * 7 * 86_400_000).toISOString();
  const [totals, confirmed, left] = await Promise.all([
    countSubscribersByStatus(deps.db),
    countPerWeek(deps.db, 'confirmed_at', first),
    countPerWeek(deps.db, 'unsubscribed_at', first),
  ]);
  const confirmedByWeek = new Map(confirmed.map((row) => [row.weekStart, row.count]));
  const leftByWeek = new Map(left.map((row) => [row.weekStart, row.count]));
  const out = [];
  for (let i = 0; i < weeks; i++) {
    const weekStart = new Date(Date.parse(first) + i * 7 * 86_400_000).toISOString().slice(0, 10);
    out.push({
      week: isoWeekOf(weekStart),
      weekStart,
      confirmed: confirmedByWeek.get(weekStart) ?? 0,
      unsubscribed: leftByWeek.get(weekStart) ?? 0,
    });
  }
  return { totals, weeks: out };
}
