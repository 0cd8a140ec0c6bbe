/** The Content API described as OpenAPI 3.1: every path, parameter, answer and the one error shape. */
import { ARTICLE_FIELDS, DEFAULT_LIMIT, MAX_LIMIT } from './params.js';

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const nullableStr: Schema = { type: ['string', 'null'] };
const dateTime: Schema = { type: 'string', format: 'date-time' };
const link = (extra: Record<string, Schema> = {}): Schema => ({
  type: 'object',
  required: ['id', 'slug', 'name'],
  properties: { id: str, slug: str, name: str, url: { type: 'string', format: 'uri' }, ...extra },
});

const param = (name: string, description: string, schema: Schema = str, where: 'query' | 'path' = 'query'): Schema => ({
  name,
  in: where,
  required: where === 'path',
  description,
  schema,
});
const p = (name: string): Schema => ({ $ref: `#/components/parameters/${name}` });

function ok(description: string, properties: Record<string, Schema>): Schema {
  return {
    description,
    content: { 'application/json': { schema: { type: 'object', required: Object.keys(properties), properties } } },
  };
}
const errors = (...codes: number[]): Record<string, Schema> =>
  Object.fromEntries(codes.map((code) => [String(code), { $ref: `#/components/responses/E${code}` }]));

function get(summary: string, parameters: Schema[], response: Schema, errorCodes: number[] = [400, 401, 429]): Schema {
  return { get: { summary, parameters, responses: { '200': response, ...errors(...errorCodes) } } };
}

const listParams = [p('page'), p('limit')];
const filterParams = [
  param('section', 'Only articles in the section with this slug.'),
  param('topic', 'Only articles tagged with the topic with this slug.'),
  param('author', 'Only articles by the author with this slug.'),
  param('type', 'Only articles of the type with this slug (analysis, report, ...).'),
  param('published_after', 'Published strictly after this date or date-time.', { type: 'string' }),
  param('published_before', 'Published strictly before this date or date-time.', { type: 'string' }),
];

