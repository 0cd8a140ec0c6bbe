import { z } from 'zod';
import { FEED_CONTENT_MODES } from '../../domain/content/feeds.js';
import { DEFAULT_SETTINGS } from '../../domain/content/model.js';
import type { SiteSettings } from '../../domain/content/model.js';
import type { ServiceDeps } from '../deps.js';
import { keys } from '../events.js';
import { readSettingsGroup, writeSettingsGroup } from './settings-group.js';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #a4262c');
const sitePath = z.string().regex(/^\/[\w\-/]*$/, 'a path on this site, starting with /');

/** Settings are checked on the way in and again on the way out (a bad stored value falls back to the default). */
export const siteSettingsSchema = z.object({
  title: z.string().trim().min(1, 'a title (it cannot be empty)').max(120, 'at most 120 characters'),
  tagline: z.string().max(200, 'at most 200 characters'),
  description: z.string().max(400, 'at most 400 characters'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag such as en or en-GB'),
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Berlin'),
  logoKey: z.string().nullable(),
  colors: z.object({ accent: color, accentDark: color }),
  navigation: z
    .array(z.object({ label: z.string().min(1, 'a label for the link').max(60, 'at most 60 characters'), path: sitePath }))
    .max(12, 'at most 12 links'),
  social: z
    .array(
      z.object({
        network: z.string().min(1, 'the network’s name').max(40, 'at most 40 characters'),
        handle: z.string().max(80, 'at most 80 characters'),
        url: z.url({ protocol: /^https$/, error: 'an https:// address' }),
      }),
    )
    .max(12, 'at most 12 accounts'),
  newsletterPitch: z.string().max(300, 'at most 300 characters'),
  feedContent: z.enum(FEED_CONTENT_MODES),
  newsletterDay: z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']),
  newsletterHour: z.number().int().min(0).max(23),
});

export async function getSiteSettings(deps: Pick<ServiceDeps, 'db'>): Promise<SiteSettings> {
  return readSettingsGroup(deps.db, 'site', DEFAULT_SETTINGS, siteSettingsSchema.shape);
}

export async function updateSiteSettings(deps: ServiceDeps, changes: Partial<SiteSettings>): Promise<SiteSettings> {
  await writeSettingsGroup(deps.db, 'site', siteSettingsSchema.partial().parse(changes));
  deps.events.changed([keys.settings]);
  return getSiteSettings(deps);
}
