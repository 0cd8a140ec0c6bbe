/**
 * Staff roles as publishers know them, and what each may do. Operations
 * check this, not the UI: the Admin API, the editor app and the CLI all end
 * up asking `can`.
 */
import type { ArticleStatus } from '../content/article.js';

export const ROLES = ['contributor', 'author', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  contributor: 'Contributor',
  author: 'Author',
  editor: 'Editor',
  admin: 'Administrator',
};

export interface Actor {
  id: string;
  role: Role;
}

export type Action =
  | 'article.read'
  | 'article.create'
  | 'article.edit'
  | 'article.submit'
  | 'article.review'
  | 'article.publish'
  | 'article.correct'
  | 'article.comment'
  | 'brief.write'
  | 'brief.publish'
  | 'taxonomy.manage'
  | 'authors.manage'
  | 'media.upload'
  | 'users.manage'
  | 'settings.manage'
  | 'newsletter.manage';

/** What is being acted on, when the answer depends on it. */
export interface Target {
  /** The staff user who created the piece. */
  ownerId?: string | null;
  status?: ArticleStatus;
}

const RANK: Record<Role, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };

export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  const own = target.ownerId !== undefined && target.ownerId === actor.id;
  switch (action) {
    case 'article.read':
    case 'article.create':
    case 'article.comment':
    case 'media.upload':
    case 'brief.write':
      return true;
    case 'article.edit':
      if (atLeast(actor.role, 'editor')) return true;
      if (actor.role === 'author') return own;
      // A contributor edits their own piece until it is published or scheduled.
      return own && (target.status === 'draft' || target.status === 'in_review' || target.status === undefined);
    case 'article.submit':
      return own || atLeast(actor.role, 'editor');
    case 'article.publish':
    case 'article.correct':
      return atLeast(actor.role, 'editor') || (actor.role === 'author' && own);
    case 'article.review':
    case 'brief.publish':
    case 'taxonomy.manage':
    case 'authors.manage':
      return atLeast(actor.role, 'editor');
    case 'users.manage':
    case 'settings.manage':
    case 'newsletter.manage':
      return actor.role === 'admin';
  }
}
