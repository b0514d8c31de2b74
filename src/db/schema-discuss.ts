import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp, UpdatedAt } from './columns.js';

// Tables of accounts (better-auth), mail and the discussion: comments, moderation, inaccuracy reports.

/** better-auth's user (src/auth/auth.ts maps its fields to these columns). */
export interface UsersTable {
  id: string;
  /** Display name shown beside comments. */
  name: string;
  email: string;
  email_verified: boolean;
  image: string | null;
  role: Generated<'reader' | 'moderator' | 'editor' | 'admin'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionsTable {
  id: string;
  expires_at: Timestamp;
  token: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  user_id: string;
}

export interface AccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  password: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface VerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuthRateLimitsTable {
  id: string;
  key: string;
  count: number;
  last_request: number;
}

export interface SignInFailuresTable {
  /** The lowercased email address tried. */
  key: string;
  failures: number;
  locked_until: Timestamp | null;
  updated_at: UpdatedAt;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  status: 'outbox' | 'sent' | 'failed';
  error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export type CommentStatus = 'visible' | 'pending' | 'rejected' | 'deleted';

export interface CommentsTable {
  id: Generated<number>;
  story_id: number;
  user_id: string;
  parent_id: number | null;
  /** The top-level comment of the thread (null for a top-level comment), for paging by thread. */
  root_id: number | null;
  depth: Generated<number>;
  /** Plain text as the reader typed it; rendered with paragraphs and links at display time. */
  body: string;
  /** Hash of the normalized body, for the repeated-post check. */
  body_hash: string;
  status: CommentStatus;
  reason: string | null;
  /** The suspect or banned word that decided the status, shown to moderators. */
  matched_word: string | null;
  ip: string | null;
  like_count: Generated<number>;
  report_count: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  edited_at: Timestamp | null;
}

export interface CommentReactionsTable {
  comment_id: number;
  user_id: string;
  kind: Generated<'like'>;
  created_at: CreatedAt;
}

export interface CommentReportsTable {
  id: Generated<number>;
  comment_id: number;
  user_id: string;
  reason: string;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
}

export interface BansTable {
  id: Generated<number>;
  user_id: string;
  kind: 'ban' | 'suspend';
  reason: string;
  /** End of a suspension; null for a ban. */
  until: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  lifted_at: Timestamp | null;
}

/** What an audited editor or moderator action can act on. */
export type AuditTargetKind =
  | 'comment'
  | 'user'
  | 'story'
  | 'inaccuracy_report'
  | 'version'
  | 'source'
  | 'article'
  | 'settings';

export interface ModerationActionsTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  target_kind: AuditTargetKind;
  target_id: string;
  note: string | null;
  /** The audited state before and after the action (null where there is none). */
  before: unknown | null;
  after: unknown | null;
  created_at: CreatedAt;
}

export type InaccuracyStatus = 'open' | 'dismissed' | 'corrected' | 'correction_requested';

export interface InaccuracyReportsTable {
  id: Generated<number>;
  story_id: number;
  version_id: number | null;
  sentence: string;
  note: string;
  user_id: string;
  status: Generated<InaccuracyStatus>;
  resolved_by: string | null;
  resolution_note: string | null;
  resolved_at: Timestamp | null;
  created_at: CreatedAt;
}
