/**
 * Everything that reaches a person by link: password resets, invitations to
 * the newsroom, and preview links for drafts. Tokens are 256-bit secrets,
 * stored hashed, expiring, and (but previews) good for one use.
 */
import type { Actor, Role } from '../../domain/newsroom/roles.js';
import { ROLES, ROLE_NAMES, can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { hashSecret, newSecret } from '../../lib/tokens.js';
import { articleOwnership } from '../../storage/repositories/newsroom.js';
import { findLiveToken, insertToken, useToken } from '../../storage/repositories/tokens.js';
import { deleteSessionsOf, findCredentials, setPasswordHash } from '../../storage/repositories/users.js';
import { withTransaction } from '../../storage/transaction.js';
import type { ServiceDeps } from '../deps.js';
import type { Mailer } from '../mail/mailer.js';
import { createUser, normaliseEmail, requirePermission } from './accounts.js';
import { hashPassword } from './passwords.js';

export interface LinkDeps extends Pick<ServiceDeps, 'db' | 'clock'> {
  mailer: Mailer;
  publicUrl: string;
  publicationTitle: string;
}

const HOUR = 3_600_000;
export const LIFETIMES = { reset: 1 * HOUR, invite: 7 * 24 * HOUR, preview: 7 * 24 * HOUR } as const;

/** Always answers the same way, so nobody learns which addresses have accounts. */
export async function requestPasswordReset(deps: LinkDeps, email: string): Promise<void> {
  let address: string;
  try {
    address = normaliseEmail(email);
  } catch {
    return;
  }
  const account = await findCredentials(deps.db, address);
  if (!account || account.disabled) return;
  const token = newSecret();
  const now = deps.clock();
  await insertToken(deps.db, {
    hash: hashSecret(token),
    purpose: 'reset',
    userId: account.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + LIFETIMES.reset).toISOString(),
  });
  await deps.mailer.send({
    to: address,
    subject: `Reset your password for ${deps.publicationTitle}`,
    text: `Someone asked to reset the password of your ${deps.publicationTitle} newsroom account.\n\nTo choose a new password, open this link within an hour:\n${deps.publicUrl}/admin#/reset/${token}\n\nIf it was not you, ignore this message: your password stays as it is.`,
  });
}

export async function completePasswordReset(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await withTransaction(deps.db, async (trx) => {
    const now = deps.clock();
    const found = await findLiveToken(trx, hashSecret(token), 'reset', now);
    if (!found?.userId || !(await useToken(trx, hashSecret(token), now))) throw new MastheadError('TOKEN_INVALID');
    await setPasswordHash(trx, found.userId, hash);
    // Whoever knew the old password is signed out everywhere.
    await deleteSessionsOf(trx, found.userId);
  });
}

export async function inviteStaff(deps: LinkDeps, actor: Actor, input: { email: string; role: Role }): Promise<{ expiresAt: string }> {
  requirePermission(actor, can(actor, 'users.manage'), 'manage staff');
  if (!ROLES.includes(input.role))
    throw new MastheadError('VALIDATION_FAILED', { detail: `the role must be one of ${ROLES.join(', ')}` }, 'role');
  const email = normaliseEmail(input.email);
  if (await findCredentials(deps.db, email)) throw new MastheadError('EMAIL_TAKEN', { email }, 'email');
  const token = newSecret();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + LIFETIMES.invite).toISOString();
  await insertToken(deps.db, {
    hash: hashSecret(token),
    purpose: 'invite',
    email,
    role: input.role,
    createdBy: actor.id,
    createdAt: now.toISOString(),
    expiresAt,
  });
  await deps.mailer.send({
    to: email,
    subject: `You are invited to the ${deps.publicationTitle} newsroom`,
    text: `You have been invited to join the ${deps.publicationTitle} newsroom as ${ROLE_NAMES[input.role]}.\n\nTo accept and choose your password, open this link within seven days:\n${deps.publicUrl}/admin#/invite/${token}`,
  });
  return { expiresAt };
}

export async function acceptInvitation(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string, input: { name: string; password: string }) {
  return withTransaction(deps.db, async (trx) => {
    const now = deps.clock();
    const found = await findLiveToken(trx, hashSecret(token), 'invite', now);
    if (!found?.role || !(await useToken(trx, hashSecret(token), now))) throw new MastheadError('TOKEN_INVALID');
    return createUser(
      { db: trx, clock: deps.clock },
      { actor: null, email: found.email, name: input.name, role: found.role as Role, password: input.password },
    );
  });
}

/** A secret link that shows a draft as it will look, for a week. */
export async function createPreviewLink(deps: LinkDeps, actor: Actor, articleId: string): Promise<{ url: string; expiresAt: string }> {
  requirePermission(actor, can(actor, 'article.read'), 'read articles');
  if (!(await articleOwnership(deps.db, articleId))) throw new MastheadError('NOT_FOUND');
  const token = newSecret();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + LIFETIMES.preview).toISOString();
  await insertToken(deps.db, {
    hash: hashSecret(token),
    purpose: 'preview',
    articleId,
    createdBy: actor.id,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { url: `${deps.publicUrl}/preview/${token}`, expiresAt };
}

/** The article a preview token shows, while it is valid. */
export async function previewArticleId(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<string | null> {
  if (token.length < 20 || token.length > 100) return null;
  const found = await findLiveToken(deps.db, hashSecret(token), 'preview', deps.clock(), { reusable: true });
  return found?.articleId ?? null;
}
