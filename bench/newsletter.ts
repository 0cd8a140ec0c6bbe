/**
 * Newsletter sending: one round-up to N generated subscribers (100,000 by
 * default) on SQLite, through the real sending code and a pooled SMTP
 * connection to a local sink (smtp-server, in a child process). Prints
 * messages per second and the process's peak RSS, and ratios against two
 * baselines with the same pool and no database: nodemailer composing every
 * message itself (a plain sendMail loop; 10,000 messages, BENCH_BASELINE),
 * and the same prebuilt messages the newsletter sends (the transport's ceiling).
 *
 *   npm run bench:newsletter
 *   BENCH_SUBSCRIBERS=20000 BENCH_CONNECTIONS=5 npm run bench:newsletter
 *
 * It runs compiled (tsconfig.bench.json, then plain node), as the product does
 * (`node bin/masthead.js`): under tsx the process would also carry tsx's
 * loader thread, about 40 MB the real sender never has.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createContentEvents } from '../src/services/events.js';
import { bulkSender } from '../src/services/mail/bulk-sender.js';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { smtpMailer } from '../src/services/mail/mailer.js';
import type { Mailer } from '../src/services/mail/mailer.js';
import type { CourierSender } from '../src/services/mail/courier.js';
import { composeRoundUp } from '../src/services/newsletter/compose.js';
import { renderIssue } from '../src/services/newsletter/render-issue.js';
import { sendIssue } from '../src/services/newsletter/send-issue.js';
import { getSiteSettings } from '../src/services/settings/site-settings.js';
import { openDb } from '../src/storage/db.js';
import { localMediaStore } from '../src/storage/media/local-media-store.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { editIssue } from '../src/services/newsletter/compose.js';
import type { RoundUpItem } from '../src/domain/newsletter/round-up.js';
import { bulkMessage, bulkTemplate } from '../src/services/newsletter/bulk-message.js';
import { insertSubscribers } from '../test/helpers/subscribers.js';

const N = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const BASELINE_N = Math.min(N, Number(process.env.BENCH_BASELINE ?? 10_000));
const PUBLIC_URL = 'https://news.example.test';
const FROM = 'news@news.example.test';

async function startSink(): Promise<{ url: string; count(): Promise<number>; stop(): void }> {
  // The sink beside this file, compiled or not.
  const here = fileURLToPath(import.meta.url);
  const sink = path.join(path.dirname(here), `newsletter-sink${path.extname(here)}`);
  const child = spawn(process.execPath, [...(here.endsWith('.ts') ? ['--import', 'tsx'] : []), sink], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => String((await lines.next()).value ?? '');
  const url = (await next()).replace(/^url /, '');
  return {
    url,
    async count() {
      child.stdin.write('count\n');
      return Number((await next()).replace(/^count /, ''));
    },
    stop() {
      child.stdin.write('quit\n');
    },
  };
}

const mb = (kb: number) => Math.round(kb / 1024);
const dir = await mkdtemp(path.join(tmpdir(), 'masthead-bench-newsletter-'));
// Opened by location, as `masthead start` opens it: the send's connections then live in a mail courier process.
const db = openDb({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
const sink = await startSink();
try {
  await migrateToLatest(db);
  const base = { db, clock: () => new Date(), events: createContentEvents(), media: localMediaStore(path.join(dir, 'media')) };
  const t0 = Date.now();
  await insertSubscribers(db, N, { chunk: 1000 });
  console.log(
    `Masthead newsletter benchmark — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `${N.toLocaleString('en')} subscribers (inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s), ${CONNECTIONS} SMTP connections, batches of ${BATCH}\n`,
  );
  const deps = { ...base, config: { publicUrl: PUBLIC_URL, mailFrom: FROM } };
  // An issue-sized round-up: twelve pieces in three sections, four briefs, a correction (about 40 KB of HTML).
  const draft = await composeRoundUp(deps, { intro: 'The week, as the benchmark sees it.\n\nA second paragraph of the editor’s note.' });
  const items: RoundUpItem[] = [
    ...Array.from({ length: 12 }, (_, i): RoundUpItem => ({
      kind: 'article',
      id: `a${i}`,
      headline: `Headline number ${i}: why the harbour matters more than it seems`,
      dek: 'A sentence under the headline that says what the piece argues, and why it matters this week.',
      url: `${PUBLIC_URL}/${['europe', 'asia', 'americas'][i % 3]}/story-${i}`,
      section: ['Europe', 'Asia', 'Americas'][i % 3]!,
      imageUrl: `${PUBLIC_URL}/media/story-${i}-640.jpg`,
      imageAlt: `A picture for story ${i}`,
    })),
    ...Array.from({ length: 4 }, (_, i): RoundUpItem => ({
      kind: 'brief',
      id: `b${i}`,
      headline: `Brief ${i}`,
      take: 'A short take on the news.',
      url: `${PUBLIC_URL}/briefs/b-${i}`,
      sourceName: 'Wire',
      sourceUrl: 'https://example.org',
    })),
    {
      kind: 'correction',
      id: 'c1',
      headline: 'Headline number 3',
      text: 'An earlier version misnamed the port.',
      url: `${PUBLIC_URL}/europe/story-3`,
      issuedAt: new Date().toISOString(),
    },
  ];
  const issue = (await editIssue(deps, draft.id, { items }))!;

  // The newsletter: delivery rows, leases, one UPDATE per accepted message.
  const smtp = smtpMailer(sink.url, FROM, { maxConnections: CONNECTIONS });
  // The courier's own peak, read from the channel the send used (BENCH_COURIER=0 sends without one, to compare).
  let courier: CourierSender | null = null;
  const mailer: Mailer = {
    ...smtp,
    async bulk(guard) {
      const channel = await smtp.bulk!(process.env.BENCH_COURIER === '0' ? undefined : guard);
      if (channel && 'peakRss' in channel.sender) courier = channel.sender as CourierSender;
      return channel;
    },
  };
  const rssBefore = process.resourceUsage().maxRSS;
  const s0 = performance.now();
  const outcome = await sendIssue({ ...deps, mailer }, { issueId: issue.id, batchSize: BATCH });
  const sendSeconds = (performance.now() - s0) / 1000;
  const peakRss = process.resourceUsage().maxRSS;
  const m = process.memoryUsage();
  console.log(
    `memory after sending: rss ${mb(m.rss / 1024)} MB, JS heap ${mb(m.heapUsed / 1024)} of ${mb(m.heapTotal / 1024)} MB, buffers ${mb(m.arrayBuffers / 1024)} MB`,
  );
  await mailer.close();
  const received = await sink.count();
  const rate = outcome.counts.sent / sendSeconds;
  const courierRss = (courier as CourierSender | null)?.peakRss ?? null;
  console.log(
    `newsletter: ${outcome.counts.sent.toLocaleString('en')} sent (${received.toLocaleString('en')} at the sink) in ${sendSeconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en')} msg/s; ` +
      `peak RSS ${mb(peakRss)} MB (${mb(rssBefore)} MB before sending)` +
      (courierRss === null ? ', no mail courier' : `; mail courier peak RSS ${mb(courierRss)} MB`),
  );

  // Baseline: nodemailer building every message itself (what a plain sendMail loop costs), no database.
  const rendered = await renderIssue({ issue, settings: await getSiteSettings(deps), publicUrl: PUBLIC_URL });
  const baseline = async (count: number, send: (transport: Transporter, i: number) => Promise<unknown>): Promise<number> => {
    const transport = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: CONNECTIONS, maxMessages: Infinity });
    const t = performance.now();
    for (let i = 0; i < count; i += BATCH) {
      const sends: Promise<unknown>[] = [];
      for (let j = i; j < Math.min(i + BATCH, count); j++) sends.push(send(transport, j));
      await Promise.all(sends);
    }
    const seconds = (performance.now() - t) / 1000;
    transport.close();
    return count / seconds;
  };
  const links = {
    unsubscribe: `${PUBLIC_URL}/newsletter/unsubscribe?token=x`,
    preferences: `${PUBLIC_URL}/newsletter/preferences?token=x`,
  };
  const composed = await baseline(BASELINE_N, (m, j) =>
    m.sendMail({
      from: FROM,
      to: `baseline-${j}@inbox.example.test`,
      subject: issue.subject,
      html: rendered.html.replaceAll('__MASTHEAD_UNSUBSCRIBE_URL__', links.unsubscribe),
      text: rendered.text,
    }),
  );
  console.log(
    `baseline 1, nodemailer composing each message, no database: ${BASELINE_N.toLocaleString('en')} messages at ${Math.round(composed).toLocaleString('en')} msg/s`,
  );
  const template = bulkTemplate(rendered, { from: FROM, subject: issue.subject });
  // The same connection pool, no delivery rows: nothing to commit before each release.
  const raw = bulkSender(sink.url, { maxConnections: CONNECTIONS, rateLimit: null });
  const released = async () => undefined;
  const r0 = performance.now();
  let nextRaw = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let j = nextRaw++; j < BASELINE_N; j = nextRaw++) {
        const to = `raw-${j}@inbox.example.test`;
        await raw.send(
          { from: FROM, to },
          bulkMessage(template, { to, messageId: `<${j}@bench>`, date: new Date(), headers: {}, links }),
          released,
        );
      }
    }),
  );
  const rawRate = BASELINE_N / ((performance.now() - r0) / 1000);
  await raw.close();
  console.log(
    `baseline 2, the same prebuilt messages without the database (the transport's ceiling): ${Math.round(rawRate).toLocaleString('en')} msg/s`,
  );
  const baseRate = composed;
  console.log(`ratio newsletter / baseline 2: ${(rate / rawRate).toFixed(2)} (what the delivery rows cost)`);
  console.log(
    `ratio newsletter / baseline 1: ${(rate / baseRate).toFixed(2)}; target ≥ 1,000 msg/s: ${rate >= 1000 ? 'met' : 'NOT met'}; ` +
      `RSS < 300 MB: sending process ${mb(peakRss) < 300 ? 'met' : 'NOT met'}` +
      (courierRss === null
        ? ''
        : `, courier ${mb(courierRss) < 300 ? 'met' : 'NOT met'}; both together ${mb(peakRss + courierRss)} MB (peaks added: an upper bound)`),
  );
} finally {
  sink.stop();
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
}
