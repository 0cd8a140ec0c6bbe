import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { bodyImageIds, bodyText, emptyDoc, parseBody, safeHref, wordCount } from '../../src/domain/content/body.js';
import type { BodyDoc, BodyNode } from '../../src/domain/content/body.js';
import { parseEmbed } from '../../src/domain/content/embed.js';
import { RELATED_LIMIT, mergeRelated } from '../../src/domain/content/related.js';
import { jsonForScript } from '../../src/lib/json-for-script.js';
import { pageInfo, pageOf } from '../../src/lib/pagination.js';
import { isSlug, slugify } from '../../src/lib/slug.js';

const text = (value: string): BodyNode => ({ type: 'text', text: value });
const para = (...content: BodyNode[]): BodyNode => ({ type: 'paragraph', content });
const doc = (...content: BodyNode[]): BodyDoc => ({ type: 'doc', content });

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://example.org', 'http://example.org/'],
    ['  https://example.org/trimmed  ', 'https://example.org/trimmed'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['/europe/a-story', '/europe/a-story'],
    ['#fn-1', '#fn-1'],
  ])('keeps %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/\\evil.example',
    '#"><script>',
    'not a url',
    '',
    '   ',
    `https://example.org/${'a'.repeat(2048)}`,
  ])('refuses %j', (input) => {
    expect(safeHref(input)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, { href: 'https://example.org' }, ['https://example.org']]) expect(safeHref(value)).toBeNull();
  });
});

describe('bodyText and wordCount', () => {
  const body = doc(
    { type: 'heading', attrs: { level: 2 }, content: [text('A sub'), text('head')] },
    para(text('It’s a well-known fact: 42 ships'), { type: 'footnote', content: [text('not counted at all')] }, text(' sailed.')),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para(text('one'))] },
        { type: 'listItem', content: [para(text('two'))] },
      ],
    },
  );

  it('joins inline text within a block and puts blocks on their own lines, leaving footnotes out', () => {
    expect(bodyText(body)).toBe('A subhead\nIt’s a well-known fact: 42 ships sailed.\none\ntwo');
  });

  it('counts words, treating apostrophes and hyphens as part of a word and ignoring footnotes', () => {
    // A subhead | It’s a well-known fact 42 ships sailed | one two
    expect(wordCount(body)).toBe(11);
  });

  it('counts nothing in an empty document', () => {
    expect(wordCount(emptyDoc())).toBe(0);
    expect(wordCount(doc(para(text(' — … '))))).toBe(0);
  });

  it('counts letters outside ASCII', () => {
    expect(wordCount(doc(para(text('Größe straße, café och smörgås; Ελληνικά κείμενα'))))).toBe(7);
  });
});

describe('parseBody', () => {
  it('reads a stored document', () => {
    const stored = doc(para(text('Hello.')));
    expect(parseBody(JSON.stringify(stored))).toEqual(stored);
  });

  it.each([
    ['truncated JSON', '{"type":"doc","content":[{"type":"paragr'],
    ['not JSON', '<p>Hello</p>'],
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[]'],
    ['another node type', '{"type":"paragraph","content":[]}'],
    ['content that is not a list', '{"type":"doc","content":"Hello"}'],
  ])('reads %s as an empty document instead of failing', (_, json) => {
    expect(parseBody(json)).toEqual({ type: 'doc', content: [] });
  });
});

describe('bodyImageIds', () => {
  it('lists placed image ids in document order, including nested ones, and ignores ids that are not strings', () => {
    const body = doc(
      { type: 'image', attrs: { imageId: 'a' } },
      para(text('between')),
      { type: 'blockquote', content: [{ type: 'image', attrs: { imageId: 'b' } }] },
      { type: 'image', attrs: { imageId: 7 } },
      { type: 'image' },
      { type: 'embed', attrs: { imageId: 'not-an-image-node' } },
      { type: 'image', attrs: { imageId: 'c' } },
    );
    expect(bodyImageIds(body)).toEqual(['a', 'b', 'c']);
  });
});

