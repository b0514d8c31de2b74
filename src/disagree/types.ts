import type { SourceArticle } from '../verify/types.js';
import type { DisagreementValue, FactKind, Settlement, ValueSource } from '../db/schema-disagree.js';

export type { DisagreementValue, FactKind, Settlement, ValueSource };

/**
 * What disagreement detection reads and produces. A mention is one value of one fact as one article
 * states it; a disagreement is one fact whose values differ across a story's sources.
 */

/** A span of an article's text (UTF-16 offsets, as citations use). */
export interface TextSpan {
  start: number;
  end: number;
}

/** One value of one fact, as one article states it. */
export interface Mention {
  articleId: number;
  kind: FactKind;
  /**
   * What the value is of, normalized: the currency of an amount, the counted noun of a count, the
   * dimension of a measure, the person a title belongs to; '' when the text does not say.
   */
  unit: string;
  /** The value normalized for comparison: a number (base units) or folded words. */
  value: number | string;
  /** The value as written. */
  text: string;
  /** Where the value is written. */
  span: TextSpan;
  /** The sentence that states it: the passage a reader is sent to. */
  sentence: TextSpan;
  /** Stems of the words right beside the value (what it measures). */
  near: string[];
  /** Stems of the rest of its clause (what it is attached to). */
  clause: string[];
  /** Stems of the rest of its sentence. */
  far: string[];
  /** A rate the value is given per ("a day", "per year"), or ''. */
  per: string;
  /** The day a time qualifier in the clause points at ("by Friday evening"), as epoch days, or null. */
  anchor: number | null;
  /** "more than 400" is a lower bound ('min'), "nearly 400" an upper one ('max'), "between 180 and 200" a 'range'; null for a value. */
  bound: 'min' | 'max' | 'range' | null;
  /** The day the sentence says its events happened ("on Friday"), as epoch days, or null. */
  day: number | null;
  /** The day its article was published, as epoch days, or null. */
  published: number | null;
  /** The sentence says the value was revised, raised, widened or corrected. */
  revised: boolean;
  /** The sentence names this value as the earlier one ("up from 142", "instead of"). */
  earlier: boolean;
  /** The sentence attributes the value ("according to", "said"). */
  attributed: boolean;
  /** The stems of the event word a time, date or place was read beside: it names the event, not which one. */
  event?: string[];
  /** Set by matching: no other value of this kind and unit in its article. */
  sole?: boolean;
}

/** A source article as detection reads it (a writer's source, with its stored analysis). */
export type DetectionSource = Pick<
  SourceArticle,
  'id' | 'outlet' | 'title' | 'text' | 'published_at' | 'analysis'
>;

/** One fact on which a story's sources disagree. */
export interface Disagreement {
  /** Stable key of the fact within its story (kind, unit and what it measures). */
  key: string;
  kind: FactKind;
  /** The fact in words, e.g. "Homes destroyed". */
  detail: string;
  status: 'disputed' | 'revised';
  /** Current value first for a revised fact; otherwise the most reported first. */
  values: DisagreementValue[];
  settlement: Settlement | null;
}
