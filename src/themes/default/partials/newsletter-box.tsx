import type { VNode } from 'preact';
import type { SiteSettings } from '../../../domain/content/model.js';

/** "Subscribe to our weekly round-up": a plain form that works without JavaScript. */
export function NewsletterBox({
  settings,
  id = 'newsletter-box',
  source,
}: {
  settings: SiteSettings;
  id?: string;
  source?: string;
}): VNode {
  return (
    <section class="newsletter-box" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Subscribe to our weekly round-up</h2>
      <p>{settings.newsletterPitch}</p>
      <form method="post" action="/newsletter" class="newsletter-form">
        <label for={`${id}-email`}>Email address</label>
        <div class="newsletter-row">
          <input id={`${id}-email`} type="email" name="email" autocomplete="email" required placeholder="you@example.com" />
          <button type="submit">Subscribe</button>
        </div>
        {/* Consent is recorded with the page it was given on; the hidden field below is a honeypot for bots. */}
        {source && <input type="hidden" name="source" value={source} />}
        <div class="visually-hidden" aria-hidden="true">
          <label for={`${id}-website`}>Leave this field empty</label>
          <input id={`${id}-website`} type="text" name="website" tabindex={-1} autocomplete="off" />
        </div>
        <p class="fine-print">One email a week. Unsubscribe with one click.</p>
      </form>
    </section>
  );
}
