/**
 * Signed links for subscribers: confirming a signup, unsubscribing, managing
 * preferences. No sign-in and nothing stored per link: an HMAC-SHA256 over
 * the purpose, the subscriber and an expiry, with a secret kept in settings.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../storage/db.js';
import { readSettings, writeSetting } from '../../storage/repositories/settings.js';

export type LinkPurpose = 'confirm' | 'unsubscribe' | 'preferences';

/** How long each kind of link works. Unsubscribe links in sent mail must work for years. */
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  confirm: 7 * 24 * 3_600_000,
  unsubscribe: 5 * 365 * 24 * 3_600_000,
  preferences: 5 * 365 * 24 * 3_600_000,
};

const SECRET_KEY = 'secret.newsletterLinks';

/** The signing secret, made on first use and shared by every node through the database. */
export async function linkSecret(db: Db): Promise<Buffer> {
  const existing = (await readSettings(db)).get(SECRET_KEY);
  if (typeof existing === 'string' && existing.length >= 43) return Buffer.from(existing, 'base64url');
  const created = randomBytes(32).toString('base64url');
  // Two nodes racing both write; the last one wins and both read it back next time.
  await writeSetting(db, SECRET_KEY, created);
  const stored = (await readSettings(db)).get(SECRET_KEY);
  return Buffer.from(typeof stored === 'string' ? stored : created, 'base64url');
}

function mac(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A token for the link: `<subscriberId>.<expiry in base36>.<signature>`. */
export function signLink(secret: Buffer, purpose: LinkPurpose, subscriberId: string, now: Date): string {
  const expires = (now.getTime() + LINK_LIFETIME_MS[purpose]).toString(36);
  return `${subscriberId}.${expires}.${mac(secret, `${purpose}.${subscriberId}.${expires}`)}`;
}

/** The subscriber a token names, if it is genuine, for this purpose, and not expired. */
export function verifyLink(secret: Buffer, purpose: LinkPurpose, token: string, now: Date): string | null {
  if (token.length > 200) return null;
  const [subscriberId, expires, signature, extra] = token.split('.');
  if (!subscriberId || !expires || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, `${purpose}.${subscriberId}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const expiry = parseInt(expires, 36);
  if (!Number.isFinite(expiry) || expiry < now.getTime()) return null;
  return subscriberId;
}
