/**
 * How a subscriber left: `link` (the HTTPS page or an RFC 8058 one-click
 * POST), `mail` (the `mailto:` in List-Unsubscribe, read by
 * `masthead newsletter inbound`) or `import`. Schema only: readers who left
 * before this column existed keep null, "not recorded".
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was, not as schema.ts says it is now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('subscribers').addColumn('unsubscribed_via', 'text').execute();
}
