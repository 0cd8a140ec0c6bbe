/** The publication's settings and its mail settings in the Admin API: administrators only. */
import type { FastifyInstance } from 'fastify';
import { can } from '../../domain/newsroom/roles.js';
import { requirePermission } from '../../services/auth/accounts.js';
import { mailSettingsSchema } from '../../services/settings/mail-settings.js';
import { mailSettingsForAdmin, saveMailSettings } from '../../services/settings/mail-settings-admin.js';
import { siteSettingsSchema } from '../../services/settings/site-settings.js';
import { saveSiteSettings, siteSettingsForAdmin } from '../../services/settings/site-settings-admin.js';
import type { SiteDeps } from '../app.js';
import { actorOf } from './auth.js';

// The logo is chosen from the media library, not typed in: it has no field here.
const sitePatch = siteSettingsSchema.omit({ logoKey: true }).partial().strict();
const mailPatch = mailSettingsSchema.partial().strict();

export function registerSettingsRoutes(api: FastifyInstance, deps: SiteDeps): void {
  api.get('/settings', async (request) => ({ settings: await siteSettingsForAdmin(deps, actorOf(request)) }));
  api.patch('/settings', async (request) => {
    const actor = actorOf(request);
    // Who may ask is settled before what they sent is read: a Contributor learns nothing from a 400.
    requirePermission(actor, can(actor, 'settings.manage'), 'change the settings');
    return { settings: await saveSiteSettings(deps, actor, sitePatch.parse(request.body)) };
  });
  api.get('/settings/mail', async (request) => ({ mail: await mailSettingsForAdmin(deps, actorOf(request)) }));
  api.patch('/settings/mail', async (request) => {
    const actor = actorOf(request);
    requirePermission(actor, can(actor, 'settings.manage'), 'change the mail settings');
    return { mail: await saveMailSettings(deps, actor, mailPatch.parse(request.body)) };
  });
}
