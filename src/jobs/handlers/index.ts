import type { ServiceDeps } from '../../services/deps.js';
import { PUBLISH_JOB } from '../../services/newsroom/articles.js';
import type { JobHandler } from '../runner.js';
import { publishArticleHandler } from './publish-article.js';

/** Every kind of job this program runs, by name. */
export function jobHandlers(deps: ServiceDeps): Record<string, JobHandler> {
  return { [PUBLISH_JOB]: publishArticleHandler(deps) };
}
