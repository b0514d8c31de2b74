import type { Ban } from '../db/schema.js';
import type { UserRole } from '../store/users.js';

/** The moderation settings, taken from the config at the composition root. */
export interface ModerationSettings {
  maxLength: number;
  maxLinks: number;
  perMinute: number;
  heldForNewAccounts: number;
  closeAfterDays: number;
  editMinutes: number;
  bannedWords: string[];
  suspectWords: string[];
  /** A human needs at least this long between seeing the form and sending it. */
  minFormMs: number;
}

/** Database questions the phases ask; injected so each phase tests without a database. */
export interface ModerationLookups {
  activeBan(userId: string, now: Date): Promise<Ban | undefined>;
  countByUserSince(userId: string, since: Date): Promise<number>;
  countByIpSince(ip: string, since: Date): Promise<number>;
  hasDuplicateSince(userId: string, bodyHash: string, since: Date): Promise<boolean>;
  visibleCountByUser(userId: string): Promise<number>;
}

/** Everything a phase may read about one submission; phases never change it. */
export interface ModerationContext {
  readonly now: Date;
  /** True when an author edits an existing comment (only content and author phases run). */
  readonly editing: boolean;
  readonly body: string;
  readonly bodyHash: string;
  readonly links: readonly string[];
  readonly author: { id: string; role: UserRole };
  readonly story: { closed: boolean; publishedAt: Date | null };
  readonly ip: string | null;
  /** The hidden field humans leave empty. */
  readonly honeypot: string;
  /** Milliseconds between rendering the form and submitting it, when the form said. */
  readonly elapsedMs: number | null;
  readonly settings: ModerationSettings;
  readonly lookups: ModerationLookups;
}

/** A phase's finding: reject ends the run; hold marks the comment pending and lets later phases speak. */
export type Verdict =
  | { status: 'rejected'; reason: string; matchedWord?: string }
  | { status: 'pending'; reason: string; matchedWord?: string };

/** One named step of the pipeline. */
export interface Phase {
  name: string;
  /** Whether the phase also checks an edit of an existing comment. */
  onEdit: boolean;
  run(context: ModerationContext): Promise<Verdict | undefined> | Verdict | undefined;
}

/** The outcome of the whole pipeline. */
export interface ModerationResult {
  status: 'visible' | 'pending' | 'rejected';
  reason: string | null;
  matchedWord: string | null;
}
