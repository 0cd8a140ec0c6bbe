/** The editorial workflow: draft -> in review -> scheduled -> published -> unpublished. */
import type { ArticleStatus } from '../content/article.js';

export type WorkflowAction = 'submit' | 'approve' | 'request_changes' | 'schedule' | 'publish' | 'unpublish';

/** Which statuses each step may start from. */
const FROM: Record<WorkflowAction, readonly ArticleStatus[]> = {
  submit: ['draft'],
  request_changes: ['in_review', 'scheduled'],
  approve: ['in_review'],
  schedule: ['draft', 'in_review', 'scheduled', 'unpublished'],
  publish: ['draft', 'in_review', 'scheduled', 'unpublished'],
  unpublish: ['published', 'scheduled'],
};

export const RESULT: Record<WorkflowAction, ArticleStatus> = {
  submit: 'in_review',
  request_changes: 'draft',
  approve: 'in_review',
  schedule: 'scheduled',
  publish: 'published',
  unpublish: 'unpublished',
};

export function canMove(action: WorkflowAction, from: ArticleStatus): boolean {
  return FROM[action].includes(from);
}
