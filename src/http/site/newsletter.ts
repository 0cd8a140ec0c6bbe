/**
 * The reader's newsletter routes: signup (POST /newsletter), the double
 * opt-in link, unsubscribe (a page with a button, and RFC 8058 one-click
 * POST) and preferences. Plain HTML forms; every answer is `no-store`, since
 * most of these pages are reached by a personal link.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { consentWording } from '../../domain/newsletter/consent.js';
import { MastheadError } from '../../errors.js';
import { changeAddress, confirm, preferences, subscribe, subscriberOfLink, unsubscribe } from '../../services/newsletter/subscriptions.js';
import type { SubscriptionDeps } from '../../services/newsletter/subscriptions.js';
import { loadChrome } from '../../services/site/read-site.js';
import { renderNewsletterView } from '../../themes/default/pages/newsletter.js';
import type { NewsletterView } from '../../themes/default/pages/newsletter.js';
import type { SiteDeps } from '../app.js';
import { themeContext } from './routes.js';

const CHECK_INBOX =
  'Check your inbox. If the address can receive our round-up, a message with a confirmation link is on its way; nothing is sent until you confirm.';
const tokenQuery = z.object({ token: z.string().max(300).optional() }).loose();
const signupBody = z.object({ email: z.string().optional(), website: z.string().optional(), source: z.string().optional() }).loose();
const preferencesBody = z.object({ action: z.enum(['change', 'leave']), email: z.string().optional() }).loose();

export async function registerNewsletterRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  await app.register(async (scope) => {
    // RFC 8058 lets the one-click POST come as multipart/form-data too; its body carries nothing we
    // need (the token is in the URL), so any body type is read and dropped rather than refused with 415.
    scope.addContentTypeParser('*', { bodyLimit: 64 * 1024 }, (_request, payload, done) => {
      payload.on('data', () => undefined);
      payload.on('end', () => done(null, {}));
      payload.on('error', (error) => done(error));
    });
    routes(scope, deps);
  });
}

function routes(app: FastifyInstance, deps: SiteDeps): void {
  const subscriptionDeps = async (): Promise<SubscriptionDeps & { pitch: string }> => {
    const { settings } = await loadChrome(deps);
    return {
      db: deps.db,
      clock: deps.clock,
      mailer: deps.mailer,
      publicUrl: deps.config.publicUrl,
      publicationTitle: settings.title,
      pitch: settings.newsletterPitch,
    };
  };

  async function show(request: FastifyRequest, reply: FastifyReply, status: number, view: NewsletterView): Promise<FastifyReply> {
    const chrome = await loadChrome(deps);
    const path = request.url.split('?')[0] ?? '/newsletter';
    const html = renderNewsletterView(themeContext(deps, chrome, path), chrome, view);
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .send(html);
  }

  /** A bad or expired link is the reader's problem to fix, not an error of ours: a 400 page saying so. */
  async function withLink(
    request: FastifyRequest,
    reply: FastifyReply,
    work: (token: string) => Promise<FastifyReply>,
  ): Promise<FastifyReply> {
    const parsed = tokenQuery.safeParse(request.query ?? {});
    const token = parsed.success ? parsed.data.token : undefined;
    if (!token) return show(request, reply, 400, { kind: 'link-invalid' });
    try {
      return await work(token);
    } catch (error) {
      if (error instanceof MastheadError && error.code === 'TOKEN_INVALID') return show(request, reply, 400, { kind: 'link-invalid' });
      throw error;
    }
  }

  const selfUrl = (path: string, token: string): string => `${path}?token=${encodeURIComponent(token)}`;

  /** The signup form's script asks for JSON and shows the answer in place; the plain form gets a page. */
  async function signupAnswer(request: FastifyRequest, reply: FastifyReply, status: number, view: NewsletterView): Promise<FastifyReply> {
    if (!/\bapplication\/json\b/.test(request.headers.accept ?? '')) return show(request, reply, status, view);
    const body =
      view.kind === 'signup' && view.error
        ? { errors: [{ code: 'VALIDATION_FAILED', message: view.error, property: 'email' }] }
        : { message: CHECK_INBOX };
    return reply.code(status).header('cache-control', 'no-store').header('vary', 'Accept').send(body);
  }

  app.post('/newsletter', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = signupBody.safeParse(request.body ?? {});
    if (!parsed.success || parsed.data.email === undefined)
      return signupAnswer(request, reply, 400, { kind: 'signup', error: 'Enter one email address to subscribe.' });
    const { email, website, source } = parsed.data;
    const referer = typeof request.headers.referer === 'string' ? safePath(request.headers.referer, deps.config.publicUrl) : null;
    const sDeps = await subscriptionDeps();
    try {
      await subscribe(sDeps, {
        email,
        honeypot: website,
        sourcePath: source ?? referer ?? '/newsletter',
        consentText: consentWording(sDeps.pitch),
      });
    } catch (error) {
      if (error instanceof MastheadError && error.code === 'VALIDATION_FAILED') {
        // Echo the address back only when it is short and single-line: nothing odd is reflected.
        const echo = email.length <= 254 && !/[\r\n]/.test(email) ? email : undefined;
        return signupAnswer(request, reply, 400, {
          kind: 'signup',
          email: echo,
          source,
          error: `${error.message.replace(/^The request is not valid: /, 'That did not work: ')}.`,
        });
      }
      throw error;
    }
    // The same page for a new address, a known one and a bot: nothing tells them apart.
    return signupAnswer(request, reply, 200, { kind: 'check-inbox' });
  });

  app.get('/newsletter/confirm', (request, reply) =>
    withLink(request, reply, async (token) => {
      const subscriber = await confirm(deps, token);
      if (subscriber.status === 'confirmed') return show(request, reply, 200, { kind: 'confirmed', email: subscriber.email });
      return show(request, reply, 200, { kind: 'not-confirmed', email: subscriber.email });
    }),
  );

  // Showing the page changes nothing: mail scanners follow GET links, only a person presses the button.
  app.get('/newsletter/unsubscribe', (request, reply) =>
    withLink(request, reply, async (token) => {
      const subscriber = await subscriberOfLink(deps, token);
      if (subscriber.status === 'unsubscribed') return show(request, reply, 200, { kind: 'unsubscribed', email: subscriber.email });
      return show(request, reply, 200, { kind: 'unsubscribe', email: subscriber.email, action: selfUrl('/newsletter/unsubscribe', token) });
    }),
  );

  /*
   * RFC 8058 one-click: a mail client POSTs `List-Unsubscribe=One-Click` to the URL from the
   * List-Unsubscribe header, with no cookies and no way to fetch a form first. So there is no
   * sign-in and no CSRF token here: the signed token in the URL is the whole authority, and a
   * forged cross-site POST would need that token, which only the subscriber's mailbox has.
   * The worst a replayed link can do is unsubscribe, which is idempotent and harmless to repeat.
   */
  app.post('/newsletter/unsubscribe', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, (request, reply) =>
    withLink(request, reply, async (token) => {
      const subscriber = await unsubscribe(deps, token);
      return show(request, reply, 200, { kind: 'unsubscribed', email: subscriber.email });
    }),
  );

  app.get('/newsletter/preferences', (request, reply) =>
    withLink(request, reply, async (token) => {
      const subscriber = await preferences(deps, token);
      return show(request, reply, 200, {
        kind: 'preferences',
        email: subscriber.email,
        status: subscriber.status,
        action: selfUrl('/newsletter/preferences', token),
      });
    }),
  );

  app.post('/newsletter/preferences', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, (request, reply) =>
    withLink(request, reply, async (token) => {
      const parsed = preferencesBody.safeParse(request.body ?? {});
      const subscriber = await preferences(deps, token);
      const action = selfUrl('/newsletter/preferences', token);
      if (!parsed.success)
        return show(request, reply, 400, {
          kind: 'preferences',
          email: subscriber.email,
          status: subscriber.status,
          action,
          error: 'Choose to change your address or to unsubscribe.',
        });
      if (parsed.data.action === 'leave') {
        const left = await unsubscribe(deps, token);
        return show(request, reply, 200, { kind: 'unsubscribed', email: left.email });
      }
      try {
        await changeAddress(await subscriptionDeps(), token, parsed.data.email ?? '');
      } catch (error) {
        if (error instanceof MastheadError && error.code === 'VALIDATION_FAILED')
          return show(request, reply, 400, {
            kind: 'preferences',
            email: subscriber.email,
            status: subscriber.status,
            action,
            error: `${error.message.replace(/^The request is not valid: /, 'That did not work: ')}.`,
          });
        throw error;
      }
      return show(request, reply, 200, { kind: 'address-changed' });
    }),
  );
}

/** The path of a Referer on this site, or null. */
function safePath(referer: string, publicUrl: string): string | null {
  try {
    const url = new URL(referer);
    return url.origin === new URL(publicUrl).origin ? url.pathname : null;
  } catch {
    return null;
  }
}
