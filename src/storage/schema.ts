/**
 * The database as Kysely sees it. Times are ISO 8601 strings on both
 * dialects (TEXT in SQLite, TIMESTAMPTZ in PostgreSQL, read back as ISO by
 * the type parsers in db.ts); JSON is stored as TEXT; ids are UUID strings.
 */

export interface SettingTable {
  key: string;
  value: string;
}

export interface SectionTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface TopicTable {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface ArticleTypeTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  schema_type: string;
  position: number;
}

export interface AuthorTable {
  id: string;
  slug: string;
  name: string;
  title: string;
  bio: string;
  photo_image_id: string | null;
  /** JSON: { label, url }[] */
  links: string;
  created_at: string;
}

export interface ImageTable {
  id: string;
  /** Storage key of the original; variants are listed in `variants`. */
  storage_key: string;
  mime_type: string;
  width: number;
  height: number;
  /** JSON: ImageVariant[] */
  variants: string;
  caption: string;
  credit: string;
  alt: string;
  licence: string;
  rights_expire_at: string | null;
  created_at: string;
}

export interface ArticleTable {
  id: string;
  slug: string;
  section_id: string;
  type_id: string;
  kicker: string;
  headline: string;
  dek: string;
  /** ProseMirror JSON */
  body: string;
  word_count: number;
  lead_image_id: string | null;
  lead_image_caption: string;
  lead_image_credit: string;
  lead_image_alt: string;
  status: string;
  published_at: string | null;
  /** When readers were last told the piece changed (corrections, updates, edits). */
  updated_at: string | null;
  created_at: string;
  /** Last write of this row, for caches and conflicts. */
  modified_at: string;
  /** Increments on every save: optimistic concurrency for editors. */
  version: number;
  created_by: string | null;
  assigned_to: string | null;
}

export interface ArticleSlugHistoryTable {
  slug: string;
  article_id: string;
  retired_at: string;
}

export interface ArticleTopicTable {
  article_id: string;
  topic_id: string;
  position: number;
}

export interface ArticleBylineTable {
  article_id: string;
  author_id: string;
  position: number;
}

export interface ArticleRelatedTable {
  article_id: string;
  related_id: string;
  position: number;
}

export interface CorrectionTable {
  id: string;
  article_id: string;
  kind: string;
  text: string;
  issued_at: string;
}

export interface BriefTable {
  id: string;
  slug: string;
  headline: string;
  take: string;
  source_name: string;
  source_url: string;
  section_id: string | null;
  status: string;
  published_at: string | null;
  created_at: string;
  modified_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  author_id: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database holds no usable session. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  user_agent: string;
}

export interface OneTimeTokenTable {
  /** SHA-256 of the token sent by mail or link. */
  id: string;
  purpose: string;
  user_id: string | null;
  email: string;
  role: string | null;
  article_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ArticleRevisionTable {
  id: string;
  article_id: string;
  version: number;
  saved_by: string | null;
  saved_at: string;
  /** JSON: ArticleSnapshot */
  snapshot: string;
}

export interface ArticleCommentTable {
  id: string;
  article_id: string;
  user_id: string | null;
  body: string;
  created_at: string;
}

export interface ArticleEventTable {
  id: string;
  article_id: string;
  user_id: string | null;
  action: string;
  detail: string;
  at: string;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  done_at: string | null;
  failed_at: string | null;
  created_at: string;
}

export interface SubscriberTable {
  id: string;
  email: string;
  status: string;
  consent_at: string;
  consent_source: string;
  consent_text: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  /** 'link' | 'mail' | 'import'; null when not recorded (before 0008) or while subscribed. */
  unsubscribed_via: string | null;
  bounced_at: string | null;
  bounce_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsletterIssueTable {
  id: string;
  slug: string;
  subject: string;
  intro: string;
  /** JSON: the ordered items of the issue */
  items: string;
  status: string;
  window_start: string;
  window_end: string;
  scheduled_at: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsletterDeliveryTable {
  issue_id: string;
  subscriber_id: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  message_id: string | null;
  sent_at: string | null;
}

export interface ContentApiKeyTable {
  id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface WebhookTable {
  id: string;
  url: string;
  /** JSON: the event names this hook receives */
  events: string;
  secret: string;
  description: string;
  created_by: string | null;
  created_at: string;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  event: string;
  job_id: string | null;
  attempt: number;
  status: number | null;
  error: string | null;
  response_snippet: string;
  duration_ms: number;
  at: string;
}

export interface Database {
  settings: SettingTable;
  sections: SectionTable;
  topics: TopicTable;
  article_types: ArticleTypeTable;
  authors: AuthorTable;
  images: ImageTable;
  articles: ArticleTable;
  article_slug_history: ArticleSlugHistoryTable;
  article_topics: ArticleTopicTable;
  article_bylines: ArticleBylineTable;
  article_related: ArticleRelatedTable;
  corrections: CorrectionTable;
  briefs: BriefTable;
  users: UserTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  article_revisions: ArticleRevisionTable;
  article_comments: ArticleCommentTable;
  article_events: ArticleEventTable;
  jobs: JobTable;
  subscribers: SubscriberTable;
  newsletter_issues: NewsletterIssueTable;
  newsletter_deliveries: NewsletterDeliveryTable;
  content_api_keys: ContentApiKeyTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
}
