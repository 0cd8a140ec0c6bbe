/**
 * The reader's search syntax, and the one place untrusted input becomes a
 * search. Whatever is typed — quotes, operators, SQL, FTS5 syntax, emoji,
 * megabytes — comes out as a small list of plain words, phrases and prefixes
 * that each database quotes for itself; nothing the reader types reaches a
 * query language as syntax.
 *
 *   harbour cranes     both words, anywhere in the piece
 *   "grain deal"       the words together, in this order
 *   harb*              any word starting with "harb"
 *   -ports             pieces without this word (only next to a positive term)
 *   covid-19, o'brien  words joined by punctuation are searched as a phrase
 */

export type SearchTerm = { kind: 'word'; text: string } | { kind: 'prefix'; text: string } | { kind: 'phrase'; words: string[] };

export interface SearchQuery {
  /** All must match. */
  terms: SearchTerm[];
  /** None may match; ignored when there is no positive term. */
  excluded: SearchTerm[];
}

/** Longer input is cut here: no one types more, and pasted text is not a query. */
export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 8;
export const MAX_EXCLUDED = 4;
const MAX_PHRASE_WORDS = 8;
const MAX_WORD_CHARS = 60;
const MIN_PREFIX_CHARS = 2;

/**
 * PostgreSQL's English stop words (Snowball's list). They are dropped from
 * free words on both databases, so "cats and dogs" means the same everywhere;
 * inside a quoted phrase they stay.
 */
const STOP_WORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself ' +
    'it its itself they them their theirs themselves what which who whom this that these those am is are was were be ' +
    'been being have has had having do does did doing a an the and but if or because as until while of at by for with ' +
    'about against between into through during before after above below to from up down in out on off over under again ' +
    'further then once here there when where why how all any both each few more most other some such no nor not only own ' +
    'same so than too very s t can will just don should now'
  ).split(' '),
);

const QUOTES = /[“”„‟″«»]/g;
// A word is letters, digits and combining marks, with at least one letter or digit.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// A quoted run (closing quote optional: an unbalanced quote runs to the end), or a run of anything else.
const TOKEN = /(-?)"([^"]*)"?|[^\s"]+/gu;

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((w) => HAS_LETTER_OR_DIGIT.test(w)).map((w) => w.slice(0, MAX_WORD_CHARS));
}

function termKey(term: SearchTerm): string {
  return term.kind === 'phrase' ? `"${term.words.join(' ')}"` : term.kind === 'prefix' ? `${term.text}*` : term.text;
}

/** Turns what a reader typed into a query; an empty `terms` list means there is nothing to look for. */
export function parseSearchQuery(input: string): SearchQuery {
  const text = input
    .slice(0, MAX_QUERY_CHARS * 2)
    .normalize('NFKC')
    .slice(0, MAX_QUERY_CHARS)
    .toLowerCase()
    .replace(QUOTES, '"');
  const terms = new Map<string, SearchTerm>();
  const excluded = new Map<string, SearchTerm>();
  for (const match of text.matchAll(TOKEN)) {
    const quoted = match[2];
    let negative: boolean;
    let term: SearchTerm | null;
    if (quoted !== undefined) {
      negative = match[1] === '-';
      const words = wordsOf(quoted).slice(0, MAX_PHRASE_WORDS);
      term = words.length === 0 ? null : words.length === 1 ? { kind: 'word', text: words[0]! } : { kind: 'phrase', words };
    } else {
      const raw = match[0];
      negative = raw.length > 1 && raw.startsWith('-');
      const body = negative ? raw.slice(1) : raw;
      const words = wordsOf(body).slice(0, MAX_PHRASE_WORDS);
      const isPrefix = body.endsWith('*') && words.length === 1 && words[0]!.length >= MIN_PREFIX_CHARS;
      if (words.length === 0) term = null;
      else if (words.length > 1) term = { kind: 'phrase', words };
      else if (isPrefix) term = { kind: 'prefix', text: words[0]! };
      else term = STOP_WORDS.has(words[0]!) ? null : { kind: 'word', text: words[0]! };
    }
    if (!term) continue;
    const into = negative ? excluded : terms;
    if (into.size < (negative ? MAX_EXCLUDED : MAX_TERMS)) into.set(termKey(term), term);
  }
  return { terms: [...terms.values()], excluded: terms.size > 0 ? [...excluded.values()] : [] };
}

export function isEmptyQuery(query: SearchQuery): boolean {
  return query.terms.length === 0;
}
