import { describe, expect, it } from 'vitest';
import { verifyLink } from '../../src/services/newsletter/signed-links.js';
import { listId, listUnsubscribeHeaders, unsubscribeLinks } from '../../src/services/newsletter/unsubscribe-headers.js';

const secret = Buffer.alloc(32, 7);
const now = new Date('2026-11-26T10:00:00Z');

describe('unsubscribe links and headers (RFC 2369, 8058, 2919)', () => {
  it('signs HTTPS, one-click, mailto and preferences links for the subscriber', () => {
    const links = unsubscribeLinks(
      { secret, publicUrl: 'https://news.example.org', mailbox: 'The Review <news@example.org>' },
      'sub-1',
      now,
    );
    expect(links.oneClickUrl).toBe(links.https);
    const token = decodeURIComponent(new URL(links.https).searchParams.get('token')!);
    expect(new URL(links.https).pathname).toBe('/newsletter/unsubscribe');
    expect(verifyLink(secret, 'unsubscribe', token, now)).toBe('sub-1');
    expect(verifyLink(secret, 'confirm', token, now)).toBeNull();
    expect(links.mailto).toBe(`mailto:news@example.org?subject=${encodeURIComponent(`unsubscribe ${token}`)}`);
    const prefs = new URL(links.preferences);
    expect(prefs.pathname).toBe('/newsletter/preferences');
    expect(verifyLink(secret, 'preferences', prefs.searchParams.get('token')!, now)).toBe('sub-1');
  });

  it('builds the three headers, with nothing that could break a header line', () => {
    const ctx = {
      secret,
      publicUrl: 'https://news.example.org',
      mailbox: 'news@example.org',
      listName: 'The "Review"\r\nBcc: x@example.org',
    };
    const headers = listUnsubscribeHeaders(ctx, 'sub-1', now);
    const links = unsubscribeLinks(ctx, 'sub-1', now);
    expect(headers).toEqual({
      'List-Unsubscribe': `<${links.https}>, <${links.mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': '"The  Review   Bcc: x@example.org" <round-up.news.example.org>',
    });
    for (const value of Object.values(headers)) expect(value).not.toMatch(/[\r\n]/);
    expect(listId({ publicUrl: 'http://localhost:3000' })).toBe('"Weekly round-up" <round-up.localhost>');
  });
});
