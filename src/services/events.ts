import { EventEmitter } from 'node:events';

/**
 * Names of what a page shows, used as cache tags and CDN surrogate keys.
 * A page carries the keys of everything on it; a change announces the keys it touches.
 */
export const keys = {
  article: (id: string) => `article:${id}`,
  brief: (id: string) => `brief:${id}`,
  section: (id: string) => `section:${id}`,
  topic: (id: string) => `topic:${id}`,
  author: (id: string) => `author:${id}`,
  type: (id: string) => `type:${id}`,
  /** Any article at all (sitemaps list them all): dropped with every `article:{id}`. */
  anyArticle: 'article:*',
  /** Any list or ranking of articles: home, river, listings, related teasers. */
  articleLists: 'articles',
  briefLists: 'briefs',
  settings: 'settings',
  /** Everything: sent when a node may have missed changes (e.g. after a reconnect). */
  all: '*',
} as const;

/** Where a change was made: here, or on another node (heard through a bridge). */
export type ChangeOrigin = 'local' | 'remote';

/** Content changes, announced by operations and heard by caches (on this node, and across nodes by a bridge). */
export interface ContentEvents {
  changed(changedKeys: readonly string[], origin?: ChangeOrigin): void;
  onChange(listener: (changedKeys: readonly string[], origin: ChangeOrigin) => void): () => void;
}

export function createContentEvents(): ContentEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    changed(changedKeys, origin = 'local') {
      if (changedKeys.length > 0) emitter.emit('change', changedKeys, origin);
    },
    onChange(listener) {
      emitter.on('change', listener);
      return () => emitter.off('change', listener);
    },
  };
}
