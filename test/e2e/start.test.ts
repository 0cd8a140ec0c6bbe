/**
 * The README's promise, checked the way a newcomer meets it: `masthead start`
 * on an empty data folder creates, migrates and seeds the demo, serves it,
 * stops cleanly on SIGTERM, and never seeds twice.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/ports.js';

const CLI = ['--import', 'tsx', path.resolve('src/cli/index.ts')];

interface Started {
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [...CLI, 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`masthead start did not come up:\n${output}`)), 90_000);
    const check = (): void => {
      if (output.includes('Masthead is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`masthead start exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('masthead start', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'masthead-start-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  // Seeding and fetching every home-page link: seconds alone, far more on a loaded machine.
  it('creates, migrates and seeds the demo on an empty data folder, and every home-page link answers 200', async () => {
    const server = await start({ MASTHEAD_DATA_DIR: dataDir });
    try {
      expect(server.output()).toContain('Seeded the demo publication');
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      const $ = cheerio.load(await home.text());
      expect($('.site-title').text()).toBe('The Meridian Review');
      const links = new Set<string>();
      $('a[href], link[rel=stylesheet][href], img[src]').each((_, el) => {
        const href = $(el).attr('href') ?? $(el).attr('src') ?? '';
        if (href.startsWith('/') && !href.startsWith('//')) links.add(href.split('#')[0]!);
      });
      expect(links.size).toBeGreaterThan(30);
      const failures: string[] = [];
      for (const link of links) {
        const res = await fetch(server.url + link, { redirect: 'manual' });
        if (res.status !== 200) failures.push(`${link} → ${res.status}`);
      }
      expect(failures).toEqual([]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);

  it('does not seed twice on restart', async () => {
    const server = await start({ MASTHEAD_DATA_DIR: dataDir });
    try {
      expect(server.output()).not.toContain('Seeded the demo publication');
      const $ = cheerio.load(await (await fetch(`${server.url}/latest?page=2`)).text());
      // 32 demo articles, 20 a page: page 2 holds exactly 12, so nothing was added.
      expect($('.listing .teaser').length).toBe(12);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('starts empty with MASTHEAD_DEMO=0', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'masthead-empty-'));
    const server = await start({ MASTHEAD_DATA_DIR: empty, MASTHEAD_DEMO: '0' });
    try {
      const res = await fetch(`${server.url}/`);
      expect(res.status).toBe(200);
      const $ = cheerio.load(await res.text());
      expect($('.teaser').length).toBe(0);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('refuses a bad setting with one sentence and exit code 2', () => {
    const result = spawnSync(process.execPath, [...CLI, 'start'], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('masthead: PORT is set to "eighty", but it must be a port number between 1 and 65535.');
    const db = spawnSync(process.execPath, [...CLI, 'migrate'], {
      env: { ...process.env, DATABASE_URL: 'mysql://user:hunter2@db/masthead' },
      encoding: 'utf8',
    });
    expect(db.status).toBe(2);
    expect(db.stderr).toContain('DATABASE_URL is set, but it must be a postgres://');
    expect(db.stderr).not.toContain('hunter2');
  });

  it('explains itself with --help', () => {
    const result = spawnSync(process.execPath, [...CLI, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const command of ['start', 'migrate', 'demo']) expect(result.stdout).toContain(command);
  });
});
