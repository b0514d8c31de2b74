import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { StoredAnalysis } from '../analyze/stored.js';
import type { ArticleAnalysis } from '../analyze/types.js';
import type { PlacementEvidence } from '../cluster/types.js';

import type { CreatedAt, Timestamp, UpdatedAt } from './columns.js';
import type { DisagreementSettlementsTable, VersionDisagreementsTable } from './schema-disagree.js';
import type {
  AccountsTable,
  AuthRateLimitsTable,
  BansTable,
  CommentReactionsTable,
  CommentReportsTable,
  CommentsTable,
  InaccuracyReportsTable,
  MailOutboxTable,
  ModerationActionsTable,
  SessionsTable,
  SignInFailuresTable,
  UsersTable,
  VerificationsTable,
} from './schema-discuss.js';
import type { SourceFeedWarningsTable, SourceItemDropsTable } from './schema-feeds.js';
import type { ArticleEditsTable, ArticleSearchQueueTable } from './schema-ingest.js';
import type { StorySeparationsTable } from './schema-review.js';

export * from './schema-discuss.js';
export * from './schema-feeds.js';
export * from './schema-ingest.js';
export * from './schema-review.js';

export interface SourcesTable {
  id: Generated<number>;
  /** Identity of the source: its normalized URL, or `name:<name>` for imports without one. */
  key: string;
  kind: 'feed' | 'page' | 'import';
  url: string | null;
  name: string;
  homepage: string | null;
  language: string | null;
  country: string | null;
  lean: string | null;
  enabled: Generated<boolean>;
  etag: string | null;
  last_modified: string | null;
  next_check_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_checked_at: Timestamp | null;
  error_count: Generated<number>;
  last_error: string | null;
  paused_reason: string | null;
  /** Distinct articles stored from this source (new and linked duplicates), not fetches (0013). */
  items_seen: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ArticlesTable {
  id: Generated<number>;
  source_id: number;
  /** Identifier given by the origin: feed GUID or the interchange `id`. */
  external_id: string | null;
  url: string;
  canonical_url: string;
  title: string;
  /** True when the feed gave no title and this one was made from the text's first sentence (0022). */
  title_derived: Generated<boolean>;
  author: string | null;
  summary: string | null;
  /** Sanitized HTML of the article body, when known. */
  html: string | null;
  /** Plain text: the exact string every citation offset points into. */
  text: string;
  language: string | null;
  published_at: Timestamp | null;
  /** True when published_at is a stand-in (fetch time) for a missing or absurd date. */
  published_at_estimated: Generated<boolean>;
  fetched_at: Timestamp;
  content_hash: string;
  /** The article this one republishes (wire copy), when it is a duplicate. */
  duplicate_of: number | null;
  /** MinHash signature of the text (near-duplicate detection); null for short or old rows. */
  fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StoriesTable {
  id: Generated<number>;
  slug: string;
  state: Generated<'forming' | 'review' | 'published' | 'held' | 'merged'>;
  title: string | null;
  article_count: Generated<number>;
  publisher_count: Generated<number>;
  current_version_id: number | null;
  /** Comments closed on this story by an editor (0006_discuss). */
  comments_closed: Generated<boolean>;
  merged_into: number | null;
  /** Why the story has no publishable version, e.g. "not enough material" (migration 0004). */
  write_note: Generated<string | null>;
  /** The editor who held or unpublished the story; the pipeline leaves it alone (0012_review). */
  held_by: Generated<string | null>;
  /** When a source article's title or text last changed; a version older than that is stale (0013). */
  sources_edited_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StoryArticlesTable {
  article_id: number;
  story_id: number;
  /** Similarity of the article to the story when it was assigned. */
  score: number;
  assigned_by: Generated<string>;
  assigned_at: UpdatedAt;
  /** What the clusterer weighed when it placed the article (null for editors' moves and older rows). */
  evidence: ColumnType<PlacementEvidence | null, string | null | undefined, string | null>;
}

/** One article's embedding from the embeddings endpoint, stored once. */
export interface ArticleEmbeddingsTable {
  article_id: number;
  model: string;
  embedding: JSONColumnType<number[], string, string>;
  created_at: Generated<Date>;
}

/** Structured story body: sections of sentences, each with its citations. */
export interface StoryBody {
  lede: StorySentence[];
  sections: { heading: string; sentences: StorySentence[] }[];
  quotes: StoryQuote[];
  figures: StoryFigure[];
  // The story article's parts beyond the body text (versions written before them lack them).
  /** Dated developments, oldest first, when the sources span two days or more. */
  timeline?: TimelineEntry[];
  /** Sentences from earlier published stories that explain what led here. */
  background?: BackgroundSentence[];
}

/** A quote as "What they said" shows it: the speaker and, when the source gives one, their role. */
export interface StoryQuote {
  text: string;
  speaker: string;
  /** The speaker's role as the cited source words it ("president of Local 212"), or absent. */
  role?: string | null;
  citation: Citation;
}

/** A key figure with what it measures. */
export interface StoryFigure {
  text: string;
  value: number | null;
  unit: string | null;
  /** What the figure measures ("homes destroyed", "pay rise over three years"). */
  label?: string;
  citation: Citation;
}

/** One dated development of a story that spans days. */
export interface TimelineEntry {
  /** The day it happened, YYYY-MM-DD (UTC). */
  date: string;
  text: string;
  citations: Citation[];
}

/** A sentence of an earlier published story, cited to that story's sources. */
export interface BackgroundSentence {
  text: string;
  citations: Citation[];
  story_id: number;
  slug: string;
  headline: string;
}

export interface Citation {
  article_id: number;
  start: number;
  end: number;
}

export interface StorySentence {
  text: string;
  citations: Citation[];
  support?: number;
}

export interface StoryVersionsTable {
  id: Generated<number>;
  story_id: number;
  version: number;
  headline: string;
  dek: string;
  body: JSONColumnType<StoryBody>;
  writer: string;
  model: string | null;
  status: Generated<'published' | 'review' | 'held' | 'superseded'>;
  support_score: number | null;
  source_count: number;
  publisher_count: number;
  change_note: string | null;
  correction_reason: string | null;
  generated_at: Timestamp;
  created_at: CreatedAt;
  /** LLM token counts for the version (null for the extractive writer); migration 0004. */
  prompt_tokens: Generated<number | null>;
  output_tokens: Generated<number | null>;
}

/** One verifier outcome for a part of a version (see src/verify/types.ts). */
export interface VerificationFindingsTable {
  id: Generated<number>;
  story_version_id: number;
  location: string;
  check: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  detail: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: CreatedAt;
}

/** The most related other stories of a story, best first, with a one-sentence teaser. */
export interface StoryRelatedTable {
  story_id: number;
  related_story_id: number;
  rank: number;
  score: number;
  teaser: string;
}

export interface ArticleAnalysesTable {
  article_id: number;
  language: string;
  /** The compact stored form, or the plain form of analyses stored before it (analyze/stored.ts). */
  analysis: JSONColumnType<StoredAnalysis | ArticleAnalysis, string, string>;
  analyzed_at: UpdatedAt;
}

/** Running document frequencies; the row with term '' counts the documents. */
export interface TermFrequenciesTable {
  term: string;
  docs: number;
}

/** What clustering keeps about a story: its term centroid, entity counts and time span. */
export interface StoryProfile {
  /** Summed keyword weights of the story's articles (the heaviest terms only). */
  terms: Record<string, number>;
  /** Name word, or figure ("#…"), → number of articles naming it. */
  entities: Record<string, number>;
  articles: number;
  /** How many of the articles are headlines (a few keywords); absent in older profiles. */
  headlines?: number;
  /** Epoch ms of the earliest and latest dated article; null when none is dated. */
  first: number | null;
  last: number | null;
  /** Epoch ms of the latest article by publication or fetch time: what the index window reads. */
  seen: number;
  title: string;
  /** Mean of the articles' embeddings, unit length, when an embeddings endpoint is configured. */
  embedding?: number[];
  /** Articles of the story with an embedding (what the mean is over). */
  embedded?: number;
}

export interface StoryProfilesTable {
  story_id: number;
  profile: JSONColumnType<StoryProfile>;
  last_seen_at: Timestamp;
}

export interface StoryPostingsTable {
  term: string;
  story_id: number;
  last_seen_at: Timestamp;
}

/** An operator-defined section: stories match when they mention a keyword or an entity. */
export interface TopicsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string | null;
  keywords: JSONColumnType<string[]>;
  entities: JSONColumnType<string[]>;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Site-wide settings by key (e.g. `demo`: the site shows demo content). */
export interface SiteSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: UpdatedAt;
}

/** Full-text documents, kept by triggers on articles and story_versions. */
export interface ArticleSearchTable {
  article_id: number;
  document: string;
}

export interface StoryVersionSearchTable {
  version_id: number;
  story_id: number;
  document: string;
}

/** One LSH band key of an article's MinHash signature. */
export interface ArticleFingerprintBandsTable {
  band: number;
  article_id: number;
}

export interface DB {
  article_fingerprint_bands: ArticleFingerprintBandsTable;
  sources: SourcesTable;
  articles: ArticlesTable;
  stories: StoriesTable;
  story_articles: StoryArticlesTable;
  article_embeddings: ArticleEmbeddingsTable;
  story_versions: StoryVersionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  auth_rate_limits: AuthRateLimitsTable;
  mail_outbox: MailOutboxTable;
  sign_in_failures: SignInFailuresTable;
  comments: CommentsTable;
  comment_reactions: CommentReactionsTable;
  comment_reports: CommentReportsTable;
  bans: BansTable;
  moderation_actions: ModerationActionsTable;
  inaccuracy_reports: InaccuracyReportsTable;
  article_analyses: ArticleAnalysesTable;
  term_frequencies: TermFrequenciesTable;
  story_profiles: StoryProfilesTable;
  story_postings: StoryPostingsTable;
  verification_findings: VerificationFindingsTable;
  story_related: StoryRelatedTable;
  topics: TopicsTable;
  site_settings: SiteSettingsTable;
  article_search: ArticleSearchTable;
  article_search_queue: ArticleSearchQueueTable;
  article_edits: ArticleEditsTable;
  story_version_search: StoryVersionSearchTable;
  story_separations: StorySeparationsTable;
  // Feed parsing reports (0022).
  source_item_drops: SourceItemDropsTable;
  source_feed_warnings: SourceFeedWarningsTable;
  version_disagreements: VersionDisagreementsTable;
  disagreement_settlements: DisagreementSettlementsTable;
}

export type Source = Selectable<SourcesTable>;
export type NewSource = Insertable<SourcesTable>;
export type SourceUpdate = Updateable<SourcesTable>;
export type Article = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type Story = Selectable<StoriesTable>;
export type NewStory = Insertable<StoriesTable>;
export type StoryVersion = Selectable<StoryVersionsTable>;
export type NewStoryVersion = Insertable<StoryVersionsTable>;
export type User = Selectable<UsersTable>;
export type Comment = Selectable<CommentsTable>;
export type NewComment = Insertable<CommentsTable>;
export type Ban = Selectable<BansTable>;
export type ModerationAction = Selectable<ModerationActionsTable>;
export type InaccuracyReport = Selectable<InaccuracyReportsTable>;
export type OutboxMail = Selectable<MailOutboxTable>;
export type VerificationFinding = Selectable<VerificationFindingsTable>;
export type Topic = Selectable<TopicsTable>;
export type NewTopic = Insertable<TopicsTable>;
