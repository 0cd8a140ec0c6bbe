/**
 * Sending mail. One interface, two ways: SMTP through nodemailer (any
 * provider) when MASTHEAD_SMTP_URL is set, or, in development, printing the
 * message to the terminal so sign-in links can be followed without a server.
 */
import nodemailer from 'nodemailer';

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

/** A pooled transport for bulk mail: connections kept open, optionally at most `rateLimit` messages a second. */
export interface SmtpPoolOptions {
  maxConnections?: number;
  rateLimit?: number;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** A complete, already-encoded RFC 5322 message to one recipient (bulk mail builds these itself). */
  sendRaw?(envelope: { from: string; to: string }, raw: string): Promise<void>;
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

export function smtpMailer(url: string, from: string, pool?: SmtpPoolOptions): Mailer {
  // Errors carry nodemailer's `responseCode` (the SMTP reply code): callers tell 4xx from 5xx by it.
  const transport = pool
    ? nodemailer.createTransport({
        url,
        pool: true,
        maxConnections: pool.maxConnections ?? 5,
        maxMessages: Infinity,
        ...(pool.rateLimit ? { rateDelta: 1000, rateLimit: pool.rateLimit } : {}),
      })
    : nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ ...message, from: message.from ?? from, headers: prepared(message.headers) });
    },
    async sendRaw(envelope, raw) {
      await transport.sendMail({ envelope, raw });
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
