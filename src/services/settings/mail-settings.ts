/**
 * How the publication sends mail, as the administrators set it: stored in the
 * settings table under `mail.*`. MASTHEAD_SMTP_URL and MASTHEAD_MAIL_FROM win
 * over these when set; the sending path decides, this only stores and checks.
 */
import { z } from 'zod';
import type { ServiceDeps } from '../deps.js';
import { readSettingsGroup, writeSettingsGroup } from './settings-group.js';

export interface MailSettings {
  smtpUrl: string | null;
  mailFrom: string | null;
  maxConnections: number;
  rateLimit: number | null;
}

const DEFAULT_MAIL_SETTINGS: MailSettings = { smtpUrl: null, mailFrom: null, maxConnections: 5, rateLimit: null };

const SMTP_URL_MESSAGE = 'an smtp:// or smtps:// URL such as smtp://user:password@smtp.example.com:587';

function isSmtpUrl(value: string): boolean {
  // Whitespace and control characters (a header injection's \r\n) never belong in the URL.
  if ([...value].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || /\s/.test(c))) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const ADDRESS = String.raw`[^\s@<>"(),;:\\]+@[^\s@<>"(),;:\\]+`;
/** `news@example.com`, `"The Review" <news@example.com>` or `The Review <news@example.com>`, on one line. */
const MAIL_FROM = new RegExp(String.raw`^(?:${ADDRESS}|(?:"[^"\\\r\n]*"|[^"<>@\r\n,;]+?) *<${ADDRESS}>)$`);

// Messages never repeat the value: an SMTP URL carries a password.
export const mailSettingsSchema = z.object({
  smtpUrl: z.string().max(2000, SMTP_URL_MESSAGE).refine(isSmtpUrl, SMTP_URL_MESSAGE).nullable(),
  mailFrom: z
    .string()
    .max(320, 'at most 320 characters')
    .refine(
      (v) => !/[\r\n]/.test(v) && MAIL_FROM.test(v),
      'an address such as news@example.com or "The Review" <news@example.com>, on one line',
    )
    .nullable(),
  maxConnections: z
    .number({ error: 'a number of connections from 1 to 50' })
    .int('a whole number')
    .min(1, 'at least 1 connection')
    .max(50, 'at most 50 connections'),
  rateLimit: z
    .number({ error: 'a number of messages a second, or none for no limit' })
    .int('a whole number of messages a second')
    .min(1, 'at least 1 message a second (or none for no limit)')
    .max(10_000, 'at most 10,000 messages a second')
    .nullable(),
});

/** The stored values, each falling back to its default when unset or no longer valid. */
export async function getMailSettings(deps: Pick<ServiceDeps, 'db'>): Promise<MailSettings> {
  return readSettingsGroup(deps.db, 'mail', DEFAULT_MAIL_SETTINGS, mailSettingsSchema.shape);
}

/** Checks and stores the given values in one transaction (throws a ZodError naming the field). */
export async function updateMailSettings(deps: ServiceDeps, changes: Partial<MailSettings>): Promise<MailSettings> {
  await writeSettingsGroup(deps.db, 'mail', mailSettingsSchema.partial().strict().parse(changes));
  return getMailSettings(deps);
}
