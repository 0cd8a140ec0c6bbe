import type { BodyNode } from '../../domain/content/body.js';

/**
 * Turns the demo's light inline markup into ProseMirror inline nodes:
 * _italic_, [text](url) and ^[footnote].
 */
const TOKEN = /\[([^\]]+)\]\(([^)\s]+)\)|\^\[([^\]]+)\]|_([^_]+)_/g;

export function inlineNodes(text: string): BodyNode[] {
  const out: BodyNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ type: 'text', text: text.slice(last, index) });
    const [, linkText, href, footnote, italic] = match;
    if (linkText !== undefined && href !== undefined)
      out.push({ type: 'text', text: linkText, marks: [{ type: 'link', attrs: { href } }] });
    else if (footnote !== undefined) out.push({ type: 'footnote', content: [{ type: 'text', text: footnote }] });
    else if (italic !== undefined) out.push({ type: 'text', text: italic, marks: [{ type: 'italic' }] });
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
