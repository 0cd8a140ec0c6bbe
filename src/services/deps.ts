import type { Clock } from '../lib/clock.js';
import type { Db } from '../storage/db.js';
import type { MediaStore } from '../storage/media/media-store.js';
import type { ContentEvents } from './events.js';

/** What operations need from the outside world; built once in main.ts, or by a test. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  events: ContentEvents;
  media: MediaStore;
}
