import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { packageRoot } from '../../lib/package-root.js';

export interface StaticAsset {
  /** Hashed URL path, e.g. /assets/site.3f2a9c.css */
  path: string;
  contentType: string;
  body: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

/** The theme's stylesheet, read once, fingerprinted and compressed at boot. */
export function loadThemeAssets(root = packageRoot()): StaticAsset[] {
  const file = path.join(root, 'src', 'themes', 'default', 'site.css');
  const css = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\n\s*\n/g, '\n');
  const body = Buffer.from(css, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return [
    {
      path: `/assets/site.${hash}.css`,
      contentType: 'text/css; charset=utf-8',
      body,
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(body, { level: 9 }),
      etag: `"${hash}"`,
    },
  ];
}
