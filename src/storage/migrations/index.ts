import type { Migration } from 'kysely';
import * as contentModel from './0001-content-model.js';
import * as newsroom from './0002-newsroom.js';

/**
 * Every migration, in order. Names are numbered and never change; a released
 * migration is never edited (see docs/practices/migrations.md).
 */
export const migrations: Record<string, Migration> = {
  '0001-content-model': contentModel,
  '0002-newsroom': newsroom,
};
