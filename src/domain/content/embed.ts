/**
 * Embeds come only from providers we know how to frame safely. The embed URL
 * is rebuilt from an identifier we parsed, never copied from the input; any
 * other URL is shown as a plain link.
 */
export interface Embed {
  provider: 'YouTube' | 'Vimeo' | 'Datawrapper';
  /** URL for an iframe (privacy-enhanced where the provider offers it). */
  frameUrl: string;
  /** The original page, for the fallback link. */
  pageUrl: string;
  aspect: number;
}

const ID = /^[\w-]{3,64}$/;

export function parseEmbed(input: unknown): Embed | null {
  if (typeof input !== 'string') return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'm.youtube.com') {
    const id = host === 'youtu.be' ? url.pathname.slice(1) : (url.searchParams.get('v') ?? url.pathname.match(/^\/embed\/([\w-]+)/)?.[1]);
    if (!id || !ID.test(id)) return null;
    return {
      provider: 'YouTube',
      frameUrl: `https://www.youtube-nocookie.com/embed/${id}`,
      pageUrl: `https://www.youtube.com/watch?v=${id}`,
      aspect: 16 / 9,
    };
  }
  if (host === 'vimeo.com') {
    const id = url.pathname.match(/^\/(\d{3,12})$/)?.[1];
    if (!id) return null;
    return {
      provider: 'Vimeo',
      frameUrl: `https://player.vimeo.com/video/${id}?dnt=1`,
      pageUrl: `https://vimeo.com/${id}`,
      aspect: 16 / 9,
    };
  }
  if (host === 'datawrapper.dwcdn.net') {
    const id = url.pathname.match(/^\/(\w{5})\/?(\d+\/?)?$/)?.[1];
    if (!id) return null;
    return {
      provider: 'Datawrapper',
      frameUrl: `https://datawrapper.dwcdn.net/${id}/`,
      pageUrl: `https://datawrapper.dwcdn.net/${id}/`,
      aspect: 4 / 3,
    };
  }
  return null;
}

/** Origins an iframe may load, for the Content-Security-Policy. */
export const EMBED_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://datawrapper.dwcdn.net'];
