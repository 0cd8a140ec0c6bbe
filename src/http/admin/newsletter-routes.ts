/**
 * The round-up in the Admin API (administrators only): issues with their
 * sending progress, compose, edit, preview, test mail, send now, schedule.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { requirePermission } from '../../services/auth/accounts.js';
import { composeRoundUp, editIssue, toIssue } from '../../services/newsletter/compose.js';
import type { Issue } from '../../services/newsletter/compose.js';
import { renderIssue } from '../../services/newsletter/render-issue.js';
import { findRoundUpCandidates } from '../../services/newsletter/round-up-candidates.js';
import { deleteDraft, scheduleIssue, unscheduleIssue } from '../../services/newsletter/schedule-issue.js';
import { sendTestMail } from '../../services/newsletter/send-issue.js';
import { getSiteSettings } from '../../services/settings/site-settings.js';
import { countIssues, deliveryCounts, deliveryCountsByIssue, findIssue, listIssues } from '../../storage/repositories/newsletter.js';
import { countSubscribersByStatus } from '../../storage/repositories/subscribers.js';
import type { SiteDeps } from '../app.js';
import { actorOf } from './auth.js';

const issueParams = z.object({ id: z.string().min(1).max(100) });
const listQuery = z.object({
  status: z.enum(['draft', 'scheduled', 'sending', 'sent']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
const composeBody = z.object({ intro: z.string().max(5000).optional(), subject: z.string().trim().min(1).max(200).optional() }).strict();
const scheduleBody = z.object({ at: z.iso.datetime({ offset: true }) }).strict();
const candidatesQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(['article', 'brief']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
/**
 * The preview is mail HTML: its styles are inline by design. It is served
 * sandboxed (no scripts, an opaque origin) so that allowing them is harmless.
 */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; frame-ancestors 'self'; sandbox";

function admin(request: FastifyRequest) {
  const actor = actorOf(request);
  requirePermission(actor, can(actor, 'newsletter.manage'), 'manage the newsletter');
  return actor;
}

async function issueOrThrow(deps: SiteDeps, id: string): Promise<Issue> {
  const row = await findIssue(deps.db, id);
  if (!row) throw new MastheadError('NOT_FOUND');
  return toIssue(row);
}

export function registerNewsletterRoutes(api: FastifyInstance, deps: SiteDeps): void {
  api.get('/newsletter/issues', async (request) => {
    admin(request);
    const q = listQuery.parse(request.query);
    const [rows, total] = await Promise.all([
      listIssues(deps.db, { status: q.status, limit: q.limit, offset: (q.page - 1) * q.limit }),
      countIssues(deps.db, { status: q.status }),
    ]);
    const progress = await deliveryCountsByIssue(
      deps.db,
      rows.filter((r) => r.status !== 'draft').map((r) => r.id),
    );
    const issues = rows.map(toIssue).map(({ items, ...issue }) => ({
      ...issue,
      itemCount: items.length,
      progress: progress.get(issue.id) ?? null,
    }));
    return { issues, meta: { page: q.page, limit: q.limit, total, pages: Math.max(1, Math.ceil(total / q.limit)) } };
  });

  api.get('/newsletter/issues/:id', async (request) => {
    admin(request);
    const issue = await issueOrThrow(deps, issueParams.parse(request.params).id);
    const [progress, totals] = await Promise.all([deliveryCounts(deps.db, issue.id), countSubscribersByStatus(deps.db)]);
    // Who "Send now" would reach, for the editor's confirmation.
    return { issue, progress, confirmedSubscribers: totals.confirmed };
  });

  api.get('/newsletter/candidates', async (request) => {
    const query = candidatesQuery.parse(request.query);
    return { items: await findRoundUpCandidates(deps, actorOf(request), query) };
  });

  api.post('/newsletter/issues', async (request, reply) => {
    admin(request);
    const input = composeBody.parse(request.body ?? {});
    return reply.code(201).send({ issue: await composeRoundUp(deps, input) });
  });

  api.patch('/newsletter/issues/:id', async (request) => {
    admin(request);
    const issue = await editIssue(deps, issueParams.parse(request.params).id, (request.body ?? {}) as Record<string, unknown>);
    if (!issue) throw new MastheadError('NOT_FOUND');
    return { issue };
  });

  api.get('/newsletter/issues/:id/preview', async (request, reply) => {
    admin(request);
    const issue = await issueOrThrow(deps, issueParams.parse(request.params).id);
    const rendered = await renderIssue({ issue, settings: await getSiteSettings(deps), publicUrl: deps.config.publicUrl });
    return reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', PREVIEW_CSP)
      .header('x-robots-tag', 'noindex')
      .type('text/html; charset=utf-8')
      .send(rendered.html);
  });

  api.post('/newsletter/issues/:id/test', async (request, reply) => {
    admin(request);
    const issue = await issueOrThrow(deps, issueParams.parse(request.params).id);
    const to = request.staff?.user.email;
    if (!to) throw new MastheadError('NOT_SIGNED_IN');
    await sendTestMail(deps, { issueId: issue.id, to });
    return reply.code(202).send({ sentTo: to });
  });

  api.post('/newsletter/issues/:id/send', async (request, reply) => {
    admin(request);
    const issue = await scheduleIssue(deps, issueParams.parse(request.params).id);
    return reply.code(202).send({ issue, progress: await deliveryCounts(deps.db, issue.id) });
  });

  api.post('/newsletter/issues/:id/unschedule', async (request) => {
    admin(request);
    return { issue: await unscheduleIssue(deps, issueParams.parse(request.params).id) };
  });

  api.delete('/newsletter/issues/:id', async (request, reply) => {
    admin(request);
    await deleteDraft(deps, issueParams.parse(request.params).id);
    return reply.code(204).send();
  });

  api.post('/newsletter/issues/:id/schedule', async (request, reply) => {
    admin(request);
    const { at } = scheduleBody.parse(request.body);
    const issue = await scheduleIssue(deps, issueParams.parse(request.params).id, new Date(at));
    return reply.code(202).send({ issue });
  });
}
