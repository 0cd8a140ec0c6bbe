import { z } from 'zod';
import { runSendJob, runWeeklyCompose } from '../../services/newsletter/schedule-issue.js';
import type { SendDeps } from '../../services/newsletter/send-issue.js';
import type { JobHandler } from '../runner.js';

const sendPayload = z.object({ issueId: z.string().min(1) });

/** Sends (part of) an issue; deliveries are durable, so a rerun continues where this one stopped. */
export function sendIssueHandler(deps: SendDeps): JobHandler {
  return async (raw) => runSendJob(deps, sendPayload.parse(raw).issueId);
}

/** Assembles the weekly draft at the configured day and hour (a slot the settings moved away from only re-arms). */
export function composeRoundUpHandler(deps: SendDeps): JobHandler {
  return async (_raw, job) => runWeeklyCompose(deps, { runAt: job.runAt, attempts: job.attempts });
}
