/**
 * The mail courier's process (see courier.ts): runs a bulk sender for its
 * parent, holds each message at its end-of-data mark until the parent says
 * "release" or "abort", and, if the parent dies, settles what it holds by
 * asking the database what the parent recorded.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BulkSendError, bulkSender, replyCode } from './bulk-sender.js';
import type { BulkSender, DeliveryTicket } from './bulk-sender.js';
import type { CourierGuard, FromCourier, ToCourier } from './courier.js';
import type { Db } from '../../storage/db.js';

/**
 * A dead sender's PostgreSQL session ends when its backend next reads from
 * the socket; one still running a long statement (a search reindex batch)
 * would not notice for a while. After this long they are ended for it.
 */
const SESSIONS_LINGER_MS = 2_000;
/** How long to wait for them to be gone before giving up on the held messages. */
const SESSIONS_END_WITHIN_MS = 60_000;

interface Held {
  ticket: DeliveryTicket;
  release: () => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

let sender: BulkSender | null = null;
let guard: CourierGuard | null = null;
const held = new Map<number, Held>();
const sending = new Set<Promise<void>>();
/** The parent is gone: nothing new is held, and what is held is settled from the database. */
let orphaned = false;

function post(message: FromCourier): void {
  // With a callback, a channel that broke under us (the parent just died) is no 'error' event to crash on:
  // the 'disconnect' that follows settles everything.
  if (process.connected) process.send!(message, () => undefined);
}

function send(message: Extract<ToCourier, { t: 'send' }>): void {
  if (!sender)
    return post({ t: 'failed', id: message.id, message: 'the mail courier was not started', code: undefined, handedOver: false });
  const raw = Buffer.from(message.raw.buffer, message.raw.byteOffset, message.raw.byteLength);
  const forget = () => held.delete(message.id);
  const task = sender
    .send(message.envelope, raw, (release) => {
      // The parent never heard this one was ready, so it recorded nothing: the server may discard it.
      if (orphaned) return Promise.reject(new Error('the sender stopped before recording this message'));
      return new Promise<void>((resolve, reject) => {
        held.set(message.id, { ticket: message.ticket, release, resolve, reject });
        post({ t: 'ready', id: message.id });
      });
    })
    .then(
      () => {
        forget();
        post({ t: 'done', id: message.id });
      },
      (error: unknown) => {
        // Failed while held (the server gave up on waiting, or the connection died): nothing left to settle.
        forget();
        post({
          t: 'failed',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
          code: replyCode(error),
          handedOver: error instanceof BulkSendError && error.handedOver,
        });
      },
    );
  sending.add(task);
  void task.finally(() => sending.delete(task));
}

function release(ids: number[]): void {
  const released: Held[] = [];
  for (const id of ids) {
    const message = held.get(id);
    if (!message) continue;
    held.delete(id);
    // Each mark is on its socket before the next line runs.
    message.release();
    released.push(message);
  }
  for (const message of released) message.resolve();
}

function abort(id: number): void {
  const message = held.get(id);
  if (!message) return;
  held.delete(id);
  message.reject(new Error('the sender could not record this message'));
}

let finishing: Promise<never> | null = null;

/** Waits for every message to be answered, closes the connections, and exits. */
function finish(): Promise<never> {
  finishing ??= finishNow();
  return finishing;
}

async function finishNow(): Promise<never> {
  while (sending.size > 0) await Promise.allSettled([...sending]);
  await sender?.close();
  if (!process.connected) process.exit(0);
  process.send!({ t: 'bye', maxRss: process.resourceUsage().maxRSS } satisfies FromCourier, () => process.exit(0));
  return new Promise<never>(() => undefined);
}

/**
 * Waits until no session of the dead sender is left, so that a COMMIT it had
 * sent has landed or never will (ending a session mid-COMMIT does not split
 * it: the transaction is in or out as a whole).
 */
async function sendersSessionsEnded(db: Db, name: string, since: number, deadline: number): Promise<void> {
  const { endSessionsNamed, sessionsNamed } = await import('../../storage/db.js');
  let ended = false;
  while ((await sessionsNamed(db, name)) > 0) {
    if (!ended && Date.now() - since > SESSIONS_LINGER_MS) {
      ended = true;
      await endSessionsNamed(db, name);
    }
    if (Date.now() > deadline) throw new Error(`the sender's database sessions (${name}) did not end`);
    await sleep(10);
  }
}

/**
 * Which held deliveries the dead sender recorded. Asked again and again (a
 * database restarting, or full of connections, answers later) until
 * SESSIONS_END_WITHIN_MS has passed.
 */
async function recordedBy(settling: CourierGuard, holding: readonly Held[]): Promise<Set<string>> {
  // The database drivers load only now: a courier that never needs them stays small.
  const { openDb } = await import('../../storage/db.js');
  const { deliveriesMarkedUnder } = await import('../../storage/repositories/newsletter.js');
  const since = Date.now();
  const deadline = since + SESSIONS_END_WITHIN_MS;
  for (;;) {
    let db: Db | null = null;
    try {
      db = openDb(settling.store, { max: 1, applicationName: 'masthead:courier' });
      if (settling.store.dialect === 'postgres') await sendersSessionsEnded(db, settling.sessionName, since, deadline);
      return await deliveriesMarkedUnder(
        db,
        settling.issueId,
        holding.map((m) => m.ticket),
      );
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    } finally {
      await db?.destroy().catch(() => undefined);
    }
  }
}

/** The parent died: each held message goes out if, and only if, the parent recorded it. */
async function settleOrphans(): Promise<never> {
  orphaned = true;
  const holding = [...held.values()];
  held.clear();
  let recorded = new Set<string>();
  if (holding.length > 0 && guard) {
    try {
      recorded = await recordedBy(guard, holding);
    } catch (error) {
      // Still not knowing, drop them all: a reader may miss this issue, but nobody gets it twice.
      process.stderr.write(`mail courier: could not settle ${holding.length} held messages: ${(error as Error).message}\n`);
    }
  }
  for (const message of holding) {
    if (!recorded.has(message.ticket.subscriberId)) continue;
    message.release();
    message.resolve();
  }
  for (const message of holding) if (!recorded.has(message.ticket.subscriberId)) message.reject(new Error('not recorded by the sender'));
  return finish();
}

process.on('message', (message: ToCourier) => {
  switch (message.t) {
    case 'start':
      guard = message.guard;
      sender = bulkSender(message.url, message.options);
      return post({ t: 'up' });
    case 'send':
      return send(message);
    case 'release':
      return release(message.ids);
    case 'abort':
      return abort(message.id);
    case 'close':
      void finish();
  }
});

process.on('disconnect', () => {
  // Whether or not it had asked to close: what it still left held is settled. The messages it sent just
  // before it went are handled first.
  setImmediate(() => void settleOrphans());
});

// A Ctrl-C or a service stop signals the whole process group: the courier stays until its parent is gone, then settles.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);
