import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface RenderedPage {
  status: number;
  html: string;
  /** Surrogate keys of everything the page shows. */
  keys: string[];
  /** ISO time of the newest thing shown, sent as Last-Modified (feeds). */
  lastModified?: string | undefined;
}

export interface CachedPage extends RenderedPage {
  body: Buffer;
  /** Strong validator of the identity body; encodings add a suffix. */
  hash: string;
  encoded: Partial<Record<'br' | 'gzip', Promise<Buffer>>>;
}

/**
 * Rendered pages kept in memory, each tagged with the keys of what it shows.
 * A change drops exactly the pages that carry one of its keys. A render that
 * overlapped a change is served but not kept, so a stale page never sticks.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byKey = new Map<string, Set<string>>();
  private generation = 0;

  constructor(private readonly maxEntries = 5000) {}

  get size(): number {
    return this.pages.size;
  }

  /** Call before rendering; pass the result to `set`. */
  ticket(): number {
    return this.generation;
  }

  get(url: string): CachedPage | undefined {
    const page = this.pages.get(url);
    if (page) {
      // Most recently used goes to the back of the line.
      this.pages.delete(url);
      this.pages.set(url, page);
    }
    return page;
  }

  prepare(rendered: RenderedPage): CachedPage {
    const body = Buffer.from(rendered.html, 'utf8');
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    return { ...rendered, body, hash, encoded: {} };
  }

  set(url: string, page: CachedPage, ticket: number): void {
    if (ticket !== this.generation) return;
    this.drop(url);
    this.pages.set(url, page);
    for (const key of page.keys) {
      let urls = this.byKey.get(key);
      if (!urls) this.byKey.set(key, (urls = new Set()));
      urls.add(url);
    }
    while (this.pages.size > this.maxEntries) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  invalidate(keys: readonly string[]): number {
    if (keys.includes('*')) {
      const dropped = this.pages.size;
      this.clear();
      return dropped;
    }
    this.generation++;
    let dropped = 0;
    for (const key of keys) {
      for (const url of this.byKey.get(key) ?? []) {
        if (this.drop(url)) dropped++;
      }
      // A page tagged `article:*` (a sitemap) shows every article: any one changing drops it.
      const colon = key.indexOf(':');
      if (colon > 0 && !key.endsWith(':*')) {
        for (const url of this.byKey.get(`${key.slice(0, colon)}:*`) ?? []) {
          if (this.drop(url)) dropped++;
        }
      }
    }
    return dropped;
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
    this.byKey.clear();
  }

  private drop(url: string): boolean {
    const page = this.pages.get(url);
    if (!page) return false;
    this.pages.delete(url);
    for (const key of page.keys) {
      const urls = this.byKey.get(key);
      urls?.delete(url);
      if (urls?.size === 0) this.byKey.delete(key);
    }
    return true;
  }
}

export function encodedBody(page: CachedPage, encoding: 'br' | 'gzip'): Promise<Buffer> {
  let promise = page.encoded[encoding];
  if (!promise) {
    promise =
      encoding === 'br'
        ? brotli(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: page.body.length } })
        : gz(page.body, { level: 9 });
    page.encoded[encoding] = promise;
  }
  return promise;
}
