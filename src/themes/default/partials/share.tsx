import type { VNode } from 'preact';
import type { SocialAccount } from '../../../domain/content/model.js';

/** Share links are plain URLs: no third-party script, no tracking pixel. */
export function ShareLinks({ url, title }: { url: string; title: string }): VNode {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { label: 'Email', href: `mailto:?subject=${t}&body=${u}` },
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${title} ${url}`)}` },
    { label: 'Mastodon', href: `https://mastodonshare.com/?text=${t}&url=${u}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
  ];
  return (
    <nav class="share" aria-label="Share this article">
      <h2 class="share-heading">Share</h2>
      <ul>
        {links.map((l) => (
          <li key={l.label}>
            <a href={l.href} rel="noopener nofollow">
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function FollowLinks({ accounts }: { accounts: readonly SocialAccount[] }): VNode | null {
  if (accounts.length === 0) return null;
  return (
    <nav class="follow" aria-label="Follow us">
      <h2 class="follow-heading">Follow us</h2>
      <ul>
        {accounts.map((a) => (
          <li key={a.url}>
            <a href={a.url} rel="me noopener">
              {a.network}
              <span class="handle"> {a.handle}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
