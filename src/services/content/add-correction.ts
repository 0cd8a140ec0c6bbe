import { withTransaction } from '../../storage/transaction.js';
import type { Correction, CorrectionKind } from '../../domain/content/article.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { findArticleById, insertCorrection, updateArticleRow } from '../../storage/repositories/articles.js';
import { indexArticle } from '../../storage/search/search-index.js';
import type { ServiceDeps } from '../deps.js';
import { instantOrThrow } from './instants.js';
import { keys } from '../events.js';

/**
 * Appends a dated correction or update to an article. Notices are kept
 * forever; the article's updated time moves to the notice's.
 */
export async function addCorrection(
  deps: ServiceDeps,
  input: { articleId: string; kind: CorrectionKind; text: string; issuedAt?: string },
): Promise<Correction> {
  const text = input.text.trim();
  if (text === '') throw new MastheadError('VALIDATION_FAILED', { detail: 'a correction needs its text' }, 'text');
  const correction: Correction = {
    id: newId(),
    kind: input.kind,
    text,
    issuedAt: input.issuedAt ? instantOrThrow(input.issuedAt, 'issuedAt') : deps.clock().toISOString(),
  };
  await withTransaction(deps.db, async (trx) => {
    const article = await findArticleById(trx, input.articleId);
    if (!article) throw new MastheadError('NOT_FOUND');
    await insertCorrection(trx, article.id, correction);
    await updateArticleRow(trx, article.id, { updated_at: correction.issuedAt, modified_at: deps.clock().toISOString() }, article.version);
    await indexArticle(trx, article.id);
  });
  deps.events.changed([keys.article(input.articleId)]);
  return correction;
}
