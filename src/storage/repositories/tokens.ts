/** One-time tokens (password resets, invitations, preview links), stored by hash. */
import type { Db } from '../db.js';

export type TokenPurpose = 'reset' | 'invite' | 'preview';

export interface OneTimeToken {
  purpose: TokenPurpose;
  userId: string | null;
  email: string;
  role: string | null;
  articleId: string | null;
  expiresAt: string;
}

export async function insertToken(
  db: Db,
  t: {
    hash: string;
    purpose: TokenPurpose;
    userId?: string | null;
    email?: string;
    role?: string | null;
    articleId?: string | null;
    createdBy?: string | null;
    createdAt: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('one_time_tokens')
    .values({
      id: t.hash,
      purpose: t.purpose,
      user_id: t.userId ?? null,
      email: t.email ?? '',
      role: t.role ?? null,
      article_id: t.articleId ?? null,
      created_by: t.createdBy ?? null,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
    })
    .execute();
}

/** A live token of the given purpose: not expired and, unless reusable, not used. */
export async function findLiveToken(
  db: Db,
  hash: string,
  purpose: TokenPurpose,
  now: Date,
  options: { reusable?: boolean } = {},
): Promise<OneTimeToken | null> {
  let query = db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('id', '=', hash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now.toISOString());
  if (!options.reusable) query = query.where('used_at', 'is', null);
  const row = await query.executeTakeFirst();
  return row
    ? { purpose, userId: row.user_id, email: row.email, role: row.role, articleId: row.article_id, expiresAt: row.expires_at }
    : null;
}

/** Marks a token used; false when someone used it first (so it works exactly once). */
export async function useToken(db: Db, hash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
