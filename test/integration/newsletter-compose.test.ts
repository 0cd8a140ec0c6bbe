/**
 * Composing the round-up, editing it, the web archive and the Admin API, on
 * SQLite and PostgreSQL: the window (since the last sent issue, or a week),
 * grouping by section, the briefs and corrections blocks, and escaping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSendTime, roundUpWindow } from '../../src/domain/newsletter/round-up.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { composeRoundUp, editIssue } from '../../src/services/newsletter/compose.js';
import type { NewsletterDeps } from '../../src/services/newsletter/compose.js';
import { renderIssue } from '../../src/services/newsletter/render-issue.js';
import { armWeeklyCompose, NEWSLETTER_COMPOSE_JOB, NEWSLETTER_SEND_JOB } from '../../src/services/newsletter/schedule-issue.js';
import { getSiteSettings } from '../../src/services/settings/site-settings.js';
import { listJobs } from '../../src/storage/repositories/jobs.js';
import { updateIssue } from '../../src/storage/repositories/newsletter.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite, TEST_BASE_URL } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const T0 = new Date('2026-03-06T09:00:00.000Z');
const HOUR = 3_600_000;
const API = '/api/admin/v1';
const PASSWORD = 'correct horse battery staple';

describe('round-up rules', () => {
  it('covers the time since the last sent issue, or the last seven days', () => {
    expect(roundUpWindow(T0, null).start.toISOString()).toBe('2026-02-27T09:00:00.000Z');
    expect(roundUpWindow(T0, '2026-03-04T07:00:00.000Z').start.toISOString()).toBe('2026-03-04T07:00:00.000Z');
  });
  it('finds the next send time on the configured day and hour in the site’s zone', () => {
    // Friday 2026-03-06 09:00 UTC is 10:00 in Berlin: Friday 07:00 Berlin has passed, so the next week's.
    expect(nextSendTime(T0, 'friday', 7, 'Europe/Berlin').toISOString()).toBe('2026-03-13T06:00:00.000Z');
    expect(nextSendTime(T0, 'friday', 11, 'Europe/Berlin').toISOString()).toBe('2026-03-06T10:00:00.000Z');
    // Across the change to summer time (29 March 2026 in Europe).
    expect(nextSendTime(new Date('2026-03-28T12:00:00Z'), 'monday', 7, 'Europe/Berlin').toISOString()).toBe('2026-03-30T05:00:00.000Z');
  });
});

for (const dialect of DIALECTS) {
  describe(`composing the round-up (${dialectLabel(dialect)})`, () => {
    let site: TestSite;
    let deps: NewsletterDeps;
    let now = T0;

    beforeAll(async () => {
      site = await createTestSite(dialect, { clock: () => now });
      deps = { ...site.deps, config: { publicUrl: TEST_BASE_URL } };
    }, 60_000);
    afterAll(async () => site.close());

    it('assembles the week by section, with briefs and corrections in their own blocks', async () => {
      const issue = await composeRoundUp(deps, { intro: 'Hello.' });
      expect(issue.status).toBe('draft');
      const articles = issue.items.filter((i) => i.kind === 'article');
      expect(articles).toHaveLength(15);
      // Asia first (the newest piece is Asian), then Europe; never interleaved.
      const sections = articles.map((a) => (a.kind === 'article' ? a.section : ''));
      expect([...new Set(sections)]).toEqual(['Asia', 'Europe']);
      expect(sections.lastIndexOf('Asia')).toBeLessThan(sections.indexOf('Europe'));
      expect(issue.items.filter((i) => i.kind === 'brief').map((b) => b.headline)).toEqual(['First brief', 'Second brief']);
      const corrections = issue.items.filter((i) => i.kind === 'correction');
      expect(corrections).toHaveLength(1);
      expect(corrections[0]).toMatchObject({ headline: 'Why the <harbour> matters', url: `${TEST_BASE_URL}/asia/the-lead-story` });
      // Blocks come in order: articles, briefs, corrections.
      expect(issue.items.map((i) => i.kind).join(',')).toMatch(/^(article,)+(brief,)+correction$/);
      for (const item of issue.items) expect(item.url.startsWith(`${TEST_BASE_URL}/`)).toBe(true);
      const lead = articles.find((a) => a.headline.includes('harbour'));
      expect(lead && lead.kind === 'article' && lead.imageUrl).toMatch(/^https:\/\/news\.example\.test\//);
    });

    it('escapes content in the mail and keeps the alternative readable', async () => {
      const issue = await composeRoundUp(deps, { intro: 'Ships <b>and</b> "ports" & more' });
      const rendered = await renderIssue({ issue, settings: await getSiteSettings(deps), publicUrl: TEST_BASE_URL });
      expect(rendered.html).toContain('Why the &lt;harbour&gt; matters');
      expect(rendered.html).not.toContain('<harbour>');
      expect(rendered.html).toContain('Ships &lt;b&gt;and&lt;/b&gt; &quot;ports&quot; &amp; more');
      expect(rendered.html).toMatch(/<table/);
      expect(rendered.html).toContain('Abstract cranes');
      expect(rendered.text).toContain('Why the <harbour> matters');
      expect(rendered.text).toContain('BRIEFS');
      expect(rendered.text).toContain('CORRECTIONS AND UPDATES');
      expect(rendered.text).toContain('An earlier version misnamed the harbour.');
    });

    it('lets the editor reorder, drop and add items, and refuses edits once sent', async () => {
      const issue = await composeRoundUp(deps);
      const [first, second, ...rest] = issue.items;
      const extra = {
        kind: 'brief' as const,
        id: 'x1',
        headline: 'Added by hand',
        take: 'A take.',
        url: `${TEST_BASE_URL}/briefs/x`,
        sourceName: '',
        sourceUrl: '',
      };
      const edited = await editIssue(deps, issue.id, {
        subject: 'Our week',
        intro: 'Dear reader',
        items: [second!, extra, ...rest.slice(1)],
      });
      expect(edited!.items[0]).toEqual(second);
      expect(edited!.items).toHaveLength(issue.items.length - 1);
      expect(edited!.items.some((i) => i.id === first!.id)).toBe(false);
      expect(edited!.subject).toBe('Our week');
      await expect(editIssue(deps, issue.id, { subject: 'Bad\r\nBcc: x@y.z' })).rejects.toThrow();
      await updateIssue(site.deps.db, issue.id, { status: 'sent', sent_at: now.toISOString() });
      await expect(editIssue(deps, issue.id, { intro: 'late' })).rejects.toMatchObject({ code: 'ISSUE_NOT_EDITABLE' });
    });

    it('starts the next window at the last sent issue, and shows sent issues in the archive', async () => {
      // The issue marked sent above went out at T0; twelve hours later, only what came since.
      now = new Date(T0.getTime() + 12 * HOUR);
      const next = await composeRoundUp(deps);
      expect(next.windowStart).toBe(T0.toISOString());
      expect(next.items).toHaveLength(0);
      await updateIssue(site.deps.db, next.id, { status: 'sent', sent_at: now.toISOString(), subject: 'A <quiet> week' });
      site.cache.invalidate(['newsletter-archive']);

      const list = await site.app.inject({ url: '/newsletter/archive' });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(`href="/newsletter/archive/${next.slug}"`);
      expect(list.body).toContain('A &lt;quiet');
      expect(list.body).not.toContain('<quiet>');
      const one = await site.app.inject({ url: `/newsletter/archive/${next.slug}` });
      expect(one.statusCode).toBe(200);
      expect(one.body).toContain('A &lt;quiet');
      expect(one.body).not.toContain('<quiet>');
      const draft = await composeRoundUp(deps);
      expect((await site.app.inject({ url: `/newsletter/archive/${draft.slug}` })).statusCode).toBe(404);
      expect((await site.app.inject({ url: '/newsletter/archive/no-such-issue' })).statusCode).toBe(404);
    });

    it('arms the weekly draft for the configured day and hour, once', async () => {
      const at = await armWeeklyCompose(deps);
      const settings = await getSiteSettings(deps);
      expect(at.toISOString()).toBe(nextSendTime(now, settings.newsletterDay, settings.newsletterHour, settings.timeZone).toISOString());
      expect(await armWeeklyCompose(deps)).toEqual(at);
      expect(await listJobs(site.deps.db, { kind: NEWSLETTER_COMPOSE_JOB, state: 'pending' })).toHaveLength(1);
    });

    it('serves the Admin API to administrators only', async () => {
      const session = async (role: 'admin' | 'editor') => {
        const email = `${role}-nl-${dialect}@masthead.test`;
        await createUser(site.deps, { actor: null, email, name: role, role, password: PASSWORD });
        const res = await site.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password: PASSWORD } });
        const cookie = res.cookies.find((c) => c.name === 'masthead_session')!;
        return {
          email,
          headers: { cookie: `masthead_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken },
        };
      };
      const admin = await session('admin');
      const editor = await session('editor');
      now = new Date(T0.getTime() + 13 * HOUR);

      expect((await site.app.inject({ method: 'GET', url: `${API}/newsletter/issues`, headers: editor.headers })).statusCode).toBe(403);
      expect((await site.app.inject({ method: 'GET', url: `${API}/newsletter/issues` })).statusCode).toBe(401);

      const created = await site.app.inject({
        method: 'POST',
        url: `${API}/newsletter/issues`,
        headers: admin.headers,
        payload: { intro: 'From the API' },
      });
      expect(created.statusCode).toBe(201);
      const id = (created.json() as { issue: { id: string } }).issue.id;

      const patched = await site.app.inject({
        method: 'PATCH',
        url: `${API}/newsletter/issues/${id}`,
        headers: admin.headers,
        payload: { subject: 'Edited' },
      });
      expect(patched.statusCode).toBe(200);
      const bad = await site.app.inject({
        method: 'PATCH',
        url: `${API}/newsletter/issues/${id}`,
        headers: admin.headers,
        payload: { subject: '' },
      });
      expect(bad.statusCode).toBe(400);

      const preview = await site.app.inject({ method: 'GET', url: `${API}/newsletter/issues/${id}/preview`, headers: admin.headers });
      expect(preview.statusCode).toBe(200);
      expect(preview.headers['content-type']).toContain('text/html');
      expect(preview.body).toContain('From the API');

      const before = site.mail.length;
      const test = await site.app.inject({ method: 'POST', url: `${API}/newsletter/issues/${id}/test`, headers: admin.headers });
      expect(test.statusCode).toBe(202);
      expect(site.mail.slice(before).map((m) => m.to)).toEqual([admin.email]);

      const at = new Date(now.getTime() + 24 * HOUR).toISOString();
      const scheduled = await site.app.inject({
        method: 'POST',
        url: `${API}/newsletter/issues/${id}/schedule`,
        headers: admin.headers,
        payload: { at },
      });
      expect(scheduled.statusCode).toBe(202);
      const jobs = (await listJobs(site.deps.db, { kind: NEWSLETTER_SEND_JOB })).filter(
        (j) => (j.payload as { issueId: string }).issueId === id,
      );
      expect(jobs.map((j) => j.runAt)).toEqual([at]);
      const sendNow = await site.app.inject({ method: 'POST', url: `${API}/newsletter/issues/${id}/send`, headers: admin.headers });
      expect(sendNow.statusCode).toBe(202);
      const again = (await listJobs(site.deps.db, { kind: NEWSLETTER_SEND_JOB })).filter(
        (j) => (j.payload as { issueId: string }).issueId === id,
      );
      expect(again.map((j) => j.runAt)).toEqual([now.toISOString()]);

      const one = await site.app.inject({ method: 'GET', url: `${API}/newsletter/issues/${id}`, headers: admin.headers });
      expect(one.json()).toMatchObject({ issue: { id, subject: 'Edited', status: 'scheduled' }, progress: { sent: 0, pending: 0 } });
      const list = await site.app.inject({ method: 'GET', url: `${API}/newsletter/issues`, headers: admin.headers });
      expect((list.json() as { issues: { id: string }[] }).issues.some((i) => i.id === id)).toBe(true);
      expect((await site.app.inject({ method: 'GET', url: `${API}/newsletter/issues/nope`, headers: admin.headers })).statusCode).toBe(404);
    });
  });
}
