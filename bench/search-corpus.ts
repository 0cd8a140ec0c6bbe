/**
 * A made-up archive for the search benchmark: deterministic (seeded), with
 * English stop words between invented words drawn from a Zipf distribution,
 * as words are in real text — a few words are in most pieces, most in few —
 * and, as in real text, set phrases (names, "prime minister") that recur.
 */
import { newId } from '../src/lib/ids.js';
import type { BulkArticle } from '../test/helpers/bulk-articles.js';

export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ba ro ke lin sa tor mi ven da lu por nes ka tri mo gal re fen zu ash hol dur pe sim ra bel co vin ta mer ul gro ne pri so lam ti dro ve kas'.split(
    ' ',
  );
export const STOP =
  'the of and to a in that is was for on it with as by at from this be are have has or an not but which were they their his her its been had will would there who more also about into than after'.split(
    ' ',
  );

export interface Taxonomy {
  sections: string[];
  types: string[];
  authors: { id: string; name: string }[];
  topics: string[];
}

export class Corpus {
  readonly random: () => number;
  readonly vocabulary: string[];
  /** Set phrases of two or three words, themselves Zipf-distributed. */
  readonly phrases: string[];
  private readonly cumulative: Float64Array;
  private readonly phraseCumulative: Float64Array;

  constructor(seed: number, vocabularySize = 30_000) {
    this.random = seeded(seed);
    const words = new Set<string>();
    while (words.size < vocabularySize) {
      const n = 2 + Math.floor(this.random() * 3);
      let w = '';
      for (let i = 0; i < n; i++) w += this.pick(SYLLABLES);
      words.add(w);
    }
    this.vocabulary = [...words];
    // Zipf with exponent 1: the word of rank r turns up in proportion to 1/r.
    this.cumulative = new Float64Array(vocabularySize);
    let sum = 0;
    for (let i = 0; i < vocabularySize; i++) this.cumulative[i] = sum += 1 / (i + 1);
    for (let i = 0; i < vocabularySize; i++) this.cumulative[i]! /= sum;
    this.phrases = Array.from({ length: 3000 }, () => Array.from({ length: this.random() < 0.3 ? 3 : 2 }, () => this.word()).join(' '));
    this.phraseCumulative = new Float64Array(this.phrases.length);
    sum = 0;
    for (let i = 0; i < this.phrases.length; i++) this.phraseCumulative[i] = sum += 1 / (i + 1);
    for (let i = 0; i < this.phrases.length; i++) this.phraseCumulative[i]! /= sum;
  }

  private zipfIndex(cumulative: Float64Array): number {
    const x = this.random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  phrase(): string {
    return this.phrases[this.zipfIndex(this.phraseCumulative)]!;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  word(): string {
    return this.vocabulary[this.zipfIndex(this.cumulative)]!;
  }

  /** Text with about four in ten words stop words, as in English prose, and a set phrase now and then. */
  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const x = this.random();
      out.push(x < 0.4 ? this.pick(STOP) : x < 0.43 ? this.phrase() : this.word());
    }
    return out.join(' ');
  }

  name(): string {
    const part = (): string => {
      const w = this.pick(SYLLABLES) + this.pick(SYLLABLES) + (this.random() < 0.5 ? this.pick(SYLLABLES) : '');
      return w[0]!.toUpperCase() + w.slice(1);
    };
    return `${part()} ${part()}`;
  }

  article(i: number, taxonomy: Taxonomy, from: number, to: number): BulkArticle {
    const headline = this.words(this.int(5, 11));
    const authors = this.random() < 0.2 ? [this.pick(taxonomy.authors), this.pick(taxonomy.authors)] : [this.pick(taxonomy.authors)];
    return {
      id: newId(),
      slug: `bench-${i}`,
      sectionId: this.pick(taxonomy.sections),
      typeId: this.pick(taxonomy.types),
      kicker: this.random() < 0.5 ? this.words(this.int(1, 3)) : '',
      headline: headline[0]!.toUpperCase() + headline.slice(1),
      dek: this.words(this.int(12, 24)),
      paragraphs: Array.from({ length: this.int(3, 8) }, () => `${this.words(this.int(25, 60))}.`),
      publishedAt: new Date(from + this.random() * (to - from)).toISOString(),
      authorIds: [...new Set(authors.map((a) => a.id))],
      topicIds: [...new Set(Array.from({ length: this.int(0, 3) }, () => this.pick(taxonomy.topics)))],
    };
  }
}
