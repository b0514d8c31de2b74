import type { ArticleAnalysis } from '../analyze/types.js';
import type { StoryBody } from '../db/schema.js';

/** A source article as the writers and the verifier see it. */
export interface SourceArticle {
  id: number;
  source_id: number;
  /** The outlet's name, for diversity and attribution. */
  outlet: string;
  title: string;
  /** The exact text citation offsets point into. */
  text: string;
  published_at: Date | null;
  analysis: ArticleAnalysis;
}

/** What a writer produces: everything a version needs except its provenance. */
export interface Draft {
  headline: string;
  dek: string;
  body: StoryBody;
}

/**
 * The checks the verifier runs; `draft` covers failures of the writer itself (timeouts, bad JSON),
 * `judge` the verdicts of a model judge.
 */
export type CheckKind =
  | 'citation'
  | 'quote'
  | 'speaker'
  | 'figure'
  | 'entity'
  | 'date'
  | 'polarity'
  | 'contrast'
  | 'clause'
  | 'support'
  | 'judge'
  | 'draft'
  | 'disputed';

/**
 * One verification outcome. `location` names the part of the draft: `headline`, `dek`, `lede.0`,
 * `sections.1.2` (section 1, sentence 2), `quotes.0`, `figures.0`, or `draft`.
 */
export interface Finding {
  location: string;
  check: CheckKind;
  /** error: the sentence fails; warning: shown to editors, does not fail; info: an outcome worth keeping. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  detail?: Record<string, unknown>;
}
