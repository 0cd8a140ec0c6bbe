/**
 * A search snippet is data, never markup: runs of text, each marked as a
 * match or not. The databases highlight with two private-use characters
 * (never in indexed text: they are stripped on the way in), and we split on
 * them here, so the theme escapes every character the database returns.
 * The block U+E000 to U+E00F is reserved for such markers.
 */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

export type Snippet = SnippetSegment[];

export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

const RESERVED = /[\uE000-\uE00F]/g;

/** Text bound for the index: no marker can occur in it. */
export function withoutSentinels(text: string): string {
  return text.replace(RESERVED, '');
}

/** Splits highlighted text into segments; unbalanced sentinels never leak into the text. */
export function splitHighlighted(highlighted: string): Snippet {
  const segments: Snippet = [];
  let match = false;
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
    text = '';
  };
  for (const char of highlighted) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}

export function hasMatch(snippet: Snippet): boolean {
  return snippet.some((s) => s.match);
}

/** Tidies whitespace (line breaks between blocks) without moving a match boundary. */
export function tidySnippet(snippet: Snippet): Snippet {
  const out = snippet.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') })).filter((s) => s.text !== '');
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out.at(-1);
  if (last) last.text = last.text.trimEnd();
  return out.filter((s) => s.text !== '');
}
