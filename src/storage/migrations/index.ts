import type { Migration } from 'kysely';
import * as contentModel from './0001-content-model.js';
import * as newsroom from './0002-newsroom.js';
import * as newsletter from './0004-newsletter.js';
import * as search from './0003-search.js';
import * as contentApiWebhooks from './0005-content-api-webhooks.js';
import * as searchEveryState from './0006-search-every-state.js';
import * as searchPrefixes from './0007-search-prefixes.js';
import * as unsubscribeChannel from './0008-unsubscribe-channel.js';

/**
 * Every migration, in order. Names are numbered and never change; a released
 * migration is never edited (see docs/practices/migrations.md).
 */
export const migrations: Record<string, Migration> = {
  '0001-content-model': contentModel,
  '0002-newsroom': newsroom,
  '0003-search': search,
  '0004-newsletter': newsletter,
  '0005-content-api-webhooks': contentApiWebhooks,
  '0006-search-every-state': searchEveryState,
  '0007-search-prefixes': searchPrefixes,
  '0008-unsubscribe-channel': unsubscribeChannel,
};
