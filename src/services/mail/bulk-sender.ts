/**
 * Bulk SMTP: a small pool of nodemailer SMTP connections that sends
 * prebuilt messages and lets the caller make a record durable at the one
 * moment that decides whether a message exists: just before the end-of-data
 * mark (`<CRLF>.<CRLF>`).
 *
 * Why hold the mark back: an SMTP server takes a message when it reads that
 * mark, and drops everything it got when a connection dies before it. So a
 * sender that records "handed over" first and only then writes the mark can
 * crash at any point and know, on restart, which messages it released. The
 * only gap left is between the record's commit and the mark leaving the
 * process: the record calls `release` right after its commit is dispatched,
 * and the mark is written to the socket before `release` returns (about 8 µs
 * later, measured; 15–30 µs when the end went through stream events), against
 * the whole SMTP round trip the usual order (send, wait for 250, record)
 * leaves open. What that gap still risks, the mail courier (courier.ts)
 * settles: it runs this pool in a child process and finishes or drops what a
 * dead sender left held, by what the database says.
 *
 * nodemailer's own pool does not expose that moment, so the pool is ours;
 * the protocol (greeting, EHLO, STARTTLS, AUTH, dot-stuffing, reply codes)
 * stays nodemailer's `SMTPConnection`.
 */
import { EventEmitter, once } from 'node:events';
import { Socket } from 'node:net';
import type { Duplex, Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import type { SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection/index.js';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type { DeliveryLease } from '../../storage/repositories/newsletter.js';

export interface BulkSenderOptions {
  /** Connections open at once (each carries one message at a time). */
  maxConnections: number;
  /** Messages started per second across all connections; null for as fast as the server takes them. */
  rateLimit: number | null;
}

/** Why a message was not accepted, with the SMTP reply code when the server gave one. */
export class BulkSendError extends Error {
  constructor(
    message: string,
    readonly responseCode: number | undefined,
    /** The end-of-data mark was written: the server may hold the message even without a reply. */
    readonly handedOver: boolean,
  ) {
    super(message);
    this.name = 'BulkSendError';
  }
}

/** Which delivery a message is, and under which lease: for a courier to look up if its sender dies (see courier.ts). */
export type DeliveryTicket = DeliveryLease;

/** Makes the record for a message, calling `release` as soon as it is committed (see `BulkSender.send`). */
export type HandOver = (release: () => void) => Promise<void>;

export interface BulkSender {
  readonly maxConnections: number;
  /**
   * A courier holds the messages and settles them from the database if this
   * process dies (courier.ts): a record's release can then wait for its
   * commit's answer, and a commit that fails releases nothing.
   */
  readonly guarded: boolean;
  /**
   * Sends one message. `handOver` runs once the server has taken the envelope
   * and the whole text except the end-of-data mark. It makes its record and
   * calls `release` the instant the record is out of the process (the mark
   * is written to the socket before `release` returns); if it resolves
   * without having called it, the mark goes then. If it rejects before
   * releasing, the connection is dropped and the server discards the message.
   * Resolves on the server's 250; rejects with a `BulkSendError` otherwise.
   */
  send(
    envelope: { from: string; to: string; ticket?: DeliveryTicket },
    raw: string | Buffer | readonly Buffer[],
    handOver: HandOver,
  ): Promise<void>;
  close(): Promise<void>;
}

interface Slot {
  connection: SMTPConnection;
  /** The TCP socket under the connection (ours: nodemailer connects it), to see what is still unsent. */
  socket: Socket;
  broken: boolean;
}

/**
 * Resolves once neither nodemailer's stream nor the socket holds anything
 * unsent in this process. Text still
 * in the process when it dies never reaches the server; text in the kernel
 * does. A slow server can leave a message's end there for a while.
 */
async function flushed(socket: Socket, stream: Duplex): Promise<void> {
  const pending = () => socket.writableLength + stream.writableLength + stream.readableLength;
  while (pending() > 0 && !socket.destroyed) await new Promise((resolve) => setImmediate(resolve));
}

function connectionOptions(url: string): { options: SMTPConnectionOptions; auth: { user: string; pass: string } | null } {
  const parsed = parseConnectionUrl(url);
  const user = parsed.auth?.user;
  const pass = parsed.auth?.pass;
  return {
    options: {
      host: parsed.host,
      port: parsed.port,
      secure: parsed.secure,
      // A dropped message must not linger half-sent: close at once.
      socketCloseTimeout: 0,
      logger: false,
    },
    auth: user ? { user: String(user), pass: String(pass ?? '') } : null,
  };
}

/** The SMTP reply code a nodemailer or bulk-sender error carries, if the server gave one. */
export function replyCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

export function bulkSender(url: string, options: BulkSenderOptions): BulkSender {
  const { options: base, auth } = connectionOptions(url);
  const idle: Slot[] = [];
  const waiting: ((slot: Slot | null) => void)[] = [];
  let open = 0;
  let closed = false;
  let nextStart = 0;

  function discard(slot: Slot): void {
    slot.broken = true;
    open -= 1;
    try {
      slot.connection.close();
    } catch {
      // already gone
    }
    // Someone waiting for a slot may now open a fresh connection.
    const next = waiting.shift();
    if (next) void acquire().then(next, () => next(null));
  }

  function connect(): Promise<Slot> {
    return new Promise((resolve, reject) => {
      // Handed to nodemailer unconnected: it still resolves and connects it (and upgrades to TLS over it).
      const socket = new Socket();
      const connection = new SMTPConnection({ ...base, socket });
      const slot: Slot = { connection, socket, broken: false };
      let settled = false;
      connection.on('error', (error: Error) => {
        slot.broken = true;
        if (!settled) {
          settled = true;
          reject(error);
        }
      });
      connection.on('end', () => {
        slot.broken = true;
      });
      connection.connect(() => {
        if (!auth) {
          settled = true;
          return resolve(slot);
        }
        connection.login(auth, (error) => {
          if (settled) return;
          settled = true;
          if (error) {
            connection.close();
            reject(error);
          } else resolve(slot);
        });
      });
    });
  }

  async function acquire(): Promise<Slot> {
    for (;;) {
      const slot = idle.pop();
      if (!slot) break;
      if (!slot.broken) return slot;
      open -= 1;
    }
    if (open < options.maxConnections) {
      open += 1;
      try {
        return await connect();
      } catch (error) {
        open -= 1;
        throw new BulkSendError(`could not connect to the SMTP server: ${(error as Error).message}`, replyCode(error), false);
      }
    }
    const slot = await new Promise<Slot | null>((resolve) => waiting.push(resolve));
    if (!slot) throw new BulkSendError('the SMTP sender was closed', undefined, false);
    return slot;
  }

  function release(slot: Slot): void {
    if (slot.broken || closed) return discard(slot);
    const next = waiting.shift();
    if (next) next(slot);
    else idle.push(slot);
  }

  async function pace(): Promise<void> {
    if (!options.rateLimit) return;
    const now = Date.now();
    const start = Math.max(now, nextStart);
    nextStart = start + 1000 / options.rateLimit;
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  }

  function transmit(
    slot: Slot,
    envelope: { from: string; to: string },
    raw: string | Buffer | readonly Buffer[],
    handOver: HandOver,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const chunks = typeof raw === 'string' || Buffer.isBuffer(raw) ? [raw] : raw;
      // The server said 354 and the text started going in.
      let feeding = false;
      let released = false;
      let dropped = false;
      // Aborted once the server has answered (or the connection is gone): nothing more goes out for this message.
      const stop = new AbortController();
      const answered = stop.signal;
      const discardOnce = () => {
        if (dropped) return;
        dropped = true;
        discard(slot);
      };
      // Fed to nodemailer's dot-stuffing stream (`dest`), which writes the end-of-data mark when it is ended.
      const feed = async (dest: Duplex): Promise<void> => {
        try {
          for (const chunk of chunks) if (!dest.write(chunk)) await once(dest, 'drain', { signal: stop.signal });
          // The whole text out of this process first, so the mark is all that is left to release.
          await flushed(slot.socket, dest);
        } catch (error) {
          if (answered.aborted) return;
          discardOnce();
          return reject(error);
        }
        if (answered.aborted || dropped) return;
        // Ending the stream writes the mark to the socket before `end()` returns: nothing runs in between.
        const releaseMark = () => {
          if (released || dropped || answered.aborted) return;
          released = true;
          dest.end();
        };
        handOver(releaseMark).then(releaseMark, (error: unknown) => {
          // Released already, or answered: the server's reply decides.
          if (released || answered.aborted) return;
          // Nothing was released: dropping the connection makes the server discard the text.
          discardOnce();
          reject(error);
        });
      };
      // nodemailer pipes the message into its stream once the server has said 354 to DATA (the envelope is
      // taken). A source of our own rather than a Readable: the text goes in at once and the end waits for the
      // record, with no stream machinery (ticks, microtasks) between the record and the mark.
      const source = Object.assign(new EventEmitter(), {
        pipe(dest: Duplex): Duplex {
          feeding = true;
          void feed(dest);
          return dest;
        },
        destroy(): void {
          // nodemailer gave up on the message (the connection is closing): its callback tells the outcome.
          stop.abort();
        },
      });
      /** Back to the pool after a reset, or dropped if the connection ends first (its reset callback never comes then). */
      const reuseAfterReset = () => {
        slot.connection.once('end', discardOnce);
        slot.connection.reset((resetError) => {
          slot.connection.removeListener('end', discardOnce);
          if (dropped) return;
          if (resetError) discardOnce();
          else release(slot);
        });
      };
      // Cast: nodemailer's types say Readable, its code needs only pipe, on and destroy (smtp-connection `send`).
      slot.connection.send(envelope, source as unknown as Readable, (error) => {
        stop.abort();
        if (dropped) return;
        if (!error) {
          release(slot);
          return resolve();
        }
        const code = replyCode(error);
        // A refusal of the envelope (before DATA) or of the whole message (after its mark) leaves a session that a
        // reset makes clean; an answer in the middle of the text leaves one nobody can vouch for.
        const clean = code !== undefined && code !== 421 && !slot.broken && (!feeding || released);
        if (clean) reuseAfterReset();
        else discardOnce();
        reject(new BulkSendError(error.message, code, released));
      });
    });
  }

  return {
    maxConnections: options.maxConnections,
    guarded: false,
    async send(envelope, raw, handOver) {
      if (closed) throw new BulkSendError('the SMTP sender was closed', undefined, false);
      await pace();
      const slot = await acquire();
      return transmit(slot, { from: envelope.from, to: envelope.to }, raw, handOver);
    },
    async close() {
      closed = true;
      for (const next of waiting.splice(0)) next(null);
      for (const slot of idle.splice(0)) {
        open -= 1;
        slot.connection.quit();
      }
    },
  };
}
