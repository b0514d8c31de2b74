import type { Generated, JSONColumnType } from 'kysely';
import type { DisagreementValue, FactKind, Settlement } from '../disagree/types.js';
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
