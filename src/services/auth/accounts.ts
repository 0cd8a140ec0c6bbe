import type { Actor, Role } from '../../domain/newsroom/roles.js';
import { ROLES, can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { countUsers, findCredentials, insertUser, listUsers, updateUserRole } from '../../storage/repositories/users.js';
import type { StaffUser } from '../../storage/repositories/users.js';
import type { ServiceDeps } from '../deps.js';
import { hashPassword } from './passwords.js';

export function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (value.length > 254 || !/^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+$/.test(value)) {
    throw new MastheadError('VALIDATION_FAILED', { detail: 'that is not an email address' }, 'email');
  }
  return value;
}

export function requirePermission(actor: Actor, allowed: boolean, action: string): void {
  if (!allowed) throw new MastheadError('FORBIDDEN', { role: actor.role, action }, undefined);
}

/**
 * Creates a staff account. `actor` null means the operator at the command line
 * (or the setup screen while no account exists): they may create any role.
 */
export async function createUser(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  input: { actor: Actor | null; email: string; name: string; role: Role; password: string | null; authorId?: string | null },
): Promise<StaffUser> {
  if (input.actor) requirePermission(input.actor, can(input.actor, 'users.manage'), 'manage staff');
  if (!ROLES.includes(input.role))
    throw new MastheadError('VALIDATION_FAILED', { detail: `the role must be one of ${ROLES.join(', ')}` }, 'role');
  const email = normaliseEmail(input.email);
  const name = input.name.trim() || email.split('@')[0] || email;
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  if (await findCredentials(deps.db, email)) throw new MastheadError('EMAIL_TAKEN', { email }, 'email');
  const user = {
    id: newId(),
    email,
    name,
    role: input.role,
    passwordHash,
    authorId: input.authorId ?? null,
    createdAt: deps.clock().toISOString(),
  };
  await insertUser(deps.db, user);
  return { id: user.id, email, name, role: input.role, authorId: user.authorId, disabled: false, createdAt: user.createdAt };
}

/** The setup screen's one job: the first administrator, only while there is nobody. */
export async function createFirstAdmin(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  input: { email: string; name: string; password: string },
): Promise<StaffUser> {
  if ((await countUsers(deps.db)) > 0) throw new MastheadError('SETUP_DONE');
  return createUser(deps, { actor: null, ...input, role: 'admin' });
}

export async function listStaff(deps: Pick<ServiceDeps, 'db'>, actor: Actor): Promise<StaffUser[]> {
  requirePermission(actor, can(actor, 'users.manage'), 'manage staff');
  return listUsers(deps.db);
}

export async function changeRole(deps: Pick<ServiceDeps, 'db'>, actor: Actor, userId: string, role: Role): Promise<void> {
  requirePermission(actor, can(actor, 'users.manage'), 'manage staff');
  if (!ROLES.includes(role))
    throw new MastheadError('VALIDATION_FAILED', { detail: `the role must be one of ${ROLES.join(', ')}` }, 'role');
  await updateUserRole(deps.db, userId, role);
}
