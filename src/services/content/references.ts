import { MastheadError } from '../../errors.js';
import type { Db } from '../../storage/db.js';
import { firstMissingId } from '../../storage/repositories/references.js';

/** Every id an article points at must exist; the error names the first that does not. */
export async function checkReferences(
  db: Db,
  input: {
    sectionId?: string;
    typeId?: string;
    leadImage?: { id: string } | null;
    topicIds?: string[];
    authorIds?: string[];
    relatedIds?: string[];
  },
): Promise<void> {
  const checks = [
    ['section', 'sections', input.sectionId ? [input.sectionId] : []],
    ['article type', 'article_types', input.typeId ? [input.typeId] : []],
    ['image', 'images', input.leadImage ? [input.leadImage.id] : []],
    ['topic', 'topics', input.topicIds ?? []],
    ['author', 'authors', input.authorIds ?? []],
    ['article', 'articles', input.relatedIds ?? []],
  ] as const;
  for (const [kind, table, ids] of checks) {
    const missing = await firstMissingId(db, table, ids);
    if (missing !== null) throw new MastheadError('UNKNOWN_REFERENCE', { kind, value: missing });
  }
}
