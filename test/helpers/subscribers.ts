/** Confirmed subscribers in bulk, straight into the table (signing up 1,000 by HTTP is not what these tests test). */
import type { Db } from '../../src/storage/db.js';

export async function insertSubscribers(
  db: Db,
  count: number,
  options: { prefix?: string; status?: string; now?: Date; chunk?: number } = {},
): Promise<{ id: string; email: string }[]> {
  const now = (options.now ?? new Date()).toISOString();
  const prefix = options.prefix ?? 'reader';
  const row = (i: number) => {
    const n = String(i).padStart(6, '0');
    return {
      id: `${prefix}-${n}`,
      email: `${prefix}-${n}@inbox.example.test`,
      status: options.status ?? 'confirmed',
      consent_at: now,
      consent_source: '/newsletter',
      consent_text: 'Subscribe to our weekly round-up',
      confirmed_at: now,
      unsubscribed_at: null,
      bounced_at: null,
      bounce_reason: null,
      created_at: now,
      updated_at: now,
    };
  };
  // Rows are made a chunk at a time: a benchmark's 100,000 would otherwise all sit in memory at once.
  const chunk = options.chunk ?? 500;
  const inserted: { id: string; email: string }[] = [];
  for (let i = 0; i < count; i += chunk) {
    const rows = Array.from({ length: Math.min(chunk, count - i) }, (_, j) => row(i + j));
    await db.insertInto('subscribers').values(rows).execute();
    for (const r of rows) inserted.push({ id: r.id, email: r.email });
  }
  return inserted;
}
