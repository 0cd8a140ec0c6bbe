import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { publishDue } from '../../services/newsroom/articles.js';
import type { JobHandler } from '../runner.js';

const payload = z.object({ articleId: z.string().min(1) });

/** Publishes a scheduled piece when its time comes (or at boot, if the time passed while we were down). */
export function publishArticleHandler(deps: ServiceDeps): JobHandler {
  return async (raw) => {
    const { articleId } = payload.parse(raw);
    // 'not-due' means it was rescheduled (its new job will come); 'gone' that it was unpublished or deleted.
    await publishDue(deps, articleId);
  };
}
