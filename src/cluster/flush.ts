import {
  assignArticles,
  insertStoriesWithSlugs,
  mergeStoryInto,
  refreshStoriesCounts,
  saveStoryIndex,
} from '../store/clusters.js';
import type { Executor } from '../store/db.js';
import { postingTerms } from './profile.js';
import { slugify } from './slug.js';
import type { Assignment, BatchResult } from './types.js';
import type { WorkingSet } from './working-set.js';

/** A flushed batch: where each article went, and the candidates of the articles asked about, by story id. */
export interface FlushedBatch {
  assignments: Assignment[];
  explained: BatchResult['explained'];
}

/** Writes a decided batch: new stories, profiles and postings, assignments, merges, counts. */
export async function flushBatch(db: Executor, set: WorkingSet, result: BatchResult): Promise<FlushedBatch> {
  const created = [...set.stories.values()].filter((e) => e.key < 0 && e.mergedInto === undefined);
  const ids = await insertStoriesWithSlugs(
    db,
    created.map((e) => ({
      slug: slugify(e.profile.title),
      title: e.profile.title,
      first: new Date(e.profile.first ?? e.profile.seen),
      last: new Date(e.profile.last ?? e.profile.seen),
    })),
  );
  const idOf = new Map<number, number>(created.map((e, i) => [e.key, ids[i]!]));
  const real = (key: number): number => (key > 0 ? key : idOf.get(key)!);
  const live = [...set.stories.values()].filter((e) => e.dirty && e.mergedInto === undefined);
  await saveStoryIndex(
    db,
    live.map((e) => ({
      storyId: real(e.key),
      profile: e.profile,
      lastSeen: new Date(e.profile.seen),
      terms: postingTerms(e.profile),
    })),
  );
  const assignments = result.assignments.map((a) => ({
    articleId: a.articleId,
    storyId: real(a.key),
    score: a.score,
    created: a.created,
    evidence: a.evidence,
  }));
  await assignArticles(db, assignments);
  for (const m of result.merges) await mergeStoryInto(db, m.from, real(set.resolve(m.into)));
  await refreshStoriesCounts(db, [
    ...new Set([...assignments.map((a) => a.storyId), ...result.merges.map((m) => m.from)]),
  ]);
  const explained = result.explained.map((e) => ({
    articleId: e.articleId,
    candidates: e.candidates.map((c) => ({ ...c, key: real(c.key) })),
  }));
  return { assignments, explained };
}
