import path from 'node:path';
import { z } from 'zod';

/** Everything the program reads from its environment, validated once at boot. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `undefined` means the embedded SQLite database in the data dir. */
  databaseUrl: string | undefined;
  publicUrl: string;
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `disallow` tells every crawler to stay away: for a staging site. */
  robots: 'allow' | 'disallow';
  /** smtp:// or smtps:// with credentials; unset prints mail on the terminal (development). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** MASTHEAD_MAIL_FROM was set (then it wins over the admin's mail settings); otherwise `mailFrom` is a default. */
  mailFromSet: boolean;
  /** Believe X-Forwarded-For (and friends): only behind a proxy or CDN you run. */
  trustProxy: boolean;
  /** Webhook targets on loopback, private or link-local addresses are refused unless this is set (no SSRF). */
  webhooksAllowPrivate: boolean;
  /** Origins allowed to call the Content API from a browser (CORS); none by default. */
  apiCorsOrigins: string[];
}

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], { message: '1 or 0 (true/false, yes/no)' })
  .transform((v) => ['1', 'true', 'yes'].includes(v));

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'a port number between 1 and 65535' })
    .int('a whole port number')
    .min(1, 'a port number between 1 and 65535')
    .max(65535, 'a port number between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'a host name or IP address to listen on').default('127.0.0.1'),
  MASTHEAD_DATA_DIR: z.string().min(1, 'a folder path').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'a postgres:// or postgresql:// connection URL (leave it unset for the embedded SQLite database)')
    .optional(),
  MASTHEAD_URL: z
    .url({ message: 'an absolute http(s) URL such as https://example.com' })
    .refine((u) => /^https?:\/\//.test(u), 'an absolute http(s) URL such as https://example.com')
    .optional(),
  MASTHEAD_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'one of fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
  MASTHEAD_ROBOTS: z
    .enum(['allow', 'disallow'], { message: 'allow or disallow (disallow keeps crawlers off a staging site)' })
    .default('allow'),
  MASTHEAD_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'an smtp:// or smtps:// URL such as smtp://user:password@smtp.example.com:587')
    .optional(),
  MASTHEAD_MAIL_FROM: z
    .string()
    .max(320)
    .refine((v) => !/[\r\n]/.test(v) && /@/.test(v), 'an address such as "The Review <news@example.com>", on one line')
    .optional(),
  MASTHEAD_TRUST_PROXY: booleanFlag.default(false),
  MASTHEAD_WEBHOOKS_ALLOW_PRIVATE: booleanFlag.default(false),
  MASTHEAD_API_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)),
      'comma-separated origins such as https://app.example.com (no paths), or *',
    ),
});

const SECRET_VARIABLES = new Set(['DATABASE_URL', 'MASTHEAD_SMTP_URL']);

/** Thrown when the environment is wrong; its message is one sentence for the operator. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const expected = issue?.message ?? 'a valid value';
    // Connection URLs carry passwords: never repeat their value.
    const shown = SECRET_VARIABLES.has(name) ? 'set' : `set to ${JSON.stringify(String(env[name] ?? ''))}`;
    throw new ConfigError(`${name} is ${shown}, but it must be ${expected}.`);
  }
  const e = parsed.data;
  const port = e.PORT;
  const publicHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  const publicUrl = (e.MASTHEAD_URL ?? `http://${publicHost === '127.0.0.1' ? 'localhost' : publicHost}:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: e.HOST,
    dataDir: path.resolve(e.MASTHEAD_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    seedDemo: e.MASTHEAD_DEMO,
    logLevel: e.LOG_LEVEL,
    robots: e.MASTHEAD_ROBOTS,
    smtpUrl: e.MASTHEAD_SMTP_URL,
    mailFrom: e.MASTHEAD_MAIL_FROM ?? `Masthead <no-reply@${new URL(publicUrl).hostname}>`,
    mailFromSet: e.MASTHEAD_MAIL_FROM !== undefined,
    trustProxy: e.MASTHEAD_TRUST_PROXY,
    webhooksAllowPrivate: e.MASTHEAD_WEBHOOKS_ALLOW_PRIVATE,
    apiCorsOrigins: e.MASTHEAD_API_CORS_ORIGINS,
  };
}

/**
 * MASTHEAD_SMTP_URL and MASTHEAD_MAIL_FROM as the operator set them (undefined when unset): what
 * wins over the admin's mail settings. `mailFrom` alone is not it, since it falls back to a default.
 */
export function mailEnvironmentOf(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'mailFromSet'>): {
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
} {
  return { smtpUrl: config.smtpUrl, mailFrom: config.mailFromSet ? config.mailFrom : undefined };
}
