/** The Admin API from the browser: JSON in and out, the CSRF token on every change. */
export interface ApiErrorItem {
  code: string;
  message: string;
  property?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly items: ApiErrorItem[],
  ) {
    super(items.map((i) => i.message).join(' ') || `The server answered ${status}.`);
  }
  get code(): string | undefined {
    return this.items[0]?.code;
  }
}

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`/api/admin/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { errors?: ApiErrorItem[] };
  if (!response.ok) throw new ApiError(response.status, data.errors ?? []);
  return data as T;
}

export type Role = 'contributor' | 'author' | 'editor' | 'admin';
export type Status = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Named {
  id: string;
  slug: string;
  name: string;
}

export interface Desk {
  sections: Named[];
  topics: Named[];
  types: Named[];
  authors: (Named & { title: string })[];
}

export interface BodyNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export interface LeadImage {
  id: string;
  caption: string;
  credit: string;
  alt: string;
  /** Preview only; not sent back. */
  url?: string;
}

export interface Article {
  id: string;
  version: number;
  status: Status;
  slug: string;
  sectionId: string;
  typeId: string;
  kicker: string;
  headline: string;
  dek: string;
  body: BodyNode;
  wordCount: number;
  leadImage: LeadImage | null;
  topicIds: string[];
  authorIds: string[];
  relatedIds: string[];
  corrections: { id: string; kind: string; text: string; issuedAt: string }[];
  publishedAt: string | null;
  updatedAt: string | null;
  modifiedAt: string;
  createdBy: string | null;
  path: string;
}

export interface ArticleRow {
  id: string;
  headline: string;
  status: Status;
  section: { name: string };
  type: { name: string };
  modifiedAt: string;
  publishedAt: string | null;
  leadImageRightsExpired: boolean;
  /** With a search: the headline and a passage, in runs of text, the matched words marked. */
  match?: { rank: number; headline: MatchSegment[]; snippet: MatchSegment[] };
}

export interface MatchSegment {
  text: string;
  match: boolean;
}

export interface MediaImage {
  id: string;
  url: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  rightsExpired: boolean;
  variants: { key: string; width: number; format: string }[];
}

export const STATUS_NAMES: Record<Status, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

export const ROLE_NAMES: Record<Role, string> = { contributor: 'Contributor', author: 'Author', editor: 'Editor', admin: 'Administrator' };

const RANK: Record<Role, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };
export const atLeast = (role: Role, minimum: Role): boolean => RANK[role] >= RANK[minimum];
