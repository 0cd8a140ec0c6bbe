/**
 * The README's read-only examples answer on the demo publication, on SQLite
 * and on PostgreSQL: every `curl` GET of a reader page, feed, search or
 * Content API address in it (with a real key for `$KEY`) gets a 200 and a
 * non-empty body, and the search examples find what they promise. Examples
 * that need a session, an id or a cursor are exercised by their own suites.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/accounts.js';
import { demoPublication } from '../../src/services/demo/demo-content.js';
import { createContentKey } from '../../src/services/distribution/content-keys.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const ORIGIN = 'http://localhost:3000';

/** The paths of the README's plain `curl` GETs: no method, body, cookie or variable other than $KEY. */
function readmeGets(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const paths = new Set<string>();
  for (const line of readme.split('\n')) {
    if (!/^curl\s/.test(line) || /\s-(X|d|b|I)\s/.test(line)) continue;
    const url = /http:\/\/localhost:3000[^\s'"]*/.exec(line)?.[0];
    if (!url || /\$(?!KEY\b)/.test(url)) continue;
    paths.add(url.slice(ORIGIN.length));
  }
  return [...paths];
}

const gets = readmeGets();

for (const dialect of DIALECTS) {
  describe(`the README's examples on the demo publication (${dialectLabel(dialect)})`, () => {
    let site: TestSite;
    let key = '';

    beforeAll(async () => {
      site = await createTestSite(dialect, { publication: demoPublication, baseUrl: ORIGIN });
      const owner = await createUser(site.deps, {
        actor: null,
        email: 'readme@masthead.test',
        name: 'Readme',
        role: 'admin',
        password: null,
      });
      key = (await createContentKey(site.deps, owner, 'README')).key;
    }, 120_000);
    afterAll(async () => site?.close());

    it('finds the examples it checks', () => {
      expect(gets).toEqual(expect.arrayContaining(['/feed.xml', '/search?q=%22grain+barges%22', '/api/content/v1/openapi.json']));
      expect(gets.filter((p) => p.includes('$KEY')).length).toBeGreaterThanOrEqual(3);
    });

    it.each(gets)('GET %s answers 200 with a body', async (example) => {
      const url = example.replaceAll('$KEY', encodeURIComponent(key));
      const headers = example.includes('key=') || !example.startsWith('/api/content/') ? {} : { authorization: `Bearer ${key}` };
      const res = await site.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.body.length).toBeGreaterThan(100);
      if (url.startsWith('/search')) expect(res.body).toMatch(/<mark>/);
      if (url.startsWith('/api/content/v1/search')) expect((res.json() as { results: unknown[] }).results.length).toBeGreaterThan(0);
    });
  });
}
