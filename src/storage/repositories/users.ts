import type { Selectable } from 'kysely';
import type { Role } from '../../domain/newsroom/roles.js';
import type { Db } from '../db.js';
import type { UserTable } from '../schema.js';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  authorId: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface Credentials extends StaffUser {
  passwordHash: string | null;
  failedLogins: number;
  lockedUntil: string | null;
}

function toUser(row: Selectable<UserTable>): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    authorId: row.author_id,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

export async function insertUser(
  db: Db,
  user: { id: string; email: string; name: string; role: Role; passwordHash: string | null; authorId?: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      author_id: user.authorId ?? null,
      failed_logins: 0,
      created_at: user.createdAt,
    })
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserById(db: Db, id: string): Promise<StaffUser | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findCredentials(db: Db, email: string): Promise<Credentials | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash, failedLogins: row.failed_logins, lockedUntil: row.locked_until } : null;
}

export async function listUsers(db: Db): Promise<StaffUser[]> {
  return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map(toUser);
}

export async function recordFailedLogin(db: Db, id: string, lockedUntil: string | null): Promise<number> {
  await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), ...(lockedUntil ? { locked_until: lockedUntil } : {}) }))
    .where('id', '=', id)
    .execute();
  const row = await db.selectFrom('users').select('failed_logins').where('id', '=', id).executeTakeFirstOrThrow();
  return row.failed_logins;
}

export async function lockUser(db: Db, id: string, until: string): Promise<void> {
  await db.updateTable('users').set({ locked_until: until }).where('id', '=', id).execute();
}

export async function clearFailedLogins(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Db, id: string, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function updateUserRole(db: Db, id: string, role: Role): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function insertSession(
  db: Db,
  s: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string; userAgent: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      user_agent: s.userAgent.slice(0, 300),
    })
    .execute();
}

export async function findSession(
  db: Db,
  id: string,
  now: Date,
): Promise<{ user: StaffUser; csrfToken: string; expiresAt: string } | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
