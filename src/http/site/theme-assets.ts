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

export interface ThemeAssets {
  stylesheet: StaticAsset;
  script: StaticAsset;
}

/** The theme's stylesheet and its one small script, read once, fingerprinted and compressed at boot. */
export function loadThemeAssets(root = packageRoot()): ThemeAssets {
  const folder = path.join(root, 'src', 'themes', 'default');
  const css = readFileSync(path.join(folder, 'site.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\n\s*\n/g, '\n');
  const js = readFileSync(path.join(folder, 'site.js'), 'utf8');
  return {
    stylesheet: asset('site', 'css', 'text/css; charset=utf-8', css),
    script: asset('site', 'js', 'text/javascript; charset=utf-8', js),
  };
}

function asset(name: string, extension: string, contentType: string, text: string): StaticAsset {
  const body = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    path: `/assets/${name}.${hash}.${extension}`,
    contentType,
    body,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(body, { level: 9 }),
    etag: `"${hash}"`,
  };
}
