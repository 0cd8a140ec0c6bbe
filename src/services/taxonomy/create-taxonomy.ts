import type { SchemaType } from '../../domain/content/article.js';
import type { Author, AuthorLink, ArticleType, Image, Section, Topic } from '../../domain/content/model.js';
import { RESERVED_SLUGS } from '../../domain/content/paths.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { isSlug, slugify } from '../../lib/slug.js';
import { insertAuthor } from '../../storage/repositories/authors.js';
import { insertArticleType, insertSection, insertTopic } from '../../storage/repositories/taxonomy.js';
import type { ServiceDeps } from '../deps.js';
import { keys } from '../events.js';

function checkedSlug(slug: string | undefined, name: string): string {
  const value = slug ?? slugify(name);
  if (!isSlug(value))
    throw new MastheadError('VALIDATION_FAILED', { detail: 'the slug must be lowercase letters, digits and hyphens' }, 'slug');
  return value;
}

export async function createSection(
  deps: ServiceDeps,
  input: { slug?: string; name: string; description?: string; position?: number },
): Promise<Section> {
  const slug = checkedSlug(input.slug, input.name);
  // Articles live at /{section}/{slug}: a section may not shadow the site's own paths.
  if (RESERVED_SLUGS.has(slug)) throw new MastheadError('RESERVED_SLUG', { slug }, 'slug');
  const section: Section = { id: newId(), slug, name: input.name, description: input.description ?? '', position: input.position ?? 0 };
  await insertSection(deps.db, section);
  deps.events.changed([keys.settings]);
  return section;
}

export async function createTopic(deps: ServiceDeps, input: { slug?: string; name: string; description?: string }): Promise<Topic> {
  const topic: Topic = { id: newId(), slug: checkedSlug(input.slug, input.name), name: input.name, description: input.description ?? '' };
  await insertTopic(deps.db, topic);
  return topic;
}

export async function createArticleType(
  deps: ServiceDeps,
  input: { slug?: string; name: string; description?: string; schemaType?: SchemaType; position?: number },
): Promise<ArticleType> {
  const type: ArticleType = {
    id: newId(),
    slug: checkedSlug(input.slug, input.name),
    name: input.name,
    description: input.description ?? '',
    schemaType: input.schemaType ?? 'NewsArticle',
    position: input.position ?? 0,
  };
  await insertArticleType(deps.db, type);
  return type;
}

/** An author is a byline: a contributor needs no staff account. */
export async function createAuthor(
  deps: ServiceDeps,
  input: { slug?: string; name: string; title?: string; bio?: string; photo?: Image | null; links?: AuthorLink[] },
): Promise<Author> {
  const author: Author = {
    id: newId(),
    slug: checkedSlug(input.slug, input.name),
    name: input.name,
    title: input.title ?? '',
    bio: input.bio ?? '',
    photo: input.photo ?? null,
    links: input.links ?? [],
  };
  await insertAuthor(deps.db, author, deps.clock().toISOString());
  return author;
}
