/**
 * Every kind of reader page passes the Nu Html Checker (the W3C validator)
 * with no errors. Pages are rendered from the demo publication; the HTML
 * does not depend on the database, so one dialect is enough here.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPages, startDemoSite } from '../helpers/demo-site.js';
import type { TestSite } from '../helpers/site.js';
import { skipWithout } from '../helpers/requirements.js';

const run = promisify(execFile);
const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;

interface VnuMessage {
  type: string;
  subType?: string;
  message: string;
  url: string;
  lastLine?: number;
  extract?: string;
}

describe.skipIf(skipWithout('java', 'HTML validation with the Nu Html Checker'))('Nu Html Checker', () => {
  let site: TestSite;
  let dir: string;
  beforeAll(async () => {
    ({ site } = await startDemoSite());
    dir = await mkdtemp(path.join(tmpdir(), 'masthead-vnu-'));
  });
  afterAll(async () => {
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds no errors on the home, article, section, topic, author, type, latest, briefs and 404 pages', async () => {
    const pages = demoPages();
    const files: string[] = [];
    for (const [name, url] of Object.entries(pages)) {
      const res = await site.app.inject({ url });
      expect(res.statusCode, url).toBe(name === 'notFound' ? 404 : 200);
      const file = path.join(dir, `${name}.html`);
      await writeFile(file, res.body);
      files.push(file);
    }
    let output: string;
    try {
      const result = await run('java', ['-Xss4m', '-jar', vnuJar, '--format', 'json', '--errors-only', ...files], {
        maxBuffer: 16 * 1024 * 1024,
      });
      output = result.stderr || result.stdout;
    } catch (error) {
      // vnu exits non-zero when it finds errors; its report is still on stderr.
      output = (error as { stderr?: string }).stderr ?? '';
    }
    const messages = (JSON.parse(output || '{"messages":[]}') as { messages: VnuMessage[] }).messages;
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
    const readable = errors.map((m) => `${path.basename(m.url)}:${m.lastLine ?? '?'} ${m.message} [${m.extract ?? ''}]`);
    expect(readable).toEqual([]);
    expect(files.length).toBe(Object.keys(pages).length);
  });
});