describe('parseEmbed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=aqz-KE-bpKQ', 'aqz-KE-bpKQ'],
    ['https://youtube.com/watch?v=aqz-KE-bpKQ&t=42s', 'aqz-KE-bpKQ'],
    ['https://m.youtube.com/watch?v=aqz-KE-bpKQ', 'aqz-KE-bpKQ'],
    ['https://youtu.be/aqz-KE-bpKQ', 'aqz-KE-bpKQ'],
    ['https://www.youtube.com/embed/aqz-KE-bpKQ', 'aqz-KE-bpKQ'],
  ])('rebuilds a privacy-enhanced YouTube frame from %s', (url, id) => {
    expect(parseEmbed(url)).toEqual({
      provider: 'YouTube',
      frameUrl: `https://www.youtube-nocookie.com/embed/${id}`,
      pageUrl: `https://www.youtube.com/watch?v=${id}`,
      aspect: 16 / 9,
    });
  });

  it('rebuilds a Vimeo frame without tracking', () => {
    expect(parseEmbed('https://vimeo.com/76979871')).toEqual({
      provider: 'Vimeo',
      frameUrl: 'https://player.vimeo.com/video/76979871?dnt=1',
      pageUrl: 'https://vimeo.com/76979871',
      aspect: 16 / 9,
    });
  });

  it('rebuilds a Datawrapper chart frame, with or without its version number', () => {
    const expected = {
      provider: 'Datawrapper',
      frameUrl: 'https://datawrapper.dwcdn.net/aBc12/',
      pageUrl: 'https://datawrapper.dwcdn.net/aBc12/',
      aspect: 4 / 3,
    };
    expect(parseEmbed('https://datawrapper.dwcdn.net/aBc12/')).toEqual(expected);
    expect(parseEmbed('https://datawrapper.dwcdn.net/aBc12/3/')).toEqual(expected);
  });

  it('refuses plain http, even from an allowlisted provider', () => {
    expect(parseEmbed('http://www.youtube.com/watch?v=aqz-KE-bpKQ')).toBeNull();
    expect(parseEmbed('http://vimeo.com/76979871')).toBeNull();
    expect(parseEmbed('http://datawrapper.dwcdn.net/aBc12/')).toBeNull();
  });

  it('knows no other host, including look-alikes', () => {
    for (const url of [
      'https://example.org/watch?v=aqz-KE-bpKQ',
      'https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ',
      'https://evil-youtube.com/watch?v=aqz-KE-bpKQ',
      'https://player.vimeo.com/video/76979871',
    ]) {
      expect(parseEmbed(url), url).toBeNull();
    }
  });

  it('refuses ids with characters that could escape the rebuilt URL, or of the wrong shape', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=abc%22onload%3D',
      'https://www.youtube.com/watch?v=../../evil',
      'https://www.youtube.com/watch?v=abc def',
      'https://www.youtube.com/watch?v=ab',
      `https://www.youtube.com/watch?v=${'a'.repeat(65)}`,
      'https://www.youtube.com/watch',
      'https://youtu.be/abc/def',
      'https://youtu.be/',
      'https://vimeo.com/abc123',
      'https://vimeo.com/76979871/extra',
      'https://datawrapper.dwcdn.net/ab-12/',
      'https://datawrapper.dwcdn.net/abcdef/',
    ]) {
      expect(parseEmbed(url), url).toBeNull();
    }
  });

  it('refuses what is not a URL', () => {
    for (const value of ['youtube.com/watch?v=aqz-KE-bpKQ', '', 42, null, undefined]) expect(parseEmbed(value)).toBeNull();
  });
});

