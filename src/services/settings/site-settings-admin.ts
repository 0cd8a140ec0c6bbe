/**
 * The publication's settings as administrators read and change them. A new
 * round-up day, hour or time zone moves the already armed weekly compose job
 * in the same transaction, so the next draft follows the new schedule.
 */
import type { SiteSettings } from '../../domain/content/model.js';
import type { Actor } from '../../domain/newsroom/roles.js';
import { can } from '../../domain/newsroom/roles.js';
import { withTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../auth/accounts.js';
import { deferredEvents } from '../deferred-events.js';
import type { ServiceDeps } from '../deps.js';
import { armWeeklyCompose } from '../newsletter/schedule-issue.js';
import { getSiteSettings, updateSiteSettings } from './site-settings.js';

const SCHEDULE_FIELDS = ['newsletterDay', 'newsletterHour', 'timeZone'] as const;

export async function siteSettingsForAdmin(deps: Pick<ServiceDeps, 'db'>, actor: Actor): Promise<SiteSettings> {
  requirePermission(actor, can(actor, 'settings.manage'), 'read the settings');
  return getSiteSettings(deps);
}

export async function saveSiteSettings(deps: ServiceDeps, actor: Actor, changes: Partial<SiteSettings>): Promise<SiteSettings> {
  requirePermission(actor, can(actor, 'settings.manage'), 'change the settings');
  const deferred = deferredEvents(deps.events);
  const saved = await withTransaction(deps.db, async (db) => {
    const scoped = { ...deps, db, events: deferred.events };
    const before = await getSiteSettings(scoped);
    const after = await updateSiteSettings(scoped, changes);
    if (SCHEDULE_FIELDS.some((field) => before[field] !== after[field])) await armWeeklyCompose(scoped, { rearm: true });
    return after;
  });
  deferred.flush();
  return saved;
}
