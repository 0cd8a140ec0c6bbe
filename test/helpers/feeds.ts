/** Fetches a feed from an app in memory, checks its status, type and (for XML) strict well-formedness, and parses it. */
import type * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { loadXml, xmllint } from './xml.js';

export interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  items: {
    id: string;
    url: string;
    title: string;
    summary?: string;
    content_html?: string;
    content_text?: string;
    image?: string;
    date_published: string;
    date_modified?: string;
    authors?: { name: string; url?: string }[];
    tags?: string[];
    _masthead?: { image: { credit: string; caption: string } };
  }[];
}

export function feedClient(app: () => FastifyInstance) {
  async function xml(url: string, type: string): Promise<cheerio.CheerioAPI> {
    const res = await app().inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type'], url).toBe(`${type}; charset=utf-8`);
    expect(xmllint(res.body).errors, url).toBe('');
    return loadXml(res.body);
  }
  return {
    rss: (url: string) => xml(url, 'application/rss+xml'),
    atom: (url: string) => xml(url, 'application/atom+xml'),
    async json(url: string): Promise<JsonFeed> {
      const res = await app().inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('application/feed+json; charset=utf-8');
      return JSON.parse(res.body) as JsonFeed;
    },
  };
}
