/** The life of an article, as a newsroom knows it. */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** schema.org types a publication's article types map to in JSON-LD. */
export const SCHEMA_TYPES = [
  'NewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'BackgroundNewsArticle',
  'ReportageNewsArticle',
] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

export type CorrectionKind = 'correction' | 'update';

export interface Correction {
  id: string;
  kind: CorrectionKind;
  text: string;
  /** ISO 8601 */
  issuedAt: string;
}

/** An article is visible to readers only when published and its time has come. */
export function isPublic(status: ArticleStatus, publishedAt: string | null, now: Date): boolean {
  return status === 'published' && publishedAt !== null && Date.parse(publishedAt) <= now.getTime();
}

/** Reading time at a steady 230 words a minute, never less than one minute. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230));
}
