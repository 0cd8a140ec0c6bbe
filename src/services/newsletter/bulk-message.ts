/**
 * The issue's MIME message, built once per send and copied per reader.
 *
 * Why not let nodemailer build each message: it quoted-printable-encodes the
 * whole HTML for every recipient, about 3 ms of CPU per issue-sized mail,
 * which caps one process near 300 messages a second. Here the HTML is made
 * 7-bit safe once (non-ASCII as character references, lines under 998
 * octets) and cut into buffers around the reader's links, so a reader's copy
 * is those same buffers with their headers and links in between: nothing of
 * the 40 KB is copied or re-encoded per reader. The short plain-text part is
 * base64-encoded per reader.
 */
import { randomBytes } from 'node:crypto';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs/index.js';
import { escapeXmlAttr } from '../../lib/xml.js';
import type { ReaderLinks, RenderedIssue } from './render-issue.js';
import { READER_LINK_PLACEHOLDERS, personalize } from './render-issue.js';

export interface BulkTemplate {
  /** The HTML part's text between the reader's links, and which link follows each piece. */
  htmlPieces: Buffer[];
  htmlLinks: (keyof ReaderLinks)[];
  text: string;
  /** Header lines that are the same for every reader, already encoded and folded. */
  fixedHeaders: string;
  boundary: string;
}

/** HTML as 7-bit text: non-ASCII as numeric character references, long lines broken at a space. */
export function sevenBitHtml(html: string): string {
  const ascii = html.replace(/[\u0080-\u{10ffff}]/gu, (ch) => `&#${ch.codePointAt(0)};`).replace(/\r?\n/g, '\r\n');
  return ascii
    .split('\r\n')
    .map((line) => {
      if (line.length <= 900) return line;
      const out: string[] = [];
      let rest = line;
      while (rest.length > 900) {
        const cut = rest.lastIndexOf(' ', 900);
        // No space (a very long URL): leave it; 998 is the limit and nothing of ours gets there.
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out.join('\r\n');
    })
    .join('\r\n');
}

function header(name: string, value: string): string {
  return mimeFuncs.foldLines(`${name}: ${value}`, 76, false).replace(/\r?\n/g, '\r\n');
}

/** A display name and address as a From value, the name encoded when it is not plain ASCII. */
function mailbox(from: string): string {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(from);
  if (!match) return from.trim();
  const name = match[1]!.trim();
  if (!name) return `<${match[2]}>`;
  return /^[\x20-\x7e]*$/.test(name)
    ? `"${name.replace(/["\\]/g, '')}" <${match[2]}>`
    : `${mimeFuncs.encodeWords(name, 'Q', 52)} <${match[2]}>`;
}

export function bulkTemplate(rendered: RenderedIssue, options: { from: string; subject: string }): BulkTemplate {
  const subject = /^[\x20-\x7e]*$/.test(options.subject) ? options.subject : mimeFuncs.encodeWords(options.subject, 'Q', 52);
  const placeholders = Object.entries(READER_LINK_PLACEHOLDERS) as [keyof ReaderLinks, string][];
  const split = new RegExp(`(${placeholders.map(([, p]) => p).join('|')})`);
  const parts = sevenBitHtml(rendered.html).split(split);
  return {
    htmlPieces: parts.filter((_, i) => i % 2 === 0).map((piece) => Buffer.from(piece, 'latin1')),
    htmlLinks: parts.filter((_, i) => i % 2 === 1).map((p) => placeholders.find(([, q]) => q === p)![0]),
    text: rendered.text,
    fixedHeaders: [header('From', mailbox(options.from)), header('Subject', subject), 'MIME-Version: 1.0'].join('\r\n'),
    boundary: `----masthead-${randomBytes(12).toString('hex')}`,
  };
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** Where a sender builds its messages one after another, so 40 KB is not left to the garbage collector per reader. */
export interface MessageScratch {
  buffer: Buffer;
}

/**
 * One reader's complete message, ready for SMTP DATA. Every value must be
 * ASCII without line breaks. With `scratch`, the message is written into
 * that buffer (grown when too small) and the result is a view of it, valid
 * until the next call with the same scratch.
 */
export function bulkMessage(
  template: BulkTemplate,
  reader: { to: string; messageId: string; date: Date; headers: Record<string, string>; links: ReaderLinks },
  scratch?: MessageScratch,
): Buffer {
  const text = personalize({ html: '', text: template.text }, reader.links).text;
  const b = template.boundary;
  const date = reader.date.toUTCString().replace(/GMT$/, '+0000');
  const extra = Object.entries(reader.headers).map(([name, value]) => header(name, value));
  const head = [
    template.fixedHeaders,
    header('To', reader.to),
    `Date: ${date}`,
    `Message-ID: ${reader.messageId}`,
    ...extra,
    `Content-Type: multipart/alternative; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(text),
    `--${b}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    '',
  ].join('\r\n');
  const out: Buffer[] = [Buffer.from(head, 'latin1')];
  template.htmlPieces.forEach((piece, i) => {
    out.push(piece);
    const link = template.htmlLinks[i];
    if (link) out.push(Buffer.from(escapeXmlAttr(reader.links[link]), 'latin1'));
  });
  out.push(Buffer.from(`\r\n--${b}--\r\n`, 'latin1'));
  // One buffer, one write: a copy of 40 KB costs far less than a system call per piece.
  if (!scratch) return Buffer.concat(out);
  const length = out.reduce((sum, piece) => sum + piece.length, 0);
  if (scratch.buffer.length < length) scratch.buffer = Buffer.allocUnsafe(Math.ceil(length * 1.25));
  let at = 0;
  for (const piece of out) at += piece.copy(scratch.buffer, at);
  return scratch.buffer.subarray(0, length);
}
