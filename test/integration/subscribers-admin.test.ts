import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.js';
import { createUser } from '../../src/services/auth/accounts.js';
import {
  confirmSubscriber,
  createPendingSubscriber,
  findSubscriberByEmail,
  unsubscribeSubscriber,
} from '../../src/storage/repositories/subscribers.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const V1 = '/api/admin/v1';

for (const dialect of DIALECTS) {
  describe(`subscribers in the Admin API on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    const now = new Date('2026-11-26T10:00:00Z');
    let admin: Record<string, string>;
    let editor: Record<string, string>;

    async function signIn(email: string, password: string): Promise<Record<string, string>> {
      const res = await site.app.inject({ method: 'POST', url: `${V1}/session`, payload: { email, password } });
      return {
        cookie: String(res.headers['set-cookie'] ?? '').split(';')[0]!,
        'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
      };
    }
    async function add(
      email: string,
      confirmedAt: string | null,
      consent = { at: '2026-11-01T00:00:00.000Z', source: '/newsletter', text: 'Subscribe to our weekly round-up.' },
    ): Promise<string> {
      const { subscriber } = await createPendingSubscriber(site.deps.db, { id: crypto.randomUUID(), email, consent, now: consent.at });
      if (confirmedAt) await confirmSubscriber(site.deps.db, subscriber.id, confirmedAt);
      return subscriber.id;
    }
    const get = (url: string, headers = admin) => site.app.inject({ url: V1 + url, headers });
    const importCsv = (csv: string, headers = admin) =>
      site.app.inject({
        method: 'POST',
        url: `${V1}/subscribers/import`,
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: csv,
      });
    const total = async (): Promise<number> =>
      Number(
        (
          await site.deps.db
            .selectFrom('subscribers')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      site = await createTestSite(dialect, { clock: () => now });
      await createUser(site.deps, { actor: null, email: 'ada@example.org', name: 'Ada', role: 'admin', password: 'admin-password' });
      await createUser(site.deps, { actor: null, email: 'ed@example.org', name: 'Ed', role: 'editor', password: 'editor-password' });
      admin = await signIn('ada@example.org', 'admin-password');
      editor = await signIn('ed@example.org', 'editor-password');
      // Weeks start on Monday (UTC): 16 and 22 November are one week (W47), 23 and 26 the next (W48).
      await add('alpha.one@example.org', '2026-11-16T00:00:00.000Z');
      await add('alpha.two@example.org', '2026-11-22T23:59:59.000Z');
      await add('beta@example.org', '2026-11-23T00:00:00.000Z');
      await add('gamma@example.org', '2026-11-26T09:00:00.000Z');
      await add('pending_100%@example.org', null);
      await add('formula@example.org', '2026-10-01T00:00:00.000Z', {
        at: '2026-10-01T00:00:00.000Z',
        source: '+cmd',
        text: '=HYPERLINK("http://evil.example","click")',
      });
    });
    afterAll(async () => {
      await site?.close();
    });

    it('counts new confirmed subscribers and departures per ISO week, zeros included', async () => {
      const res = await get('/subscribers/stats?weeks=4');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { totals: Record<string, number>; weeks: { week: string; weekStart: string; confirmed: number }[] };
      expect(body.weeks).toEqual([
        { week: '2026-W45', weekStart: '2026-11-02', confirmed: 0, unsubscribed: 0 },
        { week: '2026-W46', weekStart: '2026-11-09', confirmed: 0, unsubscribed: 0 },
        { week: '2026-W47', weekStart: '2026-11-16', confirmed: 2, unsubscribed: 0 },
        { week: '2026-W48', weekStart: '2026-11-23', confirmed: 2, unsubscribed: 0 },
      ]);
      expect(body.totals).toEqual({ pending: 1, confirmed: 5, unsubscribed: 0, bounced: 0 });
      expect((await get('/subscribers/stats?weeks=0')).statusCode).toBe(400);

      // One leaves in W48: counted there, and gone from the confirmed total.
      const leaver = await add('leaver@example.org', '2026-11-10T00:00:00.000Z');
      await unsubscribeSubscriber(site.deps.db, leaver, '2026-11-25T12:00:00.000Z');
      const after = (await get('/subscribers/stats?weeks=3')).json() as typeof body;
      expect(after.weeks).toEqual([
        { week: '2026-W46', weekStart: '2026-11-09', confirmed: 1, unsubscribed: 0 },
        { week: '2026-W47', weekStart: '2026-11-16', confirmed: 2, unsubscribed: 0 },
        { week: '2026-W48', weekStart: '2026-11-23', confirmed: 2, unsubscribed: 1 },
      ]);
      expect(after.totals).toEqual({ pending: 1, confirmed: 5, unsubscribed: 1, bounced: 0 });
      await site.deps.db.deleteFrom('subscribers').where('id', '=', leaver).execute();
    });

    it('lists and searches, by part of the address and by status, with paging', async () => {
      const all = await get('/subscribers?limit=2&page=2');
      expect(all.statusCode).toBe(200);
      expect(all.json()).toMatchObject({ meta: { page: 2, limit: 2, total: 6, pages: 3 } });
      expect((all.json() as { subscribers: unknown[] }).subscribers).toHaveLength(2);
      const alpha = (await get('/subscribers?q=ALPHA')).json() as { subscribers: { email: string }[] };
      expect(alpha.subscribers.map((s) => s.email).sort()).toEqual(['alpha.one@example.org', 'alpha.two@example.org']);
      // LIKE wildcards in the query are literal.
      expect(((await get('/subscribers?q=_100%25')).json() as { subscribers: unknown[] }).subscribers).toHaveLength(1);
      expect(((await get('/subscribers?q=%25')).json() as { subscribers: unknown[] }).subscribers).toHaveLength(1);
      const pending = (await get('/subscribers?status=pending')).json() as { subscribers: { email: string; consentSource: string }[] };
      expect(pending.subscribers).toEqual([expect.objectContaining({ email: 'pending_100%@example.org', consentSource: '/newsletter' })]);
      expect((await get('/subscribers?status=nonsense')).statusCode).toBe(400);
    });

    it('exports CSV with the consent fields, spreadsheet formulas neutralised', async () => {
      const res = await get('/subscribers/export.csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain('attachment; filename="subscribers-2026-11-26.csv"');
      const records = parseCsv(res.body);
      expect(records[0]!.fields).toEqual([
        'email',
        'status',
        'consent_at',
        'consent_source',
        'consent_text',
        'confirmed_at',
        'unsubscribed_at',
        'bounced_at',
        'bounce_reason',
        'created_at',
      ]);
      expect(records).toHaveLength(7);
      const formula = records.find((r) => r.fields[0] === 'formula@example.org')!.fields;
      expect(formula.slice(1, 6)).toEqual([
        'confirmed',
        '2026-10-01T00:00:00.000Z',
        "'+cmd",
        `'=HYPERLINK("http://evil.example","click")`,
        '2026-10-01T00:00:00.000Z',
      ]);
      expect(res.body).not.toMatch(/(^|,)[=+@-]/m);
    });

    it('imports good rows in one go and reports each broken row by its line', async () => {
      const leaver = await add('leaver@example.org', '2026-11-02T00:00:00.000Z');
      await unsubscribeSubscriber(site.deps.db, leaver, '2026-11-03T00:00:00.000Z');
      const before = await total();
      const csv = [
        'Email,Status,consent_at,consent_source,consent_text',
        'new.one@example.org,confirmed,2025-05-01T12:00:00Z,old platform,"Yes, weekly"',
        'not-an-address,confirmed,,,',
        'new.two@example.org,sometimes,,,',
        '"new.three@example.org",pending,2025-05-02,signup form,"wording over',
        'two lines"',
        'new.one@example.org,confirmed,,,',
        'new.four@example.org,confirmed,yesterday,,',
        'leaver@example.org,confirmed,,,',
        '"x@example.org\r\nBcc: y@example.org",confirmed,,,',
        'beta@example.org,unsubscribed,,,',
        'a,b,c,d,e,f',
        '',
      ].join('\r\n');
      const res = await importCsv(csv);
      expect(res.statusCode).toBe(200);
      const { report } = res.json() as {
        report: {
          inserted: number;
          updated: number;
          unchanged: number;
          skipped: { line: number; reason: string }[];
          rejected: { line: number; reason: string }[];
        };
      };
      expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 7, 8, 10, 13]);
      expect(report.rejected[0]!.reason).toContain('not an email address');
      expect(report.rejected[1]!.reason).toContain('sometimes');
      expect(report.rejected[2]!.reason).toContain('already on line 2');
      expect(report.rejected[3]!.reason).toContain('consent_at');
      expect(report.rejected[4]!.reason).toContain('line breaks');
      expect(report.rejected[5]!.reason).toContain('6 fields');
      expect(report.skipped).toEqual([{ line: 9, email: 'leaver@example.org', reason: expect.stringContaining('unsubscribed') }]);
      expect(report).toMatchObject({ inserted: 2, updated: 1, unchanged: 0 });
      expect(await total()).toBe(before + 2);
      expect(await findSubscriberByEmail(site.deps.db, 'new.one@example.org')).toMatchObject({
        status: 'confirmed',
        consentAt: '2025-05-01T12:00:00.000Z',
        consentSource: 'old platform',
        consentText: 'Yes, weekly',
      });
      expect(await findSubscriberByEmail(site.deps.db, 'new.three@example.org')).toMatchObject({
        status: 'pending',
        consentText: 'wording over\r\ntwo lines',
      });
      expect((await findSubscriberByEmail(site.deps.db, 'leaver@example.org'))!.status).toBe('unsubscribed');
      expect((await findSubscriberByEmail(site.deps.db, 'beta@example.org'))!.status).toBe('unsubscribed');
    });

    it('stores nothing from a file it cannot read as a whole', async () => {
      const before = await total();
      const broken = await importCsv('email,status\r\nok.one@example.org,confirmed\r\n"unclosed@example.org,confirmed\r\n');
      expect(broken.statusCode).toBe(400);
      expect(broken.json()).toMatchObject({ errors: [{ code: 'VALIDATION_FAILED', message: expect.stringContaining('line 3') }] });
      const headless = await importCsv('ok.two@example.org,confirmed\r\n');
      expect(headless.statusCode).toBe(400);
      expect(
        (await site.app.inject({ method: 'POST', url: `${V1}/subscribers/import`, headers: admin, payload: { nothing: true } })).statusCode,
      ).toBe(400);
      expect(await total()).toBe(before);
    });

    it('imports a multipart file too', async () => {
      const boundary = 'masthead-boundary';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\nemail\r\nmulti@example.org\r\n--${boundary}--\r\n`;
      const res = await site.app.inject({
        method: 'POST',
        url: `${V1}/subscribers/import`,
        headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ report: { inserted: 1, rejected: [] } });
      expect((await findSubscriberByEmail(site.deps.db, 'multi@example.org'))!.status).toBe('confirmed');
    });

    it('is for administrators only: an editor gets 403, a stranger 401', async () => {
      for (const url of ['/subscribers', '/subscribers/export.csv', '/subscribers/stats']) {
        const res = await get(url, editor);
        expect(res.statusCode, url).toBe(403);
        expect(res.json()).toMatchObject({ errors: [{ code: 'FORBIDDEN' }] });
        expect((await get(url, {})).statusCode).toBe(401);
      }
      const before = await total();
      expect((await importCsv('email\r\nsneaky@example.org\r\n', editor)).statusCode).toBe(403);
      expect(await total()).toBe(before);
    });
  });
}
