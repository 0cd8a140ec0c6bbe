/**
 * The inbound side of the `mailto:` in List-Unsubscribe: a reader's mail
 * whose Subject says `unsubscribe <token>` unsubscribes the subscriber the
 * token names. The token decides, never the From address (anyone can write
 * any From), and it is checked exactly as the HTTPS link checks it: the
 * same signature, the same purposes (an unsubscribe or a preferences
 * token) and the same lifetime, five years from the send, so a mailto in an
 * old issue keeps working as long as its HTTPS twin.
 *
 * Anything else, including no mail at all, is answered and changes nothing:
 * the MTA that pipes mail here must never bounce a reader's message.
 */
import { simpleParser } from 'mailparser';
import { MastheadError } from '../../errors.js';
import { unsubscribeSubscriber } from '../../storage/repositories/subscribers.js';
import type { Subscriber, SubscriberStatus } from '../../storage/repositories/subscribers.js';
import type { ServiceDeps } from '../deps.js';
import { subscriberOfLink } from './subscriptions.js';

export type MailUnsubscribeOutcome =
  | { kind: 'unsubscribed'; subscriberId: string; email: string }
  /** The token is good but the reader had already left (or their address bounced): nothing changed. */
  | { kind: 'already-unsubscribed'; subscriberId: string; email: string; status: SubscriberStatus }
  | { kind: 'not-an-unsubscribe'; reason: string }
  /** Forged, altered, expired, or naming a subscriber who no longer exists. */
  | { kind: 'token-invalid' };

/** Headers beyond this are not read: a real header block is a few kilobytes, and the Subject comes early. */
export const MAX_HEADER_BYTES = 64 * 1024;

/**
 * Dotted words like signLink's `<subscriberId>.<expiry>.<signature>`: loose on
 * purpose, so an altered token is answered as a bad token (verifyLink
 * decides), not as "no token".
 */
const TOKEN_SHAPE = /^(?=.{5,200}$)[A-Za-z0-9_~-]+(?:\.[A-Za-z0-9_~-]+){2,}$/;

/**
 * The header block: up to the first empty line, at most MAX_HEADER_BYTES,
 * without an mbox `From ` envelope line (procmail and Postfix's `pipe` with
 * flag F put one first). The body is never parsed: it may be megabytes, and
 * the request is in the Subject.
 */
function headerBlock(raw: Buffer): Buffer {
  let head = raw.subarray(0, MAX_HEADER_BYTES);
  if (head.subarray(0, 5).toString('latin1') === 'From ') {
    const eol = head.indexOf(0x0a);
    head = eol === -1 ? Buffer.alloc(0) : head.subarray(eol + 1);
  }
  const crlf = head.indexOf('\r\n\r\n');
  const lf = head.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i !== -1);
  return ends.length > 0 ? head.subarray(0, Math.min(...ends)) : head;
}

async function subjectOf(raw: Buffer): Promise<string | null> {
  try {
    // mailparser unfolds the header and decodes RFC 2047 words (a token split over two words joins up).
    const mail = await simpleParser(Buffer.concat([headerBlock(raw), Buffer.from('\r\n\r\n')]), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
    return typeof mail.subject === 'string' ? mail.subject : null;
  } catch {
    return null;
  }
}

/**
 * The token-shaped words that follow "unsubscribe" in the subject, in order.
 * Tolerates "Re:"/"Fwd:"/"[External]" prefixes, any case, runs of any
 * whitespace, a colon, and a subject a client left percent-encoded as it
 * was in the mailto link.
 */
export function tokensInSubject(subject: string): string[] {
  let text = subject;
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // A lone "%" in an ordinary subject: read it as written.
    }
  }
  const found: string[] = [];
  for (const match of text.matchAll(/unsubscribe[\s:=]+(?=(\S+))/giu)) {
    const word = (match[1] ?? '').replace(/^[<"'([]+|[>"')\],;.!?]+$/g, '');
    if (TOKEN_SHAPE.test(word) && !found.includes(word)) found.push(word);
    if (found.length === 3) break;
  }
  return found;
}

/** The subscriber a token names, by the HTTPS link's rules; null for any token it would refuse. */
async function subscriberOfToken(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<Subscriber | null> {
  try {
    return await subscriberOfLink(deps, token);
  } catch (error) {
    if (error instanceof MastheadError && error.code === 'TOKEN_INVALID') return null;
    throw error;
  }
}

/**
 * Reads one raw RFC 5322 message and, when it is an unsubscribe request
 * with a genuine token, unsubscribes that subscriber (recorded as by
 * `mail`). Idempotent. Throws only when the database fails, so the caller
 * can ask the MTA to try again later.
 */
export async function unsubscribeByMail(deps: Pick<ServiceDeps, 'db' | 'clock'>, raw: Buffer): Promise<MailUnsubscribeOutcome> {
  const subject = await subjectOf(raw);
  if (subject === null || subject.trim() === '') return { kind: 'not-an-unsubscribe', reason: 'the message has no subject' };
  const tokens = tokensInSubject(subject);
  if (tokens.length === 0)
    return {
      kind: 'not-an-unsubscribe',
      reason: /unsubscribe/i.test(subject)
        ? 'the subject asks to unsubscribe but carries no token'
        : 'the subject is not an unsubscribe request',
    };
  for (const token of tokens) {
    const subscriber = await subscriberOfToken(deps, token);
    if (!subscriber) continue;
    const result = await unsubscribeSubscriber(deps.db, subscriber.id, deps.clock().toISOString(), 'mail');
    const now = result?.subscriber ?? subscriber;
    if (result?.changed) return { kind: 'unsubscribed', subscriberId: now.id, email: now.email };
    return { kind: 'already-unsubscribed', subscriberId: now.id, email: now.email, status: now.status };
  }
  return { kind: 'token-invalid' };
}
