import type { VNode } from 'preact';
import type { ThemeContext } from '../context.js';

/** Not found, errors and other short notices to the reader. */
export function MessagePage({ ctx, title, lines, status }: { ctx: ThemeContext; title: string; lines: string[]; status: number }): VNode {
  return (
    <div class="message-page">
      <p class="eyebrow">{status === 404 ? 'Not found' : status >= 500 ? 'Error' : 'Notice'}</p>
      <h1>{title}</h1>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      <p>
        <a href="/">Go to the front page of {ctx.settings.title}</a> or <a href="/latest">read the latest</a>.
      </p>
    </div>
  );
}

export function NewsletterPage({ ctx }: { ctx: ThemeContext }): VNode {
  return (
    <div class="message-page">
      <p class="eyebrow">Newsletter</p>
      <h1>The weekly round-up</h1>
      <p>{ctx.settings.newsletterPitch}</p>
      <p>We ask you to confirm your address before we send anything, and every issue has a one-click unsubscribe link.</p>
    </div>
  );
}
