import { phases as defaultPhases } from './phases/index.js';
import type { ModerationContext, ModerationResult, Phase } from './types.js';

/** Runs the phases in order: the first rejection wins; otherwise the first hold; otherwise visible. */
export async function moderate(
  context: ModerationContext,
  phases: readonly Phase[] = defaultPhases,
): Promise<ModerationResult> {
  let hold: ModerationResult | null = null;
  for (const phase of phases) {
    if (context.editing && !phase.onEdit) continue;
    const verdict = await phase.run(context);
    if (!verdict) continue;
    const result = {
      status: verdict.status,
      reason: verdict.reason,
      matchedWord: verdict.matchedWord ?? null,
    };
    if (verdict.status === 'rejected') return result;
    hold ??= result;
  }
  return hold ?? { status: 'visible', reason: null, matchedWord: null };
}
