/**
 * `masthead newsletter inbound` as an MTA runs it: one mail piped on
 * standard input, a sentence on standard output, exit 0 whether the mail
 * was acted on or ignored (so the reader's mail never bounces), and 75
 * (EX_TEMPFAIL: keep it queued, try later) when the database is unreachable.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeContext, unsubscribeLinks } from '../../src/services/newsletter/unsubscribe-headers.js';
import { createDb } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { findSubscriberById } from '../../src/storage/repositories/subscribers.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const CLI = ['--import', 'tsx', path.resolve('src/cli/index.ts'), 'newsletter', 'inbound'];

function pipeTo(message: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, CLI, {
      env: { ...process.env, MASTHEAD_DEMO: '0', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(message);
  });
}

describe('masthead newsletter inbound', () => {
  let dataDir: string;
  let reader: { id: string; email: string };
  let subject: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'masthead-inbound-'));
    const db = createDb({ databaseUrl: undefined, dataDir });
    try {
      await migrateToLatest(db);
      [reader] = (await insertSubscribers(db, 1, { prefix: 'piped' })) as [{ id: string; email: string }];
      const ctx = await unsubscribeContext({ db, config: { publicUrl: 'https://example.test' } }, 'news@example.test');
      subject = new URL(unsubscribeLinks(ctx, reader.id, new Date()).mailto).searchParams.get('subject')!;
    } finally {
      await db.destroy();
    }
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('unsubscribes the reader a piped mail names, then ignores the same mail and a reply, always exiting 0', async () => {
    const mail = [
      'From: Someone <someone@inbox.example.test>',
      'To: news@example.test',
      `Subject: Re: ${subject}`,
      'Message-ID: <1@inbox.example.test>',
      '',
      'Please take me off the list.',
      '',
    ].join('\r\n');
    const first = await pipeTo(mail, { MASTHEAD_DATA_DIR: dataDir });
    expect(first, first.stderr).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(`Unsubscribed ${reader.email}`);

    const db = createDb({ databaseUrl: undefined, dataDir });
    try {
      expect(await findSubscriberById(db, reader.id)).toMatchObject({ status: 'unsubscribed', unsubscribedVia: 'mail' });
    } finally {
      await db.destroy();
    }

    const again = await pipeTo(mail, { MASTHEAD_DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already unsubscribed');

    const reply = await pipeTo('From: a@example.org\r\nSubject: Re: this week\r\n\r\nLovely issue.\r\n', { MASTHEAD_DATA_DIR: dataDir });
    expect(reply.code).toBe(0);
    expect(reply.stdout).toContain('Ignored: not an unsubscribe request');
  });

  it('exits 75 with a sentence when the database cannot be reached, so the MTA keeps the mail and retries', async () => {
    const result = await pipeTo(`Subject: ${subject}\r\n\r\n`, {
      MASTHEAD_DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(result.code).toBe(75);
    expect(result.stderr).toMatch(/^masthead: the mail could not be handled now and should be delivered again later: .+/);
  });
});
