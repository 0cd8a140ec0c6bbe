/**
 * Article bodies are ProseMirror documents stored as JSON, never as HTML.
 * These are the node and mark names the editor (Tiptap) writes and the theme
 * knows how to render; anything else is dropped on render.
 */
export interface BodyMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface BodyNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyNode[];
  text?: string;
  marks?: BodyMark[];
}

export interface BodyDoc extends BodyNode {
  type: 'doc';
  content: BodyNode[];
}

export const BLOCK_NODES = [
  'paragraph',
  'heading',
  'blockquote',
  'pullQuote',
  'bulletList',
  'orderedList',
  'listItem',
  'image',
  'embed',
  'horizontalRule',
] as const;
export const INLINE_NODES = ['text', 'hardBreak', 'footnote'] as const;
export const MARKS = ['bold', 'italic', 'link', 'code', 'strike', 'subscript', 'superscript'] as const;

export function emptyDoc(): BodyDoc {
  return { type: 'doc', content: [] };
}

export function isBodyDoc(value: unknown): value is BodyDoc {
  return typeof value === 'object' && value !== null && (value as BodyNode).type === 'doc' && Array.isArray((value as BodyNode).content);
}

/** Parses stored JSON; a damaged document reads as empty rather than failing the page. */
export function parseBody(json: string): BodyDoc {
  try {
    const value: unknown = JSON.parse(json);
    return isBodyDoc(value) ? value : emptyDoc();
  } catch {
    return emptyDoc();
  }
}

/** The plain words of a document, for word counts, excerpts and search. Footnotes excluded. */
export function bodyText(node: BodyNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'footnote') return '';
  const inner = (node.content ?? []).map(bodyText);
  const isBlock = node.type !== 'paragraph' && node.type !== 'heading';
  return inner.join(isBlock ? '\n' : '');
}

export function wordCount(doc: BodyDoc): number {
  const words = bodyText(doc).match(/[\p{L}\p{N}’'-]+/gu);
  return words ? words.length : 0;
}

/**
 * Links may point to the web, to mail, or within the site. Everything else
 * (javascript:, data:, vbscript:, protocol-relative tricks) is refused.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const value = href.trim();
  if (value === '' || value.length > 2048) return null;
  if (/^#[\w-]*$/.test(value)) return value;
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') return url.href;
  } catch {
    return null;
  }
  return null;
}

/** Ids of the library images a document places, in order. */
export function bodyImageIds(node: BodyNode): string[] {
  const own = node.type === 'image' && typeof node.attrs?.imageId === 'string' ? [node.attrs.imageId] : [];
  return [...own, ...(node.content ?? []).flatMap(bodyImageIds)];
}

export function containsNode(node: BodyNode, type: string): boolean {
  return node.type === type || (node.content ?? []).some((child) => containsNode(child, type));
}

const KNOWN_NODES = new Set<string>(['doc', ...BLOCK_NODES, ...INLINE_NODES]);
const KNOWN_MARKS = new Set<string>(MARKS);
const ATTRS: Record<string, readonly string[]> = {
  heading: ['level'],
  blockquote: ['attribution'],
  // `src` is the editor's preview only; the site always renders from imageId.
  image: ['imageId', 'src', 'caption', 'credit', 'alt'],
  // The editor keeps a note's text in an attribute; older documents keep it as content.
  footnote: ['text'],
  embed: ['url', 'title'],
  orderedList: ['start'],
};

/**
 * What the editor sends is cleaned before it is stored: unknown nodes and
 * marks go, links keep only safe addresses, attributes only the known ones,
 * and text only text. Returns the clean document and what was removed.
 */
export function cleanBody(input: BodyNode): { doc: BodyDoc; removed: string[] } {
  const removed: string[] = [];
  const clean = (node: BodyNode): BodyNode | null => {
    if (!KNOWN_NODES.has(node.type)) {
      removed.push(`node:${String(node.type)}`);
      return null;
    }
    if (node.type === 'text') {
      if (typeof node.text !== 'string' || node.text === '') return null;
      const marks = (node.marks ?? []).flatMap((mark): BodyMark[] => {
        if (!KNOWN_MARKS.has(mark.type)) {
          removed.push(`mark:${String(mark.type)}`);
          return [];
        }
        if (mark.type !== 'link') return [{ type: mark.type }];
        const href = safeHref(mark.attrs?.href);
        if (!href) {
          removed.push('link:unsafe-href');
          return [];
        }
        return [{ type: 'link', attrs: { href } }];
      });
      return marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
    }
    const allowed = ATTRS[node.type] ?? [];
    const attrs = Object.fromEntries(
      Object.entries(node.attrs ?? {}).filter(
        ([key, value]) => allowed.includes(key) && (typeof value === 'string' || typeof value === 'number'),
      ),
    );
    const out: BodyNode = { type: node.type };
    if (Object.keys(attrs).length > 0) out.attrs = attrs;
    if (Array.isArray(node.content)) out.content = node.content.map(clean).filter((n): n is BodyNode => n !== null);
    return out;
  };
  const root = clean({ ...input, type: 'doc' });
  return { doc: { type: 'doc', content: root?.content ?? [] }, removed };
}
