import type { Article } from '../../domain/content/model.js';

/** An article as the Admin API shows it: ids for references, the body as its document. */
export function serializeArticle(
  article: Article,
  ownership: { createdBy: string | null; assignedTo: string | null } | null,
  mediaUrl: (key: string) => string,
) {
  return {
    id: article.id,
    version: article.version,
    status: article.status,
    slug: article.slug,
    sectionId: article.section.id,
    typeId: article.type.id,
    kicker: article.kicker,
    headline: article.headline,
    dek: article.dek,
    body: article.body,
    wordCount: article.wordCount,
    leadImage: article.leadImage
      ? {
          id: article.leadImage.image.id,
          caption: article.leadImage.caption,
          credit: article.leadImage.credit,
          alt: article.leadImage.alt,
          url: mediaUrl(article.leadImage.image.storageKey),
        }
      : null,
    topicIds: article.topics.map((t) => t.id),
    authorIds: article.authors.map((a) => a.id),
    relatedIds: article.pinnedRelatedIds,
    corrections: article.corrections,
    publishedAt: article.publishedAt || null,
    updatedAt: article.updatedAt,
    createdAt: article.createdAt,
    modifiedAt: article.modifiedAt,
    createdBy: ownership?.createdBy ?? null,
    assignedTo: ownership?.assignedTo ?? null,
    path: `/${article.section.slug}/${article.slug}`,
  };
}
