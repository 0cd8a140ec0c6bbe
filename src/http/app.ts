import path from 'node:path';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.js';
import { EMBED_FRAME_ORIGINS } from '../domain/content/embed.js';
import { MastheadError } from '../errors.js';
import { consoleMailer } from '../services/mail/mailer.js';
import type { Mailer } from '../services/mail/mailer.js';
import type { ServiceDeps } from '../services/deps.js';
import { PUBLIC_TARGETS_ONLY } from '../services/distribution/webhook-target.js';
import type { TargetPolicy } from '../services/distribution/webhook-target.js';
import type { MailEnvironment } from '../services/settings/mail-settings-admin.js';
import { PageCache } from './middleware/page-cache.js';
import { registerEditorApp } from './admin/editor-app.js';
import { registerAdminApi } from './admin/routes.js';
import { registerContentApi } from './api/routes.js';
import { registerHealthRoutes } from './health.js';
import { registerFeedRoutes } from './site/feeds/routes.js';
import { registerSitemapRoutes } from './site/sitemaps/routes.js';
import { registerPreviewRoute } from './site/preview.js';
import { registerSearchRoute } from './site/search.js';
import { registerNewsletterArchiveRoutes } from './site/newsletter-archive.js';
import { registerNewsletterRoutes } from './site/newsletter.js';
import { notFound, registerSiteRoutes, sendMessage } from './site/routes.js';
import { loadThemeAssets } from './site/theme-assets.js';
import type { StaticAsset } from './site/theme-assets.js';

export interface SiteDeps extends ServiceDeps {
  config: Pick<Config, 'publicUrl' | 'dataDir'>;
  cache: PageCache;
  /** Sends sign-in links, invitations (and, later, the newsletter). */
  mailer: Mailer;
  /** URLs of the fingerprinted stylesheet and script. */
  stylesheet: string;
  script: string;
  /** Where webhooks may point (MASTHEAD_WEBHOOKS_ALLOW_PRIVATE). */
  webhookPolicy: TargetPolicy;
  /** MASTHEAD_SMTP_URL and MASTHEAD_MAIL_FROM, which win over the admin's mail settings. */
  mailEnvironment: MailEnvironment;
}

export interface AppOptions {
  deps: ServiceDeps;
  config: Pick<Config, 'publicUrl' | 'dataDir'> & Partial<Pick<Config, 'robots' | 'trustProxy' | 'apiCorsOrigins'>>;
  /** Requests per minute per Content API key (default 600): small in tests. */
  contentApiRateLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** Defaults to printing mail on the terminal, for development. */
  mailer?: Mailer;
  /** Where media files are read from when stored on local disk. */
  mediaRoot?: string;
  /** URLs per article sitemap (default 50,000): small in tests. */
  sitemapPageSize?: number;
  /** Defaults to public addresses only. */
  webhookPolicy?: TargetPolicy;
  /** Defaults to neither set. */
  mailEnvironment?: MailEnvironment;
}

/** The whole HTTP surface: reader site, health checks, media and theme assets. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; cache: PageCache }> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Only behind a proxy we run may X-Forwarded-For name the client (sign-in rate limits key on it).
    trustProxy: options.config.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Slugs and ids are short; anything longer is not ours.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const cache = new PageCache();
  const unsubscribe = options.deps.events.onChange((keys) => cache.invalidate(keys));
  app.addHook('onClose', async () => unsubscribe());

  const assets = loadThemeAssets();
  const deps: SiteDeps = {
    ...options.deps,
    config: options.config,
    cache,
    mailer: options.mailer ?? consoleMailer(),
    stylesheet: assets.stylesheet.path,
    script: assets.script.path,
    webhookPolicy: options.webhookPolicy ?? PUBLIC_TARGETS_ONLY,
    mailEnvironment: options.mailEnvironment ?? { smtpUrl: undefined, mailFrom: undefined },
  };
  const https = options.config.publicUrl.startsWith('https://');

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: EMBED_FRAME_ORIGINS,
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(fastifyFormbody);

  for (const asset of [assets.stylesheet, assets.script]) registerAsset(app, asset);
  app.get<{ Params: { accent: string; dark: string } }>('/assets/colours/:accent-:dark.css', (request, reply) => {
    const { accent, dark } = request.params;
    // The address is the content: two hex colours, nothing else is ever echoed.
    if (!/^[0-9a-fA-F]{6}$/.test(accent) || !/^[0-9a-fA-F]{6}$/.test(dark)) return notFound(request, reply, deps);
    return reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(`:root{--accent:#${accent}}@media (prefers-color-scheme: dark){:root{--accent:#${dark}}}`);
  });
  await app.register(fastifyStatic, {
    root: options.mediaRoot ?? path.join(options.config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    index: false,
    // Keys are content hashes: a file at a URL never changes.
    immutable: true,
    maxAge: '365d',
  });

  registerHealthRoutes(app, deps);
  await registerAdminApi(app, deps);
  await registerEditorApp(app);
  await registerContentApi(app, deps, { corsOrigins: options.config.apiCorsOrigins ?? [], rateLimit: options.contentApiRateLimit ?? 600 });
  registerFeedRoutes(app, deps);
  registerSitemapRoutes(app, deps, { robots: options.config.robots ?? 'allow', pageSize: options.sitemapPageSize });
  registerPreviewRoute(app, deps);
  registerSearchRoute(app, deps);
  await registerNewsletterRoutes(app, deps);
  registerNewsletterArchiveRoutes(app, deps);
  registerSiteRoutes(app, deps);

  app.setNotFoundHandler((request, reply) => notFound(request, reply, deps));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof MastheadError) {
      if (error.status === 404) return notFound(request, reply, deps);
      return sendMessage(request, reply, deps, error.status, 'That request did not work', [error.message]);
    }
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    if (status < 500)
      return sendMessage(request, reply, deps, status, 'That request did not work', [
        error instanceof Error ? error.message : 'Bad request.',
      ]);
    request.log.error({ err: error }, 'request failed');
    return sendMessage(request, reply, deps, 500, 'Something went wrong', [
      'We could not show this page just now. The error has been logged; please try again in a moment.',
    ]);
  });

  return { app, cache };
}

function registerAsset(app: FastifyInstance, asset: StaticAsset): void {
  app.get(asset.path, (request, reply) => {
    reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', asset.etag)
      .header('vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    const accept = request.headers['accept-encoding'] ?? '';
    if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(asset.br);
    if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });
}
