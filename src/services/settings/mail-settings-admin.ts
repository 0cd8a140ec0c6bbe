/**
 * Mail settings as administrators see and change them: the SMTP password is
 * never shown (it reads `smtp://user:••••@host:587`), a masked URL saved back
 * keeps the stored password, and what the environment sets wins and is said so.
 */
import type { Actor } from '../../domain/newsroom/roles.js';
import { can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { requirePermission } from '../auth/accounts.js';
import type { ServiceDeps } from '../deps.js';
import { getMailSettings, updateMailSettings } from './mail-settings.js';
import type { MailSettings } from './mail-settings.js';

/** MASTHEAD_SMTP_URL and MASTHEAD_MAIL_FROM as validated at boot (undefined when unset). */
export interface MailEnvironment {
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
}

export type MailSettingSource = 'environment' | 'settings' | 'none';

export interface MailSettingsView extends MailSettings {
  /** What the environment sets, the SMTP URL masked. */
  environment: { smtpUrl: string | null; mailFrom: string | null };
  /** Which value is in effect: the environment wins over the settings. */
  source: { smtpUrl: MailSettingSource; mailFrom: MailSettingSource };
}

const PASSWORD_MASK = '••••';
const PLACEHOLDER = 'masthead-masked-password';

/** The URL with its password replaced by ••••; unchanged when it has none. */
function maskSmtpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'a URL that could not be read';
  }
  if (!url.password) return url.toString();
  url.password = PLACEHOLDER;
  return url.toString().replace(`:${PLACEHOLDER}@`, `:${PASSWORD_MASK}@`);
}

/**
 * A submitted URL still carrying the mask gets the stored password back, but
 * only for the same user at the same server: a password is never sent to a
 * host it was not typed in for.
 */
function unmaskSmtpUrl(submitted: string, stored: string | null): string {
  if (!submitted.includes(`:${PASSWORD_MASK}@`)) return submitted;
  let next: URL;
  let previous: URL;
  try {
    next = new URL(submitted.replace(`:${PASSWORD_MASK}@`, `:${PLACEHOLDER}@`));
    previous = new URL(stored ?? '');
  } catch {
    throw new MastheadError('SMTP_PASSWORD_NEEDED', {}, 'smtpUrl');
  }
  const same = next.protocol === previous.protocol && next.host === previous.host && next.username === previous.username;
  if (!same || !previous.password) throw new MastheadError('SMTP_PASSWORD_NEEDED', {}, 'smtpUrl');
  next.password = previous.password;
  return next.toString();
}

function requireAdmin(actor: Actor, action: string): void {
  requirePermission(actor, can(actor, 'settings.manage'), action);
}

function view(stored: MailSettings, env: MailEnvironment): MailSettingsView {
  const source = (fromEnv: string | undefined, fromSettings: string | null): MailSettingSource =>
    fromEnv ? 'environment' : fromSettings ? 'settings' : 'none';
  return {
    ...stored,
    smtpUrl: stored.smtpUrl === null ? null : maskSmtpUrl(stored.smtpUrl),
    environment: { smtpUrl: env.smtpUrl ? maskSmtpUrl(env.smtpUrl) : null, mailFrom: env.mailFrom ?? null },
    source: { smtpUrl: source(env.smtpUrl, stored.smtpUrl), mailFrom: source(env.mailFrom, stored.mailFrom) },
  };
}

export async function mailSettingsForAdmin(
  deps: Pick<ServiceDeps, 'db'> & { mailEnvironment: MailEnvironment },
  actor: Actor,
): Promise<MailSettingsView> {
  requireAdmin(actor, 'read the mail settings');
  return view(await getMailSettings(deps), deps.mailEnvironment);
}

/**
 * Stores what the administrator changed. A field the environment sets cannot
 * be changed here (it would have no effect), unless it is sent back as it is.
 */
export async function saveMailSettings(
  deps: ServiceDeps & { mailEnvironment: MailEnvironment },
  actor: Actor,
  changes: Partial<MailSettings>,
): Promise<MailSettingsView> {
  requireAdmin(actor, 'change the mail settings');
  const stored = await getMailSettings(deps);
  const next: Partial<MailSettings> = { ...changes };
  if (next.smtpUrl !== undefined && next.smtpUrl !== null) next.smtpUrl = unmaskSmtpUrl(next.smtpUrl, stored.smtpUrl);
  if (deps.mailEnvironment.smtpUrl && next.smtpUrl !== undefined && next.smtpUrl !== stored.smtpUrl)
    throw new MastheadError('SET_BY_ENVIRONMENT', { variable: 'MASTHEAD_SMTP_URL' }, 'smtpUrl');
  if (deps.mailEnvironment.mailFrom && next.mailFrom !== undefined && next.mailFrom !== stored.mailFrom)
    throw new MastheadError('SET_BY_ENVIRONMENT', { variable: 'MASTHEAD_MAIL_FROM' }, 'mailFrom');
  return view(await updateMailSettings(deps, next), deps.mailEnvironment);
}
