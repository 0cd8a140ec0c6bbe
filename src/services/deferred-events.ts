import type { ContentEvents } from './events.js';

/**
 * Collects the changes an operation announces while it runs inside a bigger
 * transaction, and lets the caller announce them only after the commit, so no
 * cache can refill with what is about to change.
 */
export function deferredEvents(target: ContentEvents): { events: ContentEvents; flush(): void } {
  const pending: string[][] = [];
  return {
    events: {
      changed: (keys) => void pending.push([...keys]),
      onChange: (listener) => target.onChange(listener),
    },
    flush() {
      const keys = [...new Set(pending.flat())];
      pending.length = 0;
      if (keys.length > 0) target.changed(keys);
    },
  };
}
