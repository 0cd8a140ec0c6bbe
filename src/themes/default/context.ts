import type { SiteSettings } from '../../domain/content/model.js';

/** What a theme needs to know about where it is rendering. */
export interface ThemeContext {
  /** Public base URL without a trailing slash, for canonical links and JSON-LD. */
  baseUrl: string;
  /** The path of the page being rendered (with ?page=N when paginated). */
  path: string;
  mediaUrl(key: string): string;
  /** Hashed, cacheable URL of the stylesheet. */
  stylesheet: string;
  /** Hashed URL of the progressive-enhancement script, included only where a page uses it. */
  script: string;
  settings: SiteSettings;
}

export function absolute(ctx: Pick<ThemeContext, 'baseUrl'>, pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${ctx.baseUrl}${pathOrUrl}`;
}
