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

/** How long to wait for a dead sender's PostgreSQL sessions to end before giving up on its held messages. */
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
let closing = false;

function post(message: FromCourier): void {
  if (process.connected) process.send!(message);
}

function send(message: Extract<ToCourier, { t: 'send' }>): void {
  if (!sender)
    return post({ t: 'failed', id: message.id, message: 'the mail courier was not started', code: undefined, handedOver: false });
  const raw = Buffer.from(message.raw.buffer, message.raw.byteOffset, message.raw.byteLength);
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
      () => post({ t: 'done', id: message.id }),
      (error: unknown) =>
        post({
          t: 'failed',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
          code: replyCode(error),
          handedOver: error instanceof BulkSendError && error.handedOver,
        }),
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

async function finish(): Promise<never> {
  while (sending.size > 0) await Promise.allSettled([...sending]);
  await sender?.close();
  if (!process.connected) process.exit(0);
  process.send!({ t: 'bye', maxRss: process.resourceUsage().maxRSS } satisfies FromCourier, () => process.exit(0));
  return new Promise<never>(() => undefined);
}

/** Waits until no session of the dead sender is left, so that a COMMIT it had sent has landed or never will. */
async function sendersSessionsEnded(db: Db, name: string): Promise<void> {
  const { sessionsNamed } = await import('../../storage/db.js');
  const until = Date.now() + SESSIONS_END_WITHIN_MS;
  while ((await sessionsNamed(db, name)) > 0) {
    if (Date.now() > until) throw new Error(`the sender's database sessions (${name}) did not end`);
    await sleep(10);
  }
}

/** The parent died: each held message goes out if, and only if, the parent recorded it. */
async function settleOrphans(): Promise<never> {
  orphaned = true;
  const holding = [...held.values()];
  held.clear();
  if (holding.length > 0 && guard) {
    // The database drivers load only now: a courier that never needs them stays small.
    const { openDb } = await import('../../storage/db.js');
    const { deliveriesMarkedUnder } = await import('../../storage/repositories/newsletter.js');
    const db = openDb(guard.store, { max: 1, applicationName: 'masthead:courier' });
    let recorded = new Set<string>();
    try {
      if (guard.store.dialect === 'postgres') await sendersSessionsEnded(db, guard.sessionName);
      recorded = await deliveriesMarkedUnder(
        db,
        guard.issueId,
        holding.map((m) => m.ticket),
      );
    } catch (error) {
      // Not knowing, drop them all: a reader may miss this issue, but nobody gets it twice.
      process.stderr.write(`mail courier: could not settle ${holding.length} held messages: ${(error as Error).message}\n`);
    } finally {
      await db.destroy();
    }
    for (const message of holding) {
      if (!recorded.has(message.ticket.subscriberId)) continue;
      message.release();
      message.resolve();
    }
    for (const message of holding) if (!recorded.has(message.ticket.subscriberId)) message.reject(new Error('not recorded by the sender'));
  } else for (const message of holding) message.reject(new Error('the sender stopped'));
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
      closing = true;
      void finish();
  }
});

process.on('disconnect', () => {
  if (closing) return;
  // Messages the parent sent just before it died are handled first.
  setImmediate(() => void settleOrphans());
});

// A Ctrl-C or a service stop signals the whole process group: the courier stays until its parent is gone, then settles.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);
