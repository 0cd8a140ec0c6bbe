import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { matchesEtag, pickEncoding } from '../../src/http/middleware/negotiate.js';
import { PageCache, encodedBody } from '../../src/http/middleware/page-cache.js';
import type { CachedPage } from '../../src/http/middleware/page-cache.js';

function page(cache: PageCache, html: string, keys: string[]): CachedPage {
  return cache.prepare({ status: 200, html, keys });
}

/** Renders and stores a page the way servePage does: ticket first, then set. */
function store(cache: PageCache, url: string, keys: string[], html = `<p>${url}</p>`): CachedPage {
  const ticket = cache.ticket();
  const prepared = page(cache, html, keys);
  cache.set(url, prepared, ticket);
  return prepared;
}

describe('PageCache', () => {
  it('returns what was stored under a URL, and nothing for another', () => {
    const cache = new PageCache();
    const stored = store(cache, '/latest', ['articles']);
    expect(cache.get('/latest')).toBe(stored);
    expect(cache.get('/latest')?.body.toString('utf8')).toBe('<p>/latest</p>');
    expect(cache.get('/latest?page=2')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('gives the same body the same validator and a different body another', () => {
    const cache = new PageCache();
    const a = page(cache, '<p>same</p>', []);
    const b = page(cache, '<p>same</p>', ['other']);
    const c = page(cache, '<p>different</p>', []);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
    expect(a.hash).toMatch(/^[\w-]{27}$/);
  });

  it('replaces a page stored again under the same URL, and forgets the old page’s keys', () => {
    const cache = new PageCache();
    store(cache, '/a', ['article:1'], '<p>old</p>');
    const fresh = store(cache, '/a', ['article:2'], '<p>new</p>');
    expect(cache.get('/a')).toBe(fresh);
    expect(cache.size).toBe(1);
    expect(cache.invalidate(['article:1'])).toBe(0);
    expect(cache.get('/a')).toBe(fresh);
  });

  it('drops exactly the pages that carry an invalidated key, and keeps the others', () => {
    const cache = new PageCache();
    store(cache, '/europe/story-1', ['settings', 'article:1']);
    store(cache, '/sections/europe', ['settings', 'articles', 'article:1', 'article:2']);
    store(cache, '/europe/story-2', ['settings', 'article:2']);
    const briefs = store(cache, '/briefs', ['settings', 'briefs', 'brief:9']);

    expect(cache.invalidate(['article:1'])).toBe(2);
    expect(cache.get('/europe/story-1')).toBeUndefined();
    expect(cache.get('/sections/europe')).toBeUndefined();
    expect(cache.get('/europe/story-2')).toBeDefined();
    expect(cache.get('/briefs')).toBe(briefs);

    // A page that carries two of the keys is counted once.
    store(cache, '/sections/europe', ['articles', 'article:2']);
    expect(cache.invalidate(['article:2', 'articles'])).toBe(2);
    expect(cache.get('/europe/story-2')).toBeUndefined();
    expect(cache.get('/sections/europe')).toBeUndefined();
    expect(cache.get('/briefs')).toBe(briefs);
    expect(cache.size).toBe(1);

    expect(cache.invalidate(['settings'])).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('does not keep a render that started before an invalidation, so a stale page never sticks', () => {
    const cache = new PageCache();
    const ticket = cache.ticket();
    // The page is rendered from data read before the change...
    const stale = page(cache, '<p>old headline</p>', ['article:1']);
    // ...the change lands while it renders...
    cache.invalidate(['article:1']);
    cache.set('/europe/story-1', stale, ticket);
    expect(cache.get('/europe/story-1')).toBeUndefined();
    expect(cache.size).toBe(0);
    // ...and the next render, with a fresh ticket, is kept.
    const fresh = store(cache, '/europe/story-1', ['article:1'], '<p>new headline</p>');
    expect(cache.get('/europe/story-1')).toBe(fresh);
  });

  it('does not keep a render that overlapped clear()', () => {
    const cache = new PageCache();
    store(cache, '/a', ['x']);
    const ticket = cache.ticket();
    const rendered = page(cache, '<p>b</p>', ['y']);
    cache.clear();
    expect(cache.size).toBe(0);
    cache.set('/b', rendered, ticket);
    expect(cache.get('/b')).toBeUndefined();
  });

  it('evicts the least recently used page beyond maxEntries', () => {
    const cache = new PageCache(3);
    store(cache, '/1', ['k1']);
    store(cache, '/2', ['k2']);
    store(cache, '/3', ['k3']);
    // Reading /1 makes /2 the least recently used.
    expect(cache.get('/1')).toBeDefined();
    store(cache, '/4', ['k4']);
    expect(cache.size).toBe(3);
    expect(cache.get('/2')).toBeUndefined();
    expect(cache.get('/1')).toBeDefined();
    expect(cache.get('/3')).toBeDefined();
    expect(cache.get('/4')).toBeDefined();
    // The evicted page's keys went with it: invalidating them touches nothing.
    expect(cache.invalidate(['k2'])).toBe(0);
    expect(cache.size).toBe(3);
    store(cache, '/5', ['k5']);
    // /1, /3, /4 were read in that order above, so /1 goes next.
    expect(cache.get('/1')).toBeUndefined();
    expect(cache.size).toBe(3);
  });

  it('encodes the body as brotli and gzip that decompress to the exact bytes, once each', async () => {
    const cache = new PageCache();
    const html = `<!doctype html><p>${'Ünïcödé harbour — “quotes” & more. '.repeat(500)}</p>`;
    const stored = page(cache, html, []);
    const br = await encodedBody(stored, 'br');
    const gz = await encodedBody(stored, 'gzip');
    expect(brotliDecompressSync(br).toString('utf8')).toBe(html);
    expect(gunzipSync(gz).toString('utf8')).toBe(html);
    expect(br.length).toBeLessThan(stored.body.length);
    expect(gz.length).toBeLessThan(stored.body.length);
    expect(gz.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    // The encoding is remembered on the page, not redone per request.
    expect(await encodedBody(stored, 'br')).toBe(br);
    expect(await encodedBody(stored, 'gzip')).toBe(gz);
  });

  it('encodes an empty body', async () => {
    const stored = page(new PageCache(), '', []);
    expect(brotliDecompressSync(await encodedBody(stored, 'br')).length).toBe(0);
    expect(gunzipSync(await encodedBody(stored, 'gzip')).length).toBe(0);
  });
});

describe('pickEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['GZIP, BR', 'br'],
    ['deflate', null],
    // Brotli whenever it is acceptable at all, then gzip.
    ['br;q=0.1, gzip;q=1.0', 'br'],
    ['gzip; q=0.5', 'gzip'],
    // q=0 means "not acceptable".
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0', null],
    ['gzip;q=0', null],
    // '*' stands for every coding not named.
    ['*', 'br'],
    ['*;q=0', null],
    ['br;q=0, *', 'gzip'],
    ['*, br;q=0, gzip;q=0', null],
    ['gzip, *;q=0', 'gzip'],
    ['identity, *;q=0', null],
  ])('picks from %j: %j', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

describe('matchesEtag', () => {
  const hash = 'abcDEF123_-xyz';

  it.each([
    [`"${hash}"`, true],
    [`"${hash}-br"`, true],
    [`"${hash}-gz"`, true],
    [`W/"${hash}"`, true],
    [`W/"${hash}-gz"`, true],
    [`"other", "${hash}-br"`, true],
    [`"a",W/"${hash}" , "b"`, true],
    ['*', true],
    [' * ', true],
    [`"${hash}x"`, false],
    [`"${hash}-deflate"`, false],
    [`"other-br"`, false],
    [`"${hash.slice(0, -1)}"`, false],
    ['', false],
    [undefined, false],
  ])('%j matches: %j', (header, expected) => {
    expect(matchesEtag(header, hash)).toBe(expected);
  });
});
