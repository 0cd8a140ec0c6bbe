/**
 * The mail courier: a small child process that holds a bulk send's SMTP
 * connections, so that the death of the process doing the sending (the one
 * that leases, renders and records) no longer decides a message's fate.
 *
 * Why. The sender records a delivery as sent, then releases the message's
 * end-of-data mark (see bulk-sender.ts): a crash between the two loses that
 * reader's copy, and no order of the two steps inside one process avoids it.
 * With the courier the mark is written by another process. The sender still
 * records first and then says "release" over IPC; if it dies, at any moment,
 * the courier holds each message it had offered, whole but for its mark,
 * and asks the database which of them the dead sender recorded:
 *
 * - recorded as sent under this sender's lease: the courier writes the mark;
 * - not recorded: it drops the connection, and the server discards the text
 *   (the delivery is still pending and goes out again).
 *
 * On PostgreSQL it first waits until every session of the dead sender has
 * ended (`SESSION_NAME` in pg_stat_activity), so that a COMMIT still on its
 * way has landed or never will. So a crash of the sender cuts no copy and
 * doubles none. What is left is a crash of the courier itself, a process
 * that only moves bytes: it fails as the sender used to, never twice.
 *
 * This file is the sender's side: a `BulkSender` whose connections live in
 * the courier (courier-process.ts).
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreLocation } from '../../storage/db.js';
import { BulkSendError } from './bulk-sender.js';
import type { BulkSender, BulkSenderOptions, DeliveryTicket, HandOver } from './bulk-sender.js';

/** What the courier needs to settle held messages on its own. */
export interface CourierGuard {
  store: StoreLocation;
  issueId: string;
  /** The sender's PostgreSQL `application_name` (db.ts `SESSION_NAME`). */
  sessionName: string;
}

/** Sender to courier. */
export type ToCourier =
  | { t: 'start'; url: string; options: BulkSenderOptions; guard: CourierGuard }
  | { t: 'send'; id: number; envelope: { from: string; to: string }; ticket: DeliveryTicket; raw: Uint8Array }
  | { t: 'release'; ids: number[] }
  | { t: 'abort'; id: number }
  | { t: 'close' };

/** Courier to sender. */
export type FromCourier =
  | { t: 'up' }
  | { t: 'ready'; id: number }
  | { t: 'done'; id: number }
  | { t: 'failed'; id: number; message: string; code: number | undefined; handedOver: boolean }
  /** Its last word on a normal close: its peak resident set, in KiB. */
  | { t: 'bye'; maxRss: number };

interface InFlight {
  handOver: HandOver;
  released: boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The courier's entry file beside this one: TypeScript under tsx (development, tests), JavaScript when built. */
function courierEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  // It keeps well under a megabyte alive (a message per connection): a small young generation keeps the
  // garbage of the messages passing through from piling up (peak RSS 129 MB with Node's default, 89 MB).
  const flags = ['--max-semi-space-size=1'];
  return {
    file: path.join(path.dirname(here), `courier-process${ext}`),
    execArgv: [...flags, ...(ext === '.ts' ? ['--import', 'tsx'] : [])],
  };
}

/**
 * A bulk sender whose connections live in a courier process. Messages need a
 * `ticket` (their delivery); the rest is `BulkSender`'s contract.
 */
export interface CourierSender extends BulkSender {
  readonly pid: number | undefined;
  /** The courier's peak resident set in KiB, once it has closed normally. */
  readonly peakRss: number | null;
}

