import { mergeProfiles } from './profile.js';
import type { BatchResult } from './types.js';
import type { WorkingSet } from './working-set.js';

/** Joins two stories of the working set; returns the one that holds both now. */
export function merge(set: WorkingSet, x: number, y: number, result: BatchResult): number {
  // The older story (a database id, or the earlier placeholder) keeps its identity and slug.
  const [into, from] = rank(x, y);
  set.update(into, mergeProfiles(set.stories.get(into)!.profile, set.stories.get(from)!.profile));
  set.retire(from, into);
  if (from > 0) result.merges.push({ from, into });
  return into;
}

function rank(x: number, y: number): [number, number] {
  if (x > 0 && y > 0) return x < y ? [x, y] : [y, x];
  if (x > 0) return [x, y];
  if (y > 0) return [y, x];
  return x > y ? [x, y] : [y, x];
}
