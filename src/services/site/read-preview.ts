import { bodyImageIds } from '../../domain/content/body.js';
import { findArticleById } from '../../storage/repositories/articles.js';
import { imagesByIds } from '../../storage/repositories/images.js';
import { previewArticleId } from '../auth/links.js';
import type { ServiceDeps } from '../deps.js';
import type { ArticleView } from './view-models.js';

/** A draft as readers will see it, through a secret preview link; the page around it stays bare. */
export async function readPreview(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<ArticleView | null> {
  const id = await previewArticleId(deps, token);
  const article = id ? await findArticleById(deps.db, id) : null;
  if (!article) return null;
  const images = await imagesByIds(deps.db, bodyImageIds(article.body));
  // A draft has no publication time yet: show it as if it went out now.
  const shown = article.publishedAt ? article : { ...article, publishedAt: deps.clock().toISOString() };
  return { kind: 'article', article: shown, bodyImages: [...images.values()], related: [], latest: [] };
}
