/** Sections, topics and article types: the ways a publication files its work. */
import type { ArticleType, Section, Topic } from '../../domain/content/model.js';
import type { Db } from '../db.js';
import { toArticleType, toSection, toTopic } from './mappers.js';

export async function listSections(db: Db): Promise<Section[]> {
  const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('name').execute();
  return rows.map(toSection);
}

export async function findSectionBySlug(db: Db, slug: string): Promise<Section | null> {
  const row = await db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toSection(row) : null;
}

export async function insertSection(db: Db, section: Section): Promise<void> {
  await db.insertInto('sections').values(section).execute();
}

export async function listTopics(db: Db): Promise<Topic[]> {
  const rows = await db.selectFrom('topics').selectAll().orderBy('name').execute();
  return rows.map(toTopic);
}

export async function findTopicBySlug(db: Db, slug: string): Promise<Topic | null> {
  const row = await db.selectFrom('topics').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toTopic(row) : null;
}

export async function insertTopic(db: Db, topic: Topic): Promise<void> {
  await db.insertInto('topics').values(topic).execute();
}

export async function listArticleTypes(db: Db): Promise<ArticleType[]> {
  const rows = await db.selectFrom('article_types').selectAll().orderBy('position').orderBy('name').execute();
  return rows.map(toArticleType);
}

export async function findArticleTypeBySlug(db: Db, slug: string): Promise<ArticleType | null> {
  const row = await db.selectFrom('article_types').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toArticleType(row) : null;
}

export async function insertArticleType(db: Db, type: ArticleType): Promise<void> {
  await db
    .insertInto('article_types')
    .values({
      id: type.id,
      slug: type.slug,
      name: type.name,
      description: type.description,
      schema_type: type.schemaType,
      position: type.position,
    })
    .execute();
}
