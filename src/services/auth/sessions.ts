import { MastheadError } from '../../errors.js';
import { hashSecret, newSecret } from '../../lib/tokens.js';
import {
  clearFailedLogins,
  deleteSession,
  findCredentials,
  findSession,
  insertSession,
  lockUser,
  recordFailedLogin,
} from '../../storage/repositories/users.js';
import type { StaffUser } from '../../storage/repositories/users.js';
import type { ServiceDeps } from '../deps.js';
import { normaliseEmail } from './accounts.js';
import { checkPassword } from './passwords.js';

export const SESSION_DAYS = 14;
/** Failed sign-ins in a row before the account locks, and for how long. */
export const LOCKOUT = { attempts: 10, minutes: 15 } as const;

const minutes = (n: number): string => (n === 1 ? '1 minute' : `${n} minutes`);

export interface SignedIn {
  user: StaffUser;
  /** The cookie's value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Checks a password and opens a session. Ten wrong passwords in a row lock
 * the account for fifteen minutes, whoever is trying; the answer for an
 * unknown address is the same as for a wrong password.
 */
export async function signIn(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  input: { email: string; password: string; userAgent?: string },
): Promise<SignedIn> {
  const now = deps.clock();
  let email: string;
  try {
    email = normaliseEmail(input.email);
  } catch {
    throw new MastheadError('SIGN_IN_FAILED');
  }
  const account = await findCredentials(deps.db, email);
  if (account?.lockedUntil && Date.parse(account.lockedUntil) > now.getTime()) {
    throw new MastheadError('ACCOUNT_LOCKED', { minutes: minutes(Math.ceil((Date.parse(account.lockedUntil) - now.getTime()) / 60_000)) });
  }
  // A lock that has run out starts the count again.
  if (account?.lockedUntil) {
    await clearFailedLogins(deps.db, account.id);
    account.failedLogins = 0;
    account.lockedUntil = null;
  }
  const ok = await checkPassword(account?.passwordHash ?? null, input.password);
  if (!account || !ok || account.disabled) {
    if (account) {
      const failures = await recordFailedLogin(deps.db, account.id, null);
      if (failures >= LOCKOUT.attempts) {
        await lockUser(deps.db, account.id, new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString());
        throw new MastheadError('ACCOUNT_LOCKED', { minutes: minutes(LOCKOUT.minutes) });
      }
    }
    throw new MastheadError('SIGN_IN_FAILED');
  }
  if (account.failedLogins > 0 || account.lockedUntil) await clearFailedLogins(deps.db, account.id);
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await insertSession(deps.db, {
    id: hashSecret(token),
    userId: account.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt,
    userAgent: input.userAgent ?? '',
  });
  const { passwordHash: _hash, failedLogins: _failed, lockedUntil: _locked, ...user } = account;
  return { user, token, csrfToken, expiresAt };
}

export async function resolveSession(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  token: string,
): Promise<{ user: StaffUser; csrfToken: string } | null> {
  if (token.length < 20 || token.length > 100) return null;
  return findSession(deps.db, hashSecret(token), deps.clock());
}

export async function signOut(deps: Pick<ServiceDeps, 'db'>, token: string): Promise<void> {
  await deleteSession(deps.db, hashSecret(token));
}
