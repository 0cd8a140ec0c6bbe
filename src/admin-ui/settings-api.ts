/** The settings, Content API keys and webhooks in the Admin API, as the administrators' screens use them. */
import type { SiteSettings } from '../domain/content/model';
import { ApiError } from './api';

// The wire shape is the domain's own: a type-only import, so nothing of the server reaches the bundle.
export type { SiteSettings };
export type Weekday = SiteSettings['newsletterDay'];

/** In the order the settings screen lists them: the working week first. */
export const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export type MailSettingSource = 'environment' | 'settings' | 'none';

export interface MailSettings {
  /** Masked: the password reads ••••. */
  smtpUrl: string | null;
  mailFrom: string | null;
  maxConnections: number;
  rateLimit: number | null;
  environment: { smtpUrl: string | null; mailFrom: string | null };
  source: { smtpUrl: MailSettingSource; mailFrom: MailSettingSource };
}

export interface ContentKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  description: string;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  event: string;
  attempt: number;
  status: number | null;
  error: string | null;
  responseSnippet: string;
  durationMs: number;
  at: string;
  nextRetryAt: string | null;
}

/** Messages by the property they are about ("title", "navigation.0.path"); "" holds the rest. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return { '': String(error) };
  const out: FieldErrors = {};
  for (const item of error.items) {
    const key = item.property ?? '';
    // Field messages say what the field wants ("a language tag such as en"): a sentence beside it.
    const message = item.message.charAt(0).toUpperCase() + item.message.slice(1);
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  if (Object.keys(out).length === 0) out[''] = error.message;
  return out;
}

export const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : '');
