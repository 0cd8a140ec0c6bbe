/** Row-to-model conversions shared by the repositories. */
import type { Selectable } from 'kysely';
import { SCHEMA_TYPES } from '../../domain/content/article.js';
import type { SchemaType } from '../../domain/content/article.js';
import type { ArticleType, Author, AuthorLink, Image, ImageVariant, Section, Topic } from '../../domain/content/model.js';
import type { ArticleTypeTable, AuthorTable, ImageTable, SectionTable, TopicTable } from '../schema.js';

export function parseJsonArray<T>(json: string): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export function toSection(row: Selectable<SectionTable>): Section {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, position: row.position };
}

export function toTopic(row: Selectable<TopicTable>): Topic {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description };
}

export function toArticleType(row: Selectable<ArticleTypeTable>): ArticleType {
  const schemaType = (SCHEMA_TYPES as readonly string[]).includes(row.schema_type) ? (row.schema_type as SchemaType) : 'NewsArticle';
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, schemaType, position: row.position };
}

export function toImage(row: Selectable<ImageTable>): Image {
  return {
    id: row.id,
    storageKey: row.storage_key,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    variants: parseJsonArray<ImageVariant>(row.variants),
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    licence: row.licence,
    rightsExpireAt: row.rights_expire_at,
  };
}

export function toAuthor(row: Selectable<AuthorTable>, photo: Image | null): Author {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    title: row.title,
    bio: row.bio,
    photo,
    links: parseJsonArray<AuthorLink>(row.links),
  };
}