export function courierSender(url: string, options: BulkSenderOptions, guard: CourierGuard): CourierSender {
  const inFlight = new Map<number, InFlight>();
  let child: ChildProcess | null = null;
  let up: Promise<void> | null = null;
  let nextId = 1;
  let gone: Error | null = null;
  let closing: Promise<void> | null = null;
  let releases: number[] = [];
  let peakRss: number | null = null;

  const post = (message: ToCourier): void => {
    if (gone || !child?.connected) return;
    // A channel that breaks under us (the courier died) must not become an 'error' event: 'exit' tells.
    child.send(message, () => undefined);
  };
  // The group commit releases a whole commit's marks in one step: they go to the courier as one message.
  const flushReleases = (): void => {
    const ids = releases;
    releases = [];
    if (ids.length > 0) post({ t: 'release', ids });
  };

  const onMessage = (message: FromCourier): void => {
    if (message.t === 'up') return;
    if (message.t === 'bye') {
      peakRss = message.maxRss;
      return;
    }
    const flight = inFlight.get(message.id);
    if (!flight) return;
    if (message.t === 'ready') {
      const release = () => {
        if (flight.released || gone) return;
        flight.released = true;
        if (releases.length === 0) queueMicrotask(flushReleases);
        releases.push(message.id);
      };
      flight.handOver(release).then(release, (error: unknown) => {
        if (flight.released) return;
        post({ t: 'abort', id: message.id });
        inFlight.delete(message.id);
        flight.reject(error instanceof Error ? error : new Error(String(error)));
      });
      return;
    }
    inFlight.delete(message.id);
    if (message.t === 'done') flight.resolve();
    else flight.reject(new BulkSendError(message.message, message.code, message.handedOver));
  };

  const onGone = (code: number | null, signal: NodeJS.Signals | null): void => {
    gone = new Error(`the mail courier stopped (${signal ?? `exit ${code}`})`);
    for (const [id, flight] of inFlight) {
      inFlight.delete(id);
      // Released: the mark may be out, so it counts as handed over (never sent twice).
      flight.reject(new BulkSendError(gone.message, undefined, flight.released));
    }
  };

  /** The courier starts with the first message: a send with nothing to send starts no process. */
  const started = (): Promise<void> => {
    if (up) return up;
    const { file, execArgv } = courierEntry();
    const courier = fork(file, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child = courier;
    up = new Promise<void>((resolve, reject) => {
      courier.once('message', (message: FromCourier) => (message.t === 'up' ? resolve() : reject(new Error('it answered out of turn'))));
      courier.once('exit', (code, signal) => reject(new Error(`it stopped (${signal ?? `exit ${code}`})`)));
      courier.once('error', reject);
    });
    courier.on('message', onMessage);
    courier.on('error', () => undefined);
    // Its last answers are read before what is still in flight is given up on: exit, and the channel drained.
    courier.on('exit', (code, signal) => {
      if (courier.connected) courier.once('disconnect', () => onGone(code, signal));
      else setImmediate(() => onGone(code, signal));
    });
    // The SMTP URL (with its password) goes over IPC, never on a command line other users can read.
    post({ t: 'start', url, options, guard });
    return up;
  };

  return {
    maxConnections: options.maxConnections,
    guarded: true,
    get pid() {
      return child?.pid;
    },
    get peakRss() {
      return peakRss;
    },
    async send(envelope, raw, handOver) {
      if (!envelope.ticket) throw new Error('a message sent through the courier needs its delivery ticket');
      if (closing) throw new BulkSendError('the SMTP sender was closed', undefined, false);
      await started().catch((error: Error) => {
        throw new BulkSendError(`could not start the mail courier: ${error.message}`, undefined, false);
      });
      if (gone || closing) throw new BulkSendError(gone?.message ?? 'the SMTP sender was closed', undefined, false);
      const id = nextId++;
      const bytes = typeof raw === 'string' ? Buffer.from(raw) : Buffer.isBuffer(raw) ? raw : Buffer.concat(raw);
      return new Promise<void>((resolve, reject) => {
        inFlight.set(id, { handOver, released: false, resolve, reject });
        post({ t: 'send', id, envelope: { from: envelope.from, to: envelope.to }, ticket: envelope.ticket!, raw: bytes });
      });
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        const courier = child;
        if (!courier || courier.exitCode !== null || courier.signalCode !== null) return resolve();
        // Gone, and its channel read to the end (its last word included).
        let waiting = courier.connected ? 2 : 1;
        const done = () => --waiting === 0 && resolve();
        courier.once('exit', done);
        if (courier.connected) courier.once('disconnect', done);
        flushReleases();
        // Without a channel it is settling on its own (see courier-process.ts) and exits when done.
        post({ t: 'close' });
      });
      return closing;
    },
  };
}
