import type { Disagreement, Settlement } from '../disagree/types.js';
import type { Executor } from './db.js';

/** Stores the disagreements found when a version was written, in page order. */
export async function saveVersionDisagreements(
  db: Executor,
  versionId: number,
  storyId: number,
  disagreements: readonly Disagreement[],
): Promise<void> {
  if (disagreements.length === 0) return;
  await db
    .insertInto('version_disagreements')
    .values(
      disagreements.map((d, position) => ({
        version_id: versionId,
        story_id: storyId,
        position,
        fact_key: d.key,
        kind: d.kind,
        detail: d.detail,
        status: d.status,
        value_list: JSON.stringify(d.values),
        settlement: d.settlement ? JSON.stringify(d.settlement) : null,
      })),
    )
    .execute();
}

/** The disagreements stored with a version, in page order. */
export async function versionDisagreements(db: Executor, versionId: number): Promise<Disagreement[]> {
  const rows = await db
    .selectFrom('version_disagreements')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    key: r.fact_key,
    kind: r.kind,
    detail: r.detail,
    status: r.status,
    values: typeof r.value_list === 'string' ? JSON.parse(r.value_list) : r.value_list,
    settlement: typeof r.settlement === 'string' ? JSON.parse(r.settlement) : (r.settlement ?? null),
  }));
}

/** Records an editor's call on a fact of a story; the newest call on a fact is the one in force. */
export async function insertSettlement(
  db: Executor,
  input: {
    storyId: number;
    factKey: string;
    valueKey: string;
    value: string;
    note: string;
    settledBy: string | null;
  },
): Promise<Settlement> {
  const row = await db
    .insertInto('disagreement_settlements')
    .values({
      story_id: input.storyId,
      fact_key: input.factKey,
      value_key: input.valueKey,
      value: input.value,
      note: input.note,
      settled_by: input.settledBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return present(row);
}

/** The call in force on each fact of a story (the newest per fact), by fact key. */
export async function storySettlements(db: Executor, storyId: number): Promise<Map<string, Settlement>> {
  const rows = await db
    .selectFrom('disagreement_settlements')
    .selectAll()
    .where('story_id', '=', storyId)
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<string, Settlement>();
  for (const r of rows) if (!out.has(r.fact_key)) out.set(r.fact_key, present(r));
  return out;
}

function present(r: {
  value_key: string;
  value: string;
  note: string;
  settled_by: string | null;
  created_at: Date | string;
}): Settlement {
  return {
    value_key: r.value_key,
    value: r.value,
    note: r.note,
    settled_by: r.settled_by,
    settled_at: new Date(r.created_at).toISOString(),
  };
}
