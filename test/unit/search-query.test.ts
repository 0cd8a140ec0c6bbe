import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_TERMS, parseSearchQuery } from '../../src/domain/search/query.js';
import { MATCH_END, MATCH_START, splitHighlighted, tidySnippet, withoutSentinels } from '../../src/domain/search/snippet.js';
import { searchPath } from '../../src/domain/search/search-path.js';
import { fts5Expression } from '../../src/storage/search/sqlite-search.js';
import { endOfDay, startOfDay } from '../../src/lib/zoned-day.js';

describe('the search syntax', () => {
  it('reads words, phrases, prefixes and exclusions, and drops stop words outside phrases', () => {
    expect(parseSearchQuery('Harbour "grain deal" harb* -ports the and')).toEqual({
      terms: [
        { kind: 'word', text: 'harbour' },
        { kind: 'phrase', words: ['grain', 'deal'] },
        { kind: 'prefix', text: 'harb' },
      ],
      excluded: [{ kind: 'word', text: 'ports' }],
    });
    expect(parseSearchQuery('“state of the union”').terms).toEqual([{ kind: 'phrase', words: ['state', 'of', 'the', 'union'] }]);
  });

  it('searches words joined by punctuation as a phrase', () => {
    expect(parseSearchQuery("covid-19 o'brien").terms).toEqual([
      { kind: 'phrase', words: ['covid', '19'] },
      { kind: 'phrase', words: ['o', 'brien'] },
    ]);
  });

  it('turns any syntax into plain words, and nothing into nothing', () => {
    expect(parseSearchQuery("'; drop table articles; --").terms).toEqual([
      { kind: 'word', text: 'drop' },
      { kind: 'word', text: 'table' },
      { kind: 'word', text: 'articles' },
    ]);
    expect(
      parseSearchQuery('NEAR(a b) headline:x {dek}:y ^z').terms.map((t) => (t.kind === 'phrase' ? t.words.join(' ') : t.text)),
    ).toEqual(['near a', 'b', 'headline x', 'dek y', 'z']);
    for (const empty of ['', '"', '"""', '*', '-', '--', '😀🔥', 'the of and', '-harbour', '\u0000\u0007']) {
      expect(parseSearchQuery(empty).terms, JSON.stringify(empty)).toEqual([]);
    }
    // A one-letter prefix would match half the dictionary: it is searched as the word.
    expect(parseSearchQuery('h*').terms).toEqual([{ kind: 'word', text: 'h' }]);
    expect(parseSearchQuery('"unbalanced phrase').terms).toEqual([{ kind: 'phrase', words: ['unbalanced', 'phrase'] }]);
  });

  it('caps the length, the number of terms and the length of a word', () => {
    expect(parseSearchQuery(`${'x'.repeat(5000)} harbour`).terms).toEqual([{ kind: 'word', text: 'x'.repeat(60) }]);
    const many = parseSearchQuery(Array.from({ length: 50 }, (_, i) => `word${i}`).join(' '));
    expect(many.terms.length).toBe(MAX_TERMS);
    expect(parseSearchQuery('a '.repeat(MAX_QUERY_CHARS) + 'late').terms).toEqual([]);
  });

  it('quotes every token for FTS5', () => {
    expect(fts5Expression(parseSearchQuery('harbour "grain deal" harb* -ports'))).toBe('("harbour" "grain deal" "harb"*) NOT "ports"');
  });
});

describe('snippets', () => {
  it('split highlighted text into segments and never leak a marker', () => {
    expect(splitHighlighted(`a ${MATCH_START}b${MATCH_END} c ${MATCH_START}d`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: 'd', match: true },
    ]);
    expect(tidySnippet(splitHighlighted(`\n x\n\ny ${MATCH_START}z${MATCH_END} \n`))).toEqual([
      { text: 'x y ', match: false },
      { text: 'z', match: true },
    ]);
    expect(withoutSentinels(`a${MATCH_START}\uE002b${MATCH_END}`)).toBe('ab');
  });
});

describe('search addresses and days', () => {
  it('keep the query and filters in a stable order', () => {
    expect(searchPath({ q: 'grain deal', section: 'europe', to: '2024-01-31', type: null }, 2)).toBe(
      '/search?q=grain+deal&section=europe&to=2024-01-31&page=2',
    );
    expect(searchPath({ q: '' })).toBe('/search');
  });

  it('read a day in the publication’s time zone, and refuse what is not a day', () => {
    expect(startOfDay('2026-07-01', 'Europe/London')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(endOfDay('2026-03-08', 'America/New_York')?.toISOString()).toBe('2026-03-09T03:59:59.999Z');
    for (const bad of ['2024-02-30', '2024-13-01', '24-01-01', 'yesterday', '0999-01-01']) expect(startOfDay(bad, 'UTC'), bad).toBeNull();
  });
});
