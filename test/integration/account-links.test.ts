import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/accounts.js';
import { findArticleBySlug } from '../../src/storage/repositories/articles.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const V1 = '/api/admin/v1';

for (const dialect of DIALECTS) {
  describe(`links by mail and preview links on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let now = new Date('2026-11-26T10:00:00Z');
    beforeAll(async () => {
      site = await createTestSite(dialect, { clock: () => now });
      await createUser(site.deps, { actor: null, email: 'ada@example.org', name: 'Ada', role: 'admin', password: 'admin-password' });
      await createUser(site.deps, {
        actor: null,
        email: 'cora@example.org',
        name: 'Cora',
        role: 'contributor',
        password: 'old-password-1',
      });
    });
    afterAll(async () => {
      await site?.close();
    });

    const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
      site.app.inject({ method: 'POST', url: V1 + url, payload, headers });
    async function signIn(email: string, password: string): Promise<{ cookie: string; csrf: string; status: number }> {
      const res = await post('/session', { email, password });
      return {
        status: res.statusCode,
        cookie: String(res.headers['set-cookie'] ?? '').split(';')[0]!,
        csrf: res.statusCode === 200 ? (res.json() as { csrfToken: string }).csrfToken : '',
      };
    }
    const tokenIn = (text: string, kind: 'reset' | 'invite'): string => new RegExp(`#/${kind}/([\\w-]+)`).exec(text)?.[1] ?? '';

    it('resets a password by a mailed link that works once, within an hour, and signs out the old sessions', async () => {
      const before = await signIn('cora@example.org', 'old-password-1');
      expect((await post('/password-reset', { email: 'nobody@example.org' })).statusCode).toBe(202);
      const asked = await post('/password-reset', { email: 'Cora@Example.org' });
      expect(asked.statusCode).toBe(202);
      // Unknown and known addresses get the same answer; only the known one gets mail.
      expect(site.mail.filter((m) => m.to === 'nobody@example.org')).toEqual([]);
      const mail = site.mail.findLast((m) => m.to === 'cora@example.org')!;
      expect(mail.subject).toContain('Reset your password');
      const token = tokenIn(mail.text, 'reset');
      expect(token.length).toBeGreaterThan(30);

      expect((await post('/password-reset/complete', { token, password: 'short' })).statusCode).toBe(422);
      expect((await post('/password-reset/complete', { token, password: 'new-password-22' })).statusCode).toBe(204);
      expect((await post('/password-reset/complete', { token, password: 'another-password-3' })).json()).toMatchObject({
        errors: [{ code: 'TOKEN_INVALID' }],
      });
      expect((await signIn('cora@example.org', 'old-password-1')).status).toBe(401);
      expect((await signIn('cora@example.org', 'new-password-22')).status).toBe(200);
      const old = await site.app.inject({ url: `${V1}/session`, headers: { cookie: before.cookie } });
      expect(old.statusCode).toBe(401);

      await post('/password-reset', { email: 'cora@example.org' });
      const late = tokenIn(site.mail.findLast((m) => m.to === 'cora@example.org')!.text, 'reset');
      now = new Date(now.getTime() + 61 * 60_000);
      expect((await post('/password-reset/complete', { token: late, password: 'too-late-password' })).statusCode).toBe(400);
    });

    it('invites staff by a link that creates the account with the invited role, once', async () => {
      const admin = await signIn('ada@example.org', 'admin-password');
      const cora = await signIn('cora@example.org', 'new-password-22');
      const refused = await post(
        '/invitations',
        { email: 'x@example.org', role: 'editor' },
        { cookie: cora.cookie, 'x-csrf-token': cora.csrf },
      );
      expect(refused.statusCode).toBe(403);
      const invited = await post(
        '/invitations',
        { email: 'new.editor@example.org', role: 'editor' },
        { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      );
      expect(invited.statusCode).toBe(201);
      const token = tokenIn(site.mail.findLast((m) => m.to === 'new.editor@example.org')!.text, 'invite');
      const accepted = await post('/invitations/accept', { token, name: 'Nia Editor', password: 'editor-password-1' });
      expect(accepted.statusCode).toBe(201);
      expect(accepted.json()).toMatchObject({ user: { email: 'new.editor@example.org', role: 'editor', name: 'Nia Editor' } });
      expect((await post('/invitations/accept', { token, name: 'Again', password: 'editor-password-2' })).statusCode).toBe(400);
      expect((await signIn('new.editor@example.org', 'editor-password-1')).status).toBe(200);
    });

    it('shows a draft through an expiring secret preview link, never indexed or cached', async () => {
      const admin = await signIn('ada@example.org', 'admin-password');
      const created = await post(
        '/articles',
        {
          sectionId: (await findArticleBySlug(site.deps.db, 'asia-second'))!.section.id,
          typeId: (await findArticleBySlug(site.deps.db, 'asia-second'))!.type.id,
          headline: 'A draft for the desk',
          slug: 'a-draft-for-the-desk',
        },
        { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      );
      const id = (created.json() as { article: { id: string } }).article.id;
      expect((await site.app.inject({ url: '/asia/a-draft-for-the-desk' })).statusCode).toBe(404);
      const link = await post(`/articles/${id}/preview-link`, {}, { cookie: admin.cookie, 'x-csrf-token': admin.csrf });
      expect(link.statusCode).toBe(201);
      const { url } = link.json() as { url: string };
      const path = new URL(url).pathname;
      const page = await site.app.inject({ url: path });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('A draft for the desk');
      expect(page.headers['cache-control']).toBe('private, no-store');
      expect(page.body).toContain('<meta name="robots" content="noindex"/>');
      expect((await site.app.inject({ url: '/preview/not-a-real-token-but-long-enough' })).statusCode).toBe(404);
      now = new Date(now.getTime() + 8 * 24 * 3_600_000);
      expect((await site.app.inject({ url: path })).statusCode).toBe(404);
    });
  });
}
