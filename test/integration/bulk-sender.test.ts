/**
 * The bulk sender against a real SMTP server in this process: messages
 * arrive byte for byte (dot-stuffing included); the mark goes out when the
 * record releases it, not when the record settles; a record that fails before
 * the end-of-data mark leaves the server with nothing; a refused recipient
 * costs the message, not the connection; the pool never holds more than
 * `maxConnections` sessions; and `rateLimit` lets one message start per
 * interval (checked on a fake clock, so nothing here depends on timing).
 * No database: no dialect loop.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BulkSendError, bulkSender } from '../../src/services/mail/bulk-sender.js';
import type { BulkSender } from '../../src/services/mail/bulk-sender.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';

const FROM = 'news@news.example.test';

function message(to: string, body: string): string {
  return [`From: ${FROM}`, `To: ${to}`, `Subject: For ${to}`, `Message-ID: <${to}>`, '', body, ''].join('\r\n');
}

const recorded = () => Promise.resolve();

describe('bulk sender', () => {
  let sink: SmtpSink;
  let sender: BulkSender | null = null;

  beforeEach(async () => {
    sink = await startSmtpSink({ keep: true });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await sender?.close();
    sender = null;
    await sink.close();
  });

  it('delivers each message intact, lines starting with a dot included, and records it before the end-of-data mark', async () => {
    sender = bulkSender(sink.url, { maxConnections: 1, rateLimit: null });
    const body = ['.a line that starts with a dot', '..two of them', '.', 'a plain line', '. and a dot with a space'].join('\r\n');
    const raw = message('reader@example.test', body);
    const seenAtHandOver: number[] = [];
    await sender.send({ from: FROM, to: 'reader@example.test' }, raw, async () => {
      seenAtHandOver.push(sink.total());
    });
    // The record was made while the server still waited for the mark.
    expect(seenAtHandOver).toEqual([0]);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.to).toEqual(['reader@example.test']);
    expect(sink.messages[0]!.raw.toString('utf8')).toBe(raw);

    // A Buffer goes through the same way.
    await sender.send({ from: FROM, to: 'second@example.test' }, Buffer.from(message('second@example.test', body)), recorded);
    expect(sink.messages[1]!.raw.toString('utf8')).toBe(message('second@example.test', body));
  });

  it('writes the mark the moment the record releases it, without waiting for the record to settle', async () => {
    sender = bulkSender(sink.url, { maxConnections: 1, rateLimit: null });
    const raw = message('now@example.test', 'Released from inside the record.');
    let settle: () => void = () => undefined;
    let sent = false;
    const sending = sender
      .send({ from: FROM, to: 'now@example.test' }, raw, (release) => {
        release();
        // The record goes on (a commit's round trip, say): the message is out already.
        return new Promise<void>((resolve) => (settle = resolve));
      })
      .then(() => (sent = true));
    await vi.waitFor(() => expect(sink.counts.get('now@example.test')).toBe(1));
    await vi.waitFor(() => expect(sent).toBe(true));
    settle();
    await sending;
    expect(sink.messages[0]!.raw.toString('utf8')).toBe(raw);
  });

  it('drops a message whose record fails: the send rejects, the server keeps nothing, and the next message goes out on a new connection', async () => {
    sender = bulkSender(sink.url, { maxConnections: 1, rateLimit: null });
    const failure = new Error('the mark could not be written');
    await expect(
      sender.send({ from: FROM, to: 'lost@example.test' }, message('lost@example.test', 'Never released.'), () => Promise.reject(failure)),
    ).rejects.toBe(failure);

    await sender.send({ from: FROM, to: 'next@example.test' }, message('next@example.test', 'Released.'), recorded);
    expect(sink.counts.get('lost@example.test')).toBeUndefined();
    expect(sink.counts.get('next@example.test')).toBe(1);
    expect(sink.total()).toBe(1);
    expect(sink.messages.map((m) => m.to)).toEqual([['next@example.test']]);
    expect(sink.sessions.total).toBe(2);
  });

  it('rejects a recipient refused with 550 before anything is handed over, and keeps the connection for the next message', async () => {
    sender = bulkSender(sink.url, { maxConnections: 1, rateLimit: null });
    sink.refuse.set('gone@example.test', 550);
    let handOvers = 0;
    const error = await sender
      .send({ from: FROM, to: 'gone@example.test' }, message('gone@example.test', 'Nobody home.'), async () => {
        handOvers += 1;
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(BulkSendError);
    expect(error).toMatchObject({ responseCode: 550, handedOver: false });
    expect(handOvers).toBe(0);

    await sender.send({ from: FROM, to: 'here@example.test' }, message('here@example.test', 'Welcome.'), recorded);
    expect(sink.counts.get('here@example.test')).toBe(1);
    expect(sink.counts.get('gone@example.test')).toBeUndefined();
    // The session was reset and used again.
    expect(sink.sessions.total).toBe(1);
  });

  it('never holds more than maxConnections sessions, and reuses them', async () => {
    sender = bulkSender(sink.url, { maxConnections: 2, rateLimit: null });
    const readers = Array.from({ length: 12 }, (_, i) => `reader${i}@example.test`);
    // Each record waits a turn of the event loop, so the sends overlap.
    const slowRecord = () => new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.all(readers.map((to) => sender!.send({ from: FROM, to }, message(to, `For ${to}.`), slowRecord)));
    for (const to of readers) expect(sink.counts.get(to), to).toBe(1);
    expect(sink.sessions.peak).toBe(2);
    expect(sink.sessions.total).toBe(2);
  });

  it('starts one message per interval under rateLimit, in the order they were sent', async () => {
    // Only the sender's clock is faked (Date and setTimeout): the sockets run for real, time does not pass unless told.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    sender = bulkSender(sink.url, { maxConnections: 3, rateLimit: 2 });
    const readers = ['first@example.test', 'second@example.test', 'third@example.test'];
    const sends = readers.map((to) => sender!.send({ from: FROM, to }, message(to, `For ${to}.`), recorded));
    const arrived = () => sink.messages.map((m) => m.to[0]);

    await vi.waitFor(() => expect(arrived()).toEqual(readers.slice(0, 1)));
    // Without the clock moving, the next start stays held back, however long we look.
    await new Promise((resolve) => setImmediate(resolve));
    expect(arrived()).toEqual(readers.slice(0, 1));

    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(arrived()).toEqual(readers.slice(0, 2)));
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(arrived()).toEqual(readers));
    await Promise.all(sends);
    expect(sink.total()).toBe(3);
  });

  describe('against a server that misbehaves (a few lines of SMTP over a socket)', () => {
    /**
     * Takes every envelope; `onData` decides what happens to each message's text: `refuse-and-close` answers 554 at
     * its end and hangs up, `answer-early` answers 451 as soon as text arrives (before the end-of-data mark);
     * anything later is taken. Records, per connection, the lines that came after an early answer.
     */
    async function fakeSmtp(modes: ('refuse-and-close' | 'answer-early' | 'take')[]): Promise<{
      url: string;
      sessions: () => number;
      taken: () => number;
      afterAnswer: string[][];
      close: () => Promise<void>;
    }> {
      let sessions = 0;
      let taken = 0;
      let messages = 0;
      const afterAnswer: string[][] = [];
      const server: Server = createServer((socket) => {
        sessions += 1;
        const mine: string[] = [];
        afterAnswer.push(mine);
        let buffer = '';
        let data = false;
        let answered = false;
        let mode: 'refuse-and-close' | 'answer-early' | 'take' = 'take';
        socket.on('error', () => undefined);
        socket.write('220 fake.example.test ESMTP\r\n');
        socket.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('latin1');
          for (;;) {
            if (data) {
              if (mode === 'answer-early' && !answered && buffer.length > 0) {
                answered = true;
                socket.write('451 4.4.2 Timeout waiting for data\r\n');
              }
              const end = buffer.indexOf('\r\n.\r\n');
              if (answered) {
                // Whatever comes now is not text any more: keep it, line by line.
                const lines = buffer.split('\r\n');
                buffer = lines.pop() ?? '';
                mine.push(...lines);
                return;
              }
              if (end < 0) return;
              buffer = buffer.slice(end + 5);
              data = false;
              if (mode === 'refuse-and-close') {
                socket.end('554 5.7.1 Refused by policy\r\n');
                return;
              }
              taken += 1;
              socket.write('250 2.0.0 Taken\r\n');
              continue;
            }
            const eol = buffer.indexOf('\r\n');
            if (eol < 0) return;
            const line = buffer.slice(0, eol);
            buffer = buffer.slice(eol + 2);
            const verb = line.slice(0, 4).toUpperCase();
            if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake.example.test\r\n');
            else if (verb === 'DATA') {
              mode = modes[messages++] ?? 'take';
              data = true;
              socket.write('354 Go ahead\r\n');
            } else if (verb === 'QUIT') {
              socket.end('221 Bye\r\n');
              return;
            } else socket.write('250 OK\r\n');
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
        sessions: () => sessions,
        taken: () => taken,
        afterAnswer,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    }

    let fake: Awaited<ReturnType<typeof fakeSmtp>> | null = null;
    afterEach(async () => {
      // Before the outer hook: the sender's sessions end before the fake server closes.
      await sender?.close();
      sender = null;
      await fake?.close();
      fake = null;
    });

    it('does not lose its only connection when the server refuses a message and hangs up', async () => {
      fake = await fakeSmtp(['refuse-and-close', 'take']);
      sender = bulkSender(fake.url, { maxConnections: 1, rateLimit: null });
      const refused = await sender
        .send({ from: FROM, to: 'a@example.test' }, message('a@example.test', 'First.'), recorded)
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ responseCode: 554, handedOver: true });
      // With the slot lost, this would wait for a free connection forever.
      await sender.send({ from: FROM, to: 'b@example.test' }, message('b@example.test', 'Second.'), recorded);
      expect(fake.taken()).toBe(1);
      expect(fake.sessions()).toBe(2);
    });

    it('writes no mark after an answer that came in the middle of the text, and does not reuse that session', async () => {
      fake = await fakeSmtp(['answer-early', 'take']);
      sender = bulkSender(fake.url, { maxConnections: 1, rateLimit: null });
      let releasedAt: number | null = null;
      const early = await sender
        .send({ from: FROM, to: 'a@example.test' }, message('a@example.test', 'Interrupted.'), async (release) => {
          // A slow record: the server answers before it is done.
          await new Promise((resolve) => setTimeout(resolve, 100));
          release();
          releasedAt = Date.now();
        })
        .catch((e: unknown) => e);
      expect(early).toMatchObject({ responseCode: 451, handedOver: false });
      await sender.send({ from: FROM, to: 'b@example.test' }, message('b@example.test', 'Next.'), recorded);
      await vi.waitFor(() => expect(releasedAt).not.toBeNull());
      // The interrupted session never got a lone "." (which would end up answering someone else's command).
      expect(fake.afterAnswer[0]).not.toContain('.');
      expect(fake.taken()).toBe(1);
      expect(fake.sessions()).toBe(2);
    });
  });
});
