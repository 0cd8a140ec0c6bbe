import { hash, verify } from '@node-rs/argon2';
import { MastheadError } from '../../errors.js';

export const MIN_PASSWORD_LENGTH = 10;

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended floor. */
export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new MastheadError('WEAK_PASSWORD', {}, 'password');
  if (password.length > 1024)
    throw new MastheadError('VALIDATION_FAILED', { detail: 'a password may be at most 1024 characters' }, 'password');
  return hash(password);
}

// Verifying against this when the address is unknown takes as long as a real check,
// so timing does not tell which addresses have accounts.
const DECOY = '$argon2id$v=19$m=19456,t=2,p=1$xzir3wck/q6V3QkUSD0TTQ$gbQsIxhcgLDiLMig3p0vMnmX6N/tHvTYzEMK35c0Z3o';

export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(stored ?? DECOY, password.slice(0, 1024));
    return stored !== null && ok;
  } catch {
    return false;
  }
}
