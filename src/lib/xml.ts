/**
 * A small XML writer for feeds and sitemaps. Documents are built as trees and
 * serialized in one place, so every text and attribute value is escaped by
 * construction: no caller ever concatenates markup.
 */

export type XmlAttrs = Record<string, string | number | undefined | null>;

export interface XmlElement {
  readonly name: string;
  readonly attrs: XmlAttrs;
  readonly children: readonly XmlChild[];
}

/** Text, an element, a list of them, or nothing (skipped: handy for optional fields). */
export type XmlChild = XmlElement | string | number | null | undefined | false | readonly XmlChild[];

export function el(name: string, attrs: XmlAttrs = {}, ...children: XmlChild[]): XmlElement {
  return { name, attrs, children };
}

/** Characters XML 1.0 cannot carry at all, even escaped (C0 controls, unpaired surrogates, U+FFFE/F). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttr(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function flatten(children: readonly XmlChild[], out: (XmlElement | string)[] = []): (XmlElement | string)[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child as readonly XmlChild[], out);
    else if (typeof child === 'number') out.push(String(child));
    else out.push(child as XmlElement | string);
  }
  return out;
}

function write(node: XmlElement, depth: number, out: string[]): void {
  let open = `<${node.name}`;
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined || value === null) continue;
    open += ` ${name}="${escapeXmlAttr(String(value))}"`;
  }
  const children = flatten(node.children);
  if (children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  // Elements holding only elements are indented; anything with text is written inline, exactly.
  const block = children.every((c) => typeof c !== 'string');
  out.push(`${open}>`);
  for (const child of children) {
    if (typeof child === 'string') {
      out.push(escapeXmlText(child));
    } else {
      if (block) out.push(`\n${'  '.repeat(depth + 1)}`);
      write(child, depth + 1, out);
    }
  }
  if (block) out.push(`\n${'  '.repeat(depth)}`);
  out.push(`</${node.name}>`);
}

/** A complete UTF-8 document with its XML declaration. */
export function xmlDocument(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, 0, out);
  out.push('\n');
  return out.join('');
}
