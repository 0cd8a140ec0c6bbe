/**
 * The reader's newsletter pages: signup answers, confirmation, unsubscribe
 * (with its confirm button) and preferences. Plain forms; no script needed.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { SIGNUP_FINE_PRINT, SIGNUP_HEADING } from '../../../domain/newsletter/consent.js';
import type { Chrome } from '../../../services/site/view-models.js';
import type { ThemeContext } from '../context.js';
import { Layout } from '../layout.js';

export type NewsletterView =
  | { kind: 'signup'; error?: string; email?: string; source?: string }
  | { kind: 'check-inbox' }
  | { kind: 'confirmed'; email: string }
  | { kind: 'not-confirmed'; email: string }
  | { kind: 'unsubscribe'; email: string; action: string }
  | { kind: 'unsubscribed'; email: string; preferencesAction?: string }
  | { kind: 'preferences'; email: string; status: string; action: string; error?: string }
  | { kind: 'address-changed' }
  | { kind: 'link-invalid' };

const TITLES: Record<NewsletterView['kind'], string> = {
  signup: SIGNUP_HEADING,
  'check-inbox': 'Check your inbox',
  confirmed: 'You are subscribed',
  'not-confirmed': 'This subscription was not confirmed',
  unsubscribe: 'Unsubscribe from the round-up?',
  unsubscribed: 'You are unsubscribed',
  preferences: 'Your newsletter preferences',
  'address-changed': 'Check the inbox of your new address',
  'link-invalid': 'This link does not work',
};

const STATUS_WORDS: Record<string, string> = {
  pending: 'waiting for you to confirm the address',
  confirmed: 'subscribed',
  unsubscribed: 'unsubscribed',
  bounced: 'paused: mail to this address was refused',
};

export function SignupForm(props: { ctx: ThemeContext; id: string; email?: string; source?: string; error?: string }): VNode {
  const { id } = props;
  return (
    <form method="post" action="/newsletter" class="newsletter-form">
      <label for={`${id}-email`}>Email address</label>
      {props.error && (
        <p class="form-error" id={`${id}-error`} role="alert">
          {props.error}
        </p>
      )}
      <div class="newsletter-row">
        <input
          id={`${id}-email`}
          type="email"
          name="email"
          autocomplete="email"
          required
          placeholder="you@example.com"
          value={props.email}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
        />
        <button type="submit">Subscribe</button>
      </div>
      <input type="hidden" name="source" value={props.source ?? props.ctx.path} />
      <div class="visually-hidden" aria-hidden="true">
        <label for={`${id}-website`}>Leave this field empty</label>
        <input id={`${id}-website`} type="text" name="website" tabindex={-1} autocomplete="off" />
      </div>
      <p class="fine-print">{SIGNUP_FINE_PRINT}</p>
    </form>
  );
}

function Body({ ctx, view }: { ctx: ThemeContext; view: NewsletterView }): VNode {
  switch (view.kind) {
    case 'signup':
      return (
        <>
          <p>{ctx.settings.newsletterPitch}</p>
          <SignupForm ctx={ctx} id="newsletter-signup" email={view.email} source={view.source} error={view.error} />
        </>
      );
    case 'check-inbox':
      return (
        <p>
          If the address can receive our round-up, a message with a confirmation link is on its way. Open it within seven days to start
          receiving the newsletter. Nothing is sent until you confirm.
        </p>
      );
    case 'confirmed':
      return (
        <p>
          Thank you. The weekly round-up of {ctx.settings.title} will come to {view.email}. Every issue has a one-click unsubscribe link.
        </p>
      );
    case 'not-confirmed':
      return (
        <p>
          {view.email} left the newsletter after this link was sent, so we have not subscribed it again. To subscribe, use the form below.
        </p>
      );
    case 'unsubscribe':
      return (
        <>
          <p>
            {view.email} will stop receiving the weekly round-up of {ctx.settings.title}.
          </p>
          <form method="post" action={view.action}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">Unsubscribe</button>
          </form>
        </>
      );
    case 'unsubscribed':
      return <p>{view.email} will not receive the round-up any more. If this was a mistake, subscribe again with the form below.</p>;
    case 'preferences':
      return (
        <>
          <p>
            The round-up goes to <strong>{view.email}</strong> ({STATUS_WORDS[view.status] ?? view.status}).
          </p>
          <form method="post" action={view.action} class="newsletter-form">
            <input type="hidden" name="action" value="change" />
            <label for="preferences-email">New email address</label>
            {view.error && (
              <p class="form-error" id="preferences-error" role="alert">
                {view.error}
              </p>
            )}
            <div class="newsletter-row">
              <input id="preferences-email" type="email" name="email" autocomplete="email" required />
              <button type="submit">Change address</button>
            </div>
          </form>
          <form method="post" action={view.action}>
            <input type="hidden" name="action" value="leave" />
            <button type="submit">Unsubscribe</button>
          </form>
        </>
      );
    case 'address-changed':
      return <p>We have sent a confirmation link to the new address. The round-up goes there once you open it.</p>;
    case 'link-invalid':
      return (
        <p>
          The link is incomplete, has been changed, or has expired. Confirmation links work for seven days: subscribe again below to get a
          new one.
        </p>
      );
  }
}

/** A complete page for one of the newsletter views. */
export function renderNewsletterView(ctx: ThemeContext, chrome: Chrome, view: NewsletterView): string {
  const title = TITLES[view.kind];
  // The signup box under the page would repeat the form on pages that already have one.
  const box = !['signup', 'check-inbox', 'address-changed', 'preferences', 'unsubscribe', 'confirmed'].includes(view.kind);
  return (
    '<!doctype html>' +
    renderToString(
      <Layout
        ctx={ctx}
        sections={chrome.sections}
        meta={{
          title,
          description: title,
          canonicalPath: ctx.path,
          ogType: 'website',
          noindex: true,
          // The signup form is enhanced by the theme's script, as the box is on other pages.
          scripts: view.kind === 'signup' ? [ctx.script] : [],
        }}
        newsletterBox={box}
      >
        <div class="message-page">
          <p class="eyebrow">Newsletter</p>
          <h1>{title}</h1>
          <Body ctx={ctx} view={view} />
        </div>
      </Layout>,
    )
  );
}
