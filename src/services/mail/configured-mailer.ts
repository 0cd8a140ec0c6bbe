/**
 * The mailer the running publication uses: SMTP as configured now, read at
 * each send. MASTHEAD_SMTP_URL and MASTHEAD_MAIL_FROM win when set; otherwise
 * the administrators' mail settings; with no SMTP URL at all, mail goes to
 * the development mailer (the terminal). A change in the settings takes
 * effect with the next message, no restart.
 */
import { getMailSettings } from '../settings/mail-settings.js';
import type { ServiceDeps } from '../deps.js';
import { smtpMailer } from './mailer.js';
import type { Mailer } from './mailer.js';

export interface MailEnvironment {
  smtpUrl?: string | undefined;
  /** Only when MASTHEAD_MAIL_FROM was set: it then wins over the settings. */
  mailFrom?: string | undefined;
}

export function configuredMailer(
  deps: Pick<ServiceDeps, 'db'>,
  environment: MailEnvironment,
  options: { defaultFrom: string; development: Mailer },
): Mailer {
  let current: { key: string; mailer: Mailer } | null = null;

  async function resolve(): Promise<Mailer> {
    const settings = await getMailSettings(deps);
    const url = environment.smtpUrl ?? settings.smtpUrl;
    if (!url) return options.development;
    const from = environment.mailFrom ?? settings.mailFrom ?? options.defaultFrom;
    const key = JSON.stringify([url, from, settings.maxConnections, settings.rateLimit]);
    if (current?.key !== key) {
      const previous = current;
      current = { key, mailer: smtpMailer(url, from, { maxConnections: settings.maxConnections, rateLimit: settings.rateLimit }) };
      // Sends already under way keep their own connections; the old transport opens no new ones.
      await previous?.mailer.close();
    }
    return current.mailer;
  }

  return {
    async defaultFrom() {
      const mailer = await resolve();
      return (await mailer.defaultFrom?.()) ?? environment.mailFrom ?? options.defaultFrom;
    },
    async send(message) {
      await (await resolve()).send(message);
    },
    async bulk(guard) {
      const mailer = await resolve();
      return mailer.bulk ? mailer.bulk(guard) : null;
    },
    async close() {
      await current?.mailer.close();
      await options.development.close();
    },
  };
}
