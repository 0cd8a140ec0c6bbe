import type { VNode } from 'preact';
import type { SiteSettings } from '../../../domain/content/model.js';

/** "Subscribe to our weekly round-up": a plain form that works without JavaScript. */
export function NewsletterBox({ settings, id = 'newsletter-box' }: { settings: SiteSettings; id?: string }): VNode {
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
        <p class="fine-print">One email a week. Unsubscribe with one click.</p>
      </form>
    </section>
  );
}
