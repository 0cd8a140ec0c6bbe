/**
 * The unsubscribe links and headers every newsletter mail carries:
 * `List-Unsubscribe` with an HTTPS and a mailto link (RFC 2369),
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058) so mail
 * clients can unsubscribe with one POST and no sign-in, and `List-Id`
 * (RFC 2919) so readers can filter the list.
 *
 * Pure functions over a context read once per send (`unsubscribeContext`):
 * signing a link per recipient must not touch the database.
 */
import type { Db } from '../../storage/db.js';
import { linkSecret, signLink } from './signed-links.js';

export interface UnsubscribeContext {
  /** The link-signing secret, from `linkSecret(db)`. */
  secret: Buffer;
  /** The site's public address without a trailing slash, e.g. `https://example.com`. */
  publicUrl: string;
  /** The mailbox for `mailto:` unsubscribes: a bare address or `Name <address>` (the From of the mail). */
  mailbox: string;
  /** The publication's name, shown in `List-Id`; defaults to "Weekly round-up". */
  listName?: string;
}

export interface UnsubscribeLinks {
  /** The page with a confirm button (GET) and the one-click target (POST). */
  https: string;
  /** A mailto link whose subject names the subscriber by a signed token. */
  mailto: string;
  /** Where RFC 8058 one-click POSTs `List-Unsubscribe=One-Click`: the same URL as `https`. */
  oneClickUrl: string;
  /** The preferences page (change address or leave), for the mail's footer. */
  preferences: string;
}

export interface ListUnsubscribeHeaders {
  'List-Unsubscribe': string;
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click';
  'List-Id': string;
  [name: string]: string;
}

/** Reads the signing secret once; pass the result to the functions below for every recipient. */
export async function unsubscribeContext(
  deps: { db: Db; config: { publicUrl: string } },
  mailbox: string,
  listName?: string,
): Promise<UnsubscribeContext> {
  return { secret: await linkSecret(deps.db), publicUrl: deps.config.publicUrl.replace(/\/+$/, ''), mailbox, listName };
}

/** The bare address inside `Name <address>`, or the input when it is already bare. */
function bareAddress(mailbox: string): string {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(mailbox);
  return (match?.[1] ?? mailbox).trim();
}

/** The signed preferences page of one reader (also in the "already subscribed" mail). */
export function preferencesLink(ctx: Pick<UnsubscribeContext, 'secret' | 'publicUrl'>, subscriberId: string, now: Date): string {
  return `${ctx.publicUrl}/newsletter/preferences?token=${encodeURIComponent(signLink(ctx.secret, 'preferences', subscriberId, now))}`;
}

export function unsubscribeLinks(ctx: UnsubscribeContext, subscriberId: string, now: Date): UnsubscribeLinks {
  const token = signLink(ctx.secret, 'unsubscribe', subscriberId, now);
  const https = `${ctx.publicUrl}/newsletter/unsubscribe?token=${encodeURIComponent(token)}`;
  const preferences = preferencesLink(ctx, subscriberId, now);
  const mailto = `mailto:${bareAddress(ctx.mailbox)}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
  return { https, mailto, oneClickUrl: https, preferences };
}

/** `List-Id: "Name" <round-up.host>`: the label is stable per site, the phrase cannot break the header. */
export function listId(ctx: Pick<UnsubscribeContext, 'publicUrl' | 'listName'>): string {
  const host = new URL(ctx.publicUrl).hostname.replace(/[^a-zA-Z0-9.-]/g, '') || 'localhost';
  const name = (ctx.listName ?? 'Weekly round-up').replace(/[\r\n"\\<>]/g, ' ').trim() || 'Weekly round-up';
  return `"${name}" <round-up.${host}>`;
}

/** Pass `links` when the caller already signed them for this reader (the send loop does, for the footer). */
export function listUnsubscribeHeaders(
  ctx: UnsubscribeContext,
  subscriberId: string,
  now: Date,
  links: UnsubscribeLinks = unsubscribeLinks(ctx, subscriberId, now),
): ListUnsubscribeHeaders {
  return {
    'List-Unsubscribe': `<${links.https}>, <${links.mailto}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': listId(ctx),
  };
}
