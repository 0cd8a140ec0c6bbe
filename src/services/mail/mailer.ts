/**
 * Sending mail. One interface, two ways: SMTP through nodemailer (any
 * provider) when MASTHEAD_SMTP_URL is set, or, in development, printing the
 * message to the terminal so sign-in links can be followed without a server.
 */
import nodemailer from 'nodemailer';
import { bulkSender } from './bulk-sender.js';
import type { BulkSender } from './bulk-sender.js';
import { courierSender } from './courier.js';
import type { CourierGuard } from './courier.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** Overrides the mailer's From (a newsletter may name the publication). */
  from?: string;
  /** `<id@host>`; nodemailer makes one up when absent. */
  messageId?: string;
  date?: Date;
}

/** Bulk mail (the newsletter): connections kept open at once, and optionally at most `rateLimit` messages a second. */
export interface SmtpPoolOptions {
  maxConnections?: number;
  rateLimit?: number | null;
}

/** What one bulk send goes out with: the From in effect and its own pool of connections. */
export interface BulkChannel {
  from: string;
  sender: BulkSender;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** The From a message gets when it names none, as configured now. */
  defaultFrom?(): Promise<string>;
  /**
   * A pool of connections for one bulk send, which can hold each message's
   * release back (see bulk-sender.ts); null when mail is not sent over SMTP.
   * With a guard the connections live in a courier process that settles
   * held messages from the database if this process dies (see courier.ts).
   */
  bulk?(guard?: CourierGuard): Promise<BulkChannel | null>;
  close(): Promise<void>;
}

/**
 * Plain ASCII header values go out as written: nodemailer would otherwise
 * RFC 2047-encode some (List-Id's quoted phrase), which breaks their syntax.
 */
function prepared(headers: Record<string, string> | undefined): Record<string, string | { prepared: true; value: string }> | undefined {
  if (!headers) return undefined;
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, /^[\x20-\x7e]*$/.test(value) ? { prepared: true as const, value } : value]),
  );
}

/** Single messages (sign-in links, confirmations) over one transport; bulk sends open their own pool. */
export function smtpMailer(url: string, from: string, pool: SmtpPoolOptions = {}): Mailer {
  // Errors carry nodemailer's `responseCode` (the SMTP reply code): callers tell 4xx from 5xx by it.
  const transport = nodemailer.createTransport(url);
  return {
    async defaultFrom() {
      return from;
    },
    async send(message) {
      await transport.sendMail({ ...message, from: message.from ?? from, headers: prepared(message.headers) });
    },
    async bulk(guard) {
      const options = { maxConnections: pool.maxConnections ?? 5, rateLimit: pool.rateLimit ?? null };
      return { from, sender: guard ? courierSender(url, options, guard) : bulkSender(url, options) };
    },
    async close() {
      transport.close();
    },
  };
}

/** Development only: the message goes to standard output, never to the structured log. */
export function consoleMailer(write: (text: string) => void = (text) => process.stdout.write(text)): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      write(`\n--- mail to ${message.to}: ${message.subject}\n${message.text}\n---\n`);
    },
    async close() {},
  };
}
