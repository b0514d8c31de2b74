import type { Executor } from './db.js';

/** One entry of the public corrections log. */
export interface CorrectionEntry {
  story_id: number;
  slug: string;
  version: number;
  headline: string;
  reason: string;
  created_at: Date;
}

/** Corrections (versions with a reason), newest first: the public corrections log. */
export async function correctionsLog(
  db: Executor,
  options: { limit?: number; storyId?: number } = {},
): Promise<CorrectionEntry[]> {
  let query = db
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select([
      'v.story_id',
      's.slug',
      'v.version',
      'v.headline',
      'v.correction_reason as reason',
      'v.created_at',
    ])
    .where('v.correction_reason', 'is not', null)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(options.limit ?? 50);
  if (options.storyId !== undefined) query = query.where('v.story_id', '=', options.storyId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, reason: r.reason ?? '' }));
}
