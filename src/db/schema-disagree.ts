import type { Generated, JSONColumnType } from 'kysely';
import type { CreatedAt } from './columns.js';

/** The disagreements found when a version was written, in the order the page lists them (migration 0017). */
export interface VersionDisagreementsTable {
  id: Generated<number>;
  version_id: number;
  story_id: number;
  position: number;
  fact_key: string;
  kind: FactKind;
  detail: string;
  status: 'disputed' | 'revised';
  value_list: JSONColumnType<DisagreementValue[]>;
  /** The newsroom's call on the fact when the version was written, if an editor made one. */
  settlement: JSONColumnType<Settlement> | null;
}

/** An editor's call on a disputed fact of a story: the value chosen and why (migration 0017). */
export interface DisagreementSettlementsTable {
  id: Generated<number>;
  story_id: number;
  fact_key: string;
  value_key: string;
  value: string;
  note: string;
  settled_by: string | null;
  created_at: CreatedAt;
}

/** The kinds of fact whose values sources can disagree on. */
export type FactKind =
  | 'amount'
  | 'percent'
  | 'count'
  | 'measure'
  | 'ordinal'
  | 'tally'
  | 'time'
  | 'date'
  | 'place'
  | 'title';

/** One article's report of a value: the API's `sources` entry. */
export interface ValueSource {
  article_id: number;
  outlet: string;
  published_at: string | null;
  citation: { article_id: number; start: number; end: number };
}

/** One value of a disputed fact with the articles that report it. */
export interface DisagreementValue {
  /** The value as the sources write it (the commonest form). */
  value: string;
  /** The normalized value, stable across versions (what an editor's settlement names). */
  key: string;
  /** For a revised fact: this value replaced the others (false for the superseded ones). */
  current: boolean;
  /**
   * For a disputed fact: a later report names this value as the earlier figure ("from 214 in the
   * original count"); it is history, not a side of the dispute. Absent otherwise.
   */
  earlier?: boolean;
  sources: ValueSource[];
}

/** The newsroom's call on a disputed fact: the value an editor chose, with why. */
export interface Settlement {
  value_key: string;
  value: string;
  note: string;
  settled_by: string | null;
  settled_at: string;
}