describe('mergeRelated', () => {
  it('puts pinned ids first in the editor’s order, then ranked ones', () => {
    expect(mergeRelated(['p2', 'p1'], ['r1', 'r2'])).toEqual(['p2', 'p1', 'r1', 'r2']);
  });

  it('shows each id once, where it first appears', () => {
    expect(mergeRelated(['a', 'b', 'a'], ['b', 'c', 'a', 'd', 'c'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('stops at the limit, default or given', () => {
    const ranked = Array.from({ length: 20 }, (_, i) => `r${i}`);
    expect(mergeRelated(['p'], ranked)).toHaveLength(RELATED_LIMIT);
    expect(mergeRelated(['p'], ranked)[0]).toBe('p');
    expect(mergeRelated(['p1', 'p2', 'p3'], ranked, 2)).toEqual(['p1', 'p2']);
    expect(mergeRelated([], [], 3)).toEqual([]);
  });
});

describe('slugify and isSlug', () => {
  it('strips accents and lowercases', () => {
    expect(slugify('Crème brûlée à l’Élysée')).toBe('creme-brulee-a-lelysee');
    expect(slugify('ÅLAND Ødegaard Señor')).toMatch(/^aland-/);
  });

  it('joins a word split by an apostrophe instead of breaking it', () => {
    expect(slugify("Don't stop: the O'Neil story")).toBe('dont-stop-the-oneil-story');
    expect(slugify('Europe’s ports')).toBe('europes-ports');
  });

  it('turns runs of punctuation and spaces into single hyphens, trimmed at the ends', () => {
    expect(slugify('  -- Why the <harbour> matters?! (Part 2) --  ')).toBe('why-the-harbour-matters-part-2');
    expect(slugify('a & b / c')).toBe('a-b-c');
  });

  it('falls back to "untitled" when nothing usable is left', () => {
    expect(slugify('!!! ??? …')).toBe('untitled');
    expect(slugify('')).toBe('untitled');
    expect(slugify('北京')).toBe('untitled');
  });

  it('keeps within the maximum length without leaving half a word or a trailing hyphen', () => {
    const headline = 'The quick brown fox jumps over the lazy dog and keeps on running far beyond the horizon of this test';
    const slug = slugify(headline);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(isSlug(slug)).toBe(true);
    expect(`${slugify(headline, 1000)}-`.startsWith(`${slug}-`)).toBe(true);
    expect(slugify('aaaa bbbb cccc dddd', 12)).toBe('aaaa-bbbb');
    // A single word longer than the limit is cut rather than lost.
    expect(slugify('abcdefghij', 5)).toBe('abcde');
  });
  // (slugify('aaa-bbb-ccc', 7) gives "aaa", though "aaa-bbb" is 7 characters).
  it('keeps the last whole word when the cut falls exactly between words', () => {
    expect(slugify('aaa bbb ccc', 7)).toBe('aaa-bbb');
    expect(slugify('aaaa bbbb cccc dddd', 14)).toBe('aaaa-bbbb-cccc');
  });

  it('produces slugs that isSlug accepts', () => {
    for (const s of ['Crème brûlée', "Don't", '  x  ', 'A--B', '2024: a year']) expect(isSlug(slugify(s)), s).toBe(true);
  });

  it('isSlug accepts lowercase words joined by single hyphens, up to 120 characters', () => {
    expect(isSlug('europe-story-1')).toBe(true);
    expect(isSlug('a')).toBe(true);
    expect(isSlug('a'.repeat(120))).toBe(true);
    for (const bad of ['', 'Europe', 'a--b', '-a', 'a-', 'a b', 'a_b', 'crème', 'a/b', '../x', 'a'.repeat(121)]) {
      expect(isSlug(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('pagination', () => {
  it('turns a 1-based page number into an offset', () => {
    expect(pageOf(1, 12)).toEqual({ number: 1, size: 12, offset: 0 });
    expect(pageOf(3, 12)).toEqual({ number: 3, size: 12, offset: 24 });
  });

  it('counts pages and says whether there is a previous and a next one', () => {
    expect(pageInfo(pageOf(1, 12), 13)).toEqual({ number: 1, total: 13, count: 2, hasPrev: false, hasNext: true });
    expect(pageInfo(pageOf(2, 12), 13)).toEqual({ number: 2, total: 13, count: 2, hasPrev: true, hasNext: false });
    expect(pageInfo(pageOf(2, 12), 24)).toEqual({ number: 2, total: 24, count: 2, hasPrev: true, hasNext: false });
    expect(pageInfo(pageOf(1, 12), 12)).toMatchObject({ count: 1, hasNext: false });
  });

  it('has at least one page, even when there is nothing to show', () => {
    expect(pageInfo(pageOf(1, 20), 0)).toEqual({ number: 1, total: 0, count: 1, hasPrev: false, hasNext: false });
  });
});

describe('jsonForScript', () => {
  const hostile = {
    headline: 'Why the </script><script>alert(1)</script> matters',
    dek: '<!-- a comment --> & <![CDATA[ x ]]>',
    upper: '</SCRIPT>',
    separators: 'line\u2028paragraph\u2029end',
    nested: [{ deep: '</script >' }],
  };

  it('leaves nothing that could close the script element or open a comment', () => {
    const out = jsonForScript(hostile);
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('round-trips through JSON.parse to the same value', () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
    expect(JSON.parse(jsonForScript('plain'))).toBe('plain');
    expect(JSON.parse(jsonForScript(null))).toBeNull();
  });
});

describe('loadConfig', () => {
  it('has working defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      seedDemo: true,
      logLevel: 'info',
      robots: 'allow',
      smtpUrl: undefined,
      mailFrom: 'Masthead <no-reply@localhost>',
      mailFromSet: false,
      trustProxy: false,
      webhooksAllowPrivate: false,
      apiCorsOrigins: [],
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      MASTHEAD_DATA_DIR: '/var/lib/masthead',
      DATABASE_URL: 'postgresql://u:p@db:5432/masthead',
      MASTHEAD_URL: 'https://news.example.org',
      MASTHEAD_DEMO: 'no',
      LOG_LEVEL: 'warn',
      MASTHEAD_ROBOTS: 'disallow',
      MASTHEAD_SMTP_URL: 'smtps://mailer:secret@smtp.example.org:465',
      MASTHEAD_MAIL_FROM: 'The Review <news@example.org>',
      MASTHEAD_TRUST_PROXY: '1',
      MASTHEAD_WEBHOOKS_ALLOW_PRIVATE: '1',
      MASTHEAD_API_CORS_ORIGINS: 'https://app.example.org, https://partner.example',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/masthead',
      databaseUrl: 'postgresql://u:p@db:5432/masthead',
      publicUrl: 'https://news.example.org',
      seedDemo: false,
      logLevel: 'warn',
      robots: 'disallow',
      smtpUrl: 'smtps://mailer:secret@smtp.example.org:465',
      mailFrom: 'The Review <news@example.org>',
      mailFromSet: true,
      trustProxy: true,
      webhooksAllowPrivate: true,
      apiCorsOrigins: ['https://app.example.org', 'https://partner.example'],
    });
    expect(() => loadConfig({ MASTHEAD_API_CORS_ORIGINS: 'https://app.example.org/path' })).toThrow(/^MASTHEAD_API_CORS_ORIGINS/);
  });

  it('never repeats an SMTP URL, which carries a password, and refuses a multi-line From', () => {
    expect(() => loadConfig({ MASTHEAD_SMTP_URL: 'http://user:hunter2@smtp.example.org' })).toThrow(
      /^MASTHEAD_SMTP_URL is set, but it must be an smtp:\/\//,
    );
    try {
      loadConfig({ MASTHEAD_SMTP_URL: 'http://user:hunter2@smtp.example.org' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
    expect(() => loadConfig({ MASTHEAD_MAIL_FROM: 'a@example.org\r\nBcc: everyone@example.org' })).toThrow(/MASTHEAD_MAIL_FROM/);
  });

  it('derives the public URL from the listening address when MASTHEAD_URL is unset', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(loadConfig({ HOST: 'news.internal' }).publicUrl).toBe('http://news.internal:3000');
  });

  it('removes trailing slashes from MASTHEAD_URL', () => {
    expect(loadConfig({ MASTHEAD_URL: 'https://news.example.org/' }).publicUrl).toBe('https://news.example.org');
    expect(loadConfig({ MASTHEAD_URL: 'https://news.example.org/edition//' }).publicUrl).toBe('https://news.example.org/edition');
  });

  it('treats empty strings as unset', () => {
    expect(
      loadConfig({ PORT: '', HOST: '', MASTHEAD_DATA_DIR: '', DATABASE_URL: '', MASTHEAD_URL: '', MASTHEAD_DEMO: '', LOG_LEVEL: '' }),
    ).toEqual(loadConfig({}));
  });

  it.each(['1', 'true', 'yes'])('reads MASTHEAD_DEMO=%s as on', (value) => {
    expect(loadConfig({ MASTHEAD_DEMO: value }).seedDemo).toBe(true);
  });

  it.each(['0', 'false', 'no'])('reads MASTHEAD_DEMO=%s as off', (value) => {
    expect(loadConfig({ MASTHEAD_DEMO: value }).seedDemo).toBe(false);
  });

  function configError(env: NodeJS.ProcessEnv): ConfigError {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return error as ConfigError;
    }
    throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
  }

  /** One sentence: starts with the variable, ends with its only full stop. */
  function expectOneSentence(message: string, variable: string): void {
    expect(message.startsWith(`${variable} is set`), message).toBe(true);
    expect(message.endsWith('.'), message).toBe(true);
    expect(message.slice(0, -1), message).not.toMatch(/\.\s/);
    expect(message, message).not.toContain('\n');
  }

  it.each([
    ['PORT', 'abc', /must be a port number between 1 and 65535\.$/],
    ['PORT', '0', /must be a port number between 1 and 65535\.$/],
    ['PORT', '70000', /must be a port number between 1 and 65535\.$/],
    ['PORT', '80.5', /must be a whole port number\.$/],
    ['MASTHEAD_URL', 'ftp://x', /must be an absolute http\(s\) URL such as https:\/\/example\.com\.$/],
    ['MASTHEAD_URL', 'news.example.org', /must be an absolute http\(s\) URL/],
    ['MASTHEAD_DEMO', 'maybe', /must be 1 or 0 \(true\/false, yes\/no\)\.$/],
  ])('refuses %s=%s with one sentence naming the variable, its value and what it expects', (variable, value, expects) => {
    const error = configError({ [variable]: value });
    expectOneSentence(error.message, variable);
    expect(error.message).toContain(`"${value}"`);
    expect(error.message).toMatch(expects);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL without repeating the password', () => {
    const error = configError({ DATABASE_URL: 'mysql://u:secret@h/db' });
    expectOneSentence(error.message, 'DATABASE_URL');
    expect(error.message).toContain('postgres://');
    expect(error.message).not.toContain('secret');
    expect(error.message).not.toContain('mysql://');
  });
  // 'LOG_LEVEL is set to "loud", but it must be Invalid option: expected one of "fatal"|"error"|...'.
  it('refuses LOG_LEVEL=loud with one sentence that lists the levels', () => {
    const error = configError({ LOG_LEVEL: 'loud' });
    expectOneSentence(error.message, 'LOG_LEVEL');
    expect(error.message).toContain('"loud"');
    expect(error.message).toMatch(/, but it must be [a-z]/);
    expect(error.message).not.toMatch(/invalid option|expected/i);
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) expect(error.message).toContain(level);
  });

  it('still names LOG_LEVEL and the allowed levels when it refuses one', () => {
    const error = configError({ LOG_LEVEL: 'loud' });
    expect(error.message.startsWith('LOG_LEVEL is set to "loud"')).toBe(true);
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) expect(error.message).toContain(level);
  });
});
