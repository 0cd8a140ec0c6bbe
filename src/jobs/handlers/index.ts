import type { ServiceDeps } from '../../services/deps.js';
import { PUBLISH_JOB } from '../../services/newsroom/articles.js';
import { WEBHOOK_JOB } from '../../services/distribution/webhooks.js';
import { NEWSLETTER_COMPOSE_JOB, NEWSLETTER_SEND_JOB } from '../../services/newsletter/schedule-issue.js';
import type { SendDeps } from '../../services/newsletter/send-issue.js';
import { PUBLIC_TARGETS_ONLY } from '../../services/distribution/webhook-target.js';
import type { TargetPolicy } from '../../services/distribution/webhook-target.js';
import type { JobHandler } from '../runner.js';
import { composeRoundUpHandler, sendIssueHandler } from './newsletter.js';
import { publishArticleHandler } from './publish-article.js';
import { deliverWebhookHandler } from './deliver-webhook.js';

/** Every kind of job this program runs, by name. Webhooks reach public addresses only unless `deps.webhookPolicy` says otherwise. */
export function jobHandlers(deps: ServiceDeps & { webhookPolicy?: TargetPolicy }, newsletter?: SendDeps): Record<string, JobHandler> {
  return {
    [PUBLISH_JOB]: publishArticleHandler(deps),
    [WEBHOOK_JOB]: deliverWebhookHandler(deps, deps.webhookPolicy ?? PUBLIC_TARGETS_ONLY),
    // Without a mailer (tests of other jobs) the newsletter jobs stay queued.
    ...(newsletter
      ? { [NEWSLETTER_SEND_JOB]: sendIssueHandler(newsletter), [NEWSLETTER_COMPOSE_JOB]: composeRoundUpHandler(newsletter) }
      : {}),
  };
}
