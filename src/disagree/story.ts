import { type DetectedFact, detectDisagreements } from './detect.js';
import type { Executor } from '../store/db.js';
import { storySettlements } from '../store/disagreements.js';
import type { DetectionSource } from './types.js';

/**
 * What a story's sources disagree on as it is written now: detection over its sources, with the
 * newsroom's call on each fact an editor settled.
 */
export async function storyDisagreements(
  db: Executor,
  storyId: number,
  sources: readonly DetectionSource[],
): Promise<DetectedFact[]> {
  const facts = detectDisagreements(sources);
  if (facts.length === 0) return facts;
  const calls = await storySettlements(db, storyId);
  for (const f of facts) f.disagreement.settlement = calls.get(f.disagreement.key) ?? null;
  return facts;
}
