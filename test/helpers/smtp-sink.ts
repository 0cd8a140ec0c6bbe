/**
 * A real SMTP server in this process (npm smtp-server) for newsletter tests
 * and the benchmark: counts what arrives per recipient, optionally keeps the
 * raw messages, can answer 451 or 550 to chosen recipients, and counts the
 * sessions (connections) it holds.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  /** Messages accepted, per recipient address (lower case). */
  counts: Map<string, number>;
  /** Raw messages accepted (only when `keep` is set). */
  messages: { to: string[]; raw: Buffer }[];
  /** Answer this code to RCPT TO for these addresses (lower case). */
  refuse: Map<string, 451 | 550>;
  /** Connections: open now, the most open at once, and all ever opened. */
  sessions: { open: number; peak: number; total: number };
  total(): number;
  close(): Promise<void>;
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

export async function startSmtpSink(options: { keep?: boolean } = {}): Promise<SmtpSink> {
  const counts = new Map<string, number>();
  const messages: { to: string[]; raw: Buffer }[] = [];
  const refuse = new Map<string, 451 | 550>();
  let total = 0;
  const sessions = { open: 0, peak: 0, total: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    maxClients: 100,
    onConnect(_session, callback) {
      sessions.open += 1;
      sessions.total += 1;
      sessions.peak = Math.max(sessions.peak, sessions.open);
      callback();
    },
    onClose() {
      sessions.open -= 1;
    },
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address.toLowerCase());
      if (code === 451) callback(smtpError(451, 'Mailbox busy, try again later'));
      else if (code === 550) callback(smtpError(550, 'No such user here'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (options.keep) chunks.push(chunk);
      });
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        for (const address of to) counts.set(address, (counts.get(address) ?? 0) + 1);
        total += 1;
        if (options.keep) messages.push({ to, raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts,
    messages,
    refuse,
    sessions,
    total: () => total,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
