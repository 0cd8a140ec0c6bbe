import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { WEBHOOK_EVENTS, deliverWebhook } from '../../services/distribution/webhooks.js';
import type { TargetPolicy } from '../../services/distribution/webhook-target.js';
import type { JobHandler } from '../runner.js';

const payload = z.object({ webhookId: z.string().min(1), event: z.enum(WEBHOOK_EVENTS), body: z.string() });

/** POSTs one signed event to one hook; a throw makes the runner retry it with backoff. */
export function deliverWebhookHandler(deps: ServiceDeps, policy: TargetPolicy & { timeoutMs?: number }): JobHandler {
  return async (raw, job) => {
    await deliverWebhook(deps, { id: job.id, attempt: job.attempts }, payload.parse(raw), policy);
  };
}