export function openApiDocument(publicUrl: string): Schema {
  const server = `${publicUrl.replace(/\/$/, '')}/api/content/v1`;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Masthead Content API',
      version: '1.0.0',
      description:
        'Read-only JSON of everything the publication has published. Send a Content API key (created by an administrator) as `?key=` or `Authorization: Bearer <key>`. Every error answers `{ "errors": [{ "code", "message", "property" }] }`.',
    },
    servers: [{ url: server }],
    security: [{ queryKey: [] }, { bearer: [] }],
    paths: {
      '/articles': get(
        'Published articles, newest first unless sorted otherwise; page or cursor pagination.',
        [
          ...listParams,
          ...filterParams,
          param('sort', 'Order by publication time.', {
            type: 'string',
            enum: ['published_at:desc', 'published_at:asc'],
            default: 'published_at:desc',
          }),
          p('fields'),
          param('cursor', 'Opaque: `meta.pagination.nextCursor` of the previous answer (then `page` is ignored).'),
        ],
        ok('A page of articles.', { articles: { type: 'array', items: ref('Article') }, meta: ref('Meta') }),
      ),
      '/articles/{id}': get(
        'One published article by its id.',
        [param('id', 'The article id.', str, 'path'), p('fields')],
        ok('The article, as a list of one.', { articles: { type: 'array', items: ref('Article'), minItems: 1, maxItems: 1 } }),
        [400, 401, 404, 429],
      ),
      '/articles/slug/{slug}': get(
        'One published article by its slug.',
        [param('slug', 'The article slug.', str, 'path'), p('fields')],
        ok('The article, as a list of one.', { articles: { type: 'array', items: ref('Article'), minItems: 1, maxItems: 1 } }),
        [400, 401, 404, 429],
      ),
      '/briefs': get(
        'Published briefs, newest first.',
        listParams,
        ok('A page of briefs.', { briefs: { type: 'array', items: ref('Brief') }, meta: ref('Meta') }),
      ),
      '/briefs/{slug}': get(
        'One published brief by its slug.',
        [param('slug', 'The brief slug.', str, 'path')],
        ok('The brief, as a list of one.', { briefs: { type: 'array', items: ref('Brief'), minItems: 1, maxItems: 1 } }),
        [400, 401, 404, 429],
      ),
      '/sections': get(
        'Sections, in the order of the site navigation.',
        listParams,
        ok('Sections.', { sections: { type: 'array', items: ref('Term') }, meta: ref('Meta') }),
      ),
      '/topics': get('Topics (tags).', listParams, ok('Topics.', { topics: { type: 'array', items: ref('Term') }, meta: ref('Meta') })),
      '/types': get(
        'Article types (report, analysis, ...).',
        listParams,
        ok('Types.', { types: { type: 'array', items: ref('Term') }, meta: ref('Meta') }),
      ),
      '/authors': get(
        'Authors with a byline.',
        listParams,
        ok('Authors.', { authors: { type: 'array', items: ref('Author') }, meta: ref('Meta') }),
      ),
      '/settings': get('The publication’s public settings.', [], ok('Settings.', { settings: ref('Settings') })),
      '/search': get(
        'Full-text search across headlines, deks, bodies, bylines and topics, best match first.',
        [
          param('q', 'What to search for.', { type: 'string', minLength: 1, maxLength: 2000 }),
          ...listParams,
          ...filterParams.filter((f) => f.name !== 'topic'),
        ].map((x) => (x.name === 'q' ? { ...x, required: true } : x)),
        ok('Ranked results with highlighted snippets.', {
          results: { type: 'array', items: ref('SearchResult') },
          capped: { type: 'boolean', description: 'More matched than were ranked: the total is a floor.' },
          meta: ref('Meta'),
        }),
      ),
      '/openapi.json': {
        get: {
          summary: 'This document.',
          security: [],
          responses: {
            '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        queryKey: { type: 'apiKey', in: 'query', name: 'key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      parameters: {
        page: param('page', 'Page number, from 1.', { type: 'integer', minimum: 1, default: 1 }),
        limit: param('limit', 'Items per page.', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
        fields: param('fields', `Comma-separated fields to return, of: ${ARTICLE_FIELDS.join(', ')}.`),
      },
      responses: {
        E400: { description: 'A parameter is not valid.', content: { 'application/json': { schema: ref('Errors') } } },
        E401: { description: 'No key, an unknown key, or a revoked key.', content: { 'application/json': { schema: ref('Errors') } } },
        E404: { description: 'Nothing published at this address.', content: { 'application/json': { schema: ref('Errors') } } },
        E429: {
          description: 'This key sent too many requests; wait a minute.',
          content: { 'application/json': { schema: ref('Errors') } },
        },
      },
      schemas: {
        Errors: {
          type: 'object',
          required: ['errors'],
          properties: {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['code', 'message'],
                properties: {
                  code: { type: 'string', description: 'Stable: branch on this, never on the message.' },
                  message: str,
                  property: { type: 'string', description: 'The parameter at fault, when there is one.' },
                },
              },
            },
          },
        },
        Meta: {
          type: 'object',
          required: ['pagination'],
          properties: {
            pagination: {
              type: 'object',
              required: ['page', 'limit', 'total', 'pages', 'next', 'prev', 'nextCursor'],
              properties: {
                page: { type: ['integer', 'null'], description: 'Null when paging by cursor.' },
                limit: { type: 'integer' },
                total: { type: 'integer' },
                pages: { type: 'integer' },
                next: { type: ['integer', 'null'] },
                prev: { type: ['integer', 'null'] },
                nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page (articles only).' },
              },
            },
          },
        },
        Term: link({ description: str }),
        Image: {
          type: 'object',
          properties: {
            url: { type: 'string', format: 'uri' },
            width: { type: 'integer' },
            height: { type: 'integer' },
            alt: str,
            caption: str,
            credit: str,
          },
        },
        Article: {
          type: 'object',
          description: 'All fields, or those named in `fields`.',
          properties: {
            id: str,
            slug: str,
            url: { type: 'string', format: 'uri' },
            kicker: str,
            headline: str,
            dek: str,
            section: link(),
            type: link(),
            authors: { type: 'array', items: link() },
            topics: { type: 'array', items: link() },
            publishedAt: dateTime,
            updatedAt: { type: ['string', 'null'], format: 'date-time' },
            leadImage: { oneOf: [ref('Image'), { type: 'null' }] },
            wordCount: { type: 'integer' },
            corrections: {
              type: 'array',
              items: {
                type: 'object',
                properties: { kind: { type: 'string', enum: ['correction', 'update'] }, text: str, issuedAt: dateTime },
              },
            },
            bodyHtml: { type: 'string', description: 'The body as the site renders it, with absolute links.' },
            body: { type: 'object', description: 'The body as a ProseMirror document.' },
          },
        },
        Brief: {
          type: 'object',
          properties: {
            id: str,
            slug: str,
            url: { type: 'string', format: 'uri' },
            headline: str,
            take: str,
            sourceName: str,
            sourceUrl: str,
            section: { oneOf: [link(), { type: 'null' }] },
            publishedAt: dateTime,
          },
        },
        Author: {
          type: 'object',
          properties: {
            id: str,
            slug: str,
            name: str,
            title: str,
            bio: str,
            url: { type: 'string', format: 'uri' },
            photo: { oneOf: [ref('Image'), { type: 'null' }] },
            links: { type: 'array', items: { type: 'object', properties: { label: str, url: str } } },
          },
        },
        Settings: {
          type: 'object',
          properties: {
            url: str,
            title: str,
            tagline: str,
            description: str,
            language: str,
            timeZone: str,
            logo: nullableStr,
            navigation: { type: 'array', items: { type: 'object', properties: { label: str, url: str } } },
            social: { type: 'array', items: { type: 'object', properties: { network: str, handle: str, url: str } } },
            newsletterPitch: str,
          },
        },
        SearchResult: {
          type: 'object',
          properties: {
            rank: { type: 'number' },
            snippet: { type: 'array', items: { type: 'object', properties: { text: str, match: { type: 'boolean' } } } },
            article: ref('Article'),
          },
        },
      },
    },
  };
}
