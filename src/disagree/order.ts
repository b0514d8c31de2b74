import type { DetectionSource, Mention } from './types.js';

/**
 * Orders a fact's values and tells a revision from a dispute. A value is current when a report of
 * it says the figure was revised, raised, widened or corrected, and every other value was first
 * reported before that report (later repeats of an old figure are stale, not a challenge). Then the
 * fact is "revised", current value first. Otherwise it is "disputed", the most reported value first.
 */
export function orderValues(
  values: Mention[][],
  sources: ReadonlyMap<number, DetectionSource>,
): { status: 'disputed' | 'revised'; values: Mention[][] } {
  const time = (m: Mention) => sources.get(m.articleId)?.published_at?.getTime() ?? 0;
  const firstReported = (ms: Mention[]) => Math.min(...ms.filter((m) => !m.earlier).map(time), Infinity);
  let current: { index: number; at: number } | null = null;
  values.forEach((ms, index) => {
    for (const m of ms) {
      if (!m.revised || m.earlier) continue;
      const at = time(m);
      const replacesAll = values.every((other, j) => j === index || firstReported(other) < at);
      if (replacesAll && (!current || at > current.at)) current = { index, at };
    }
  });
  const articles = (ms: Mention[]) => new Set(ms.map((m) => m.articleId)).size;
  const found = current as { index: number; at: number } | null;
  if (found) {
    const rest = values
      .filter((_, i) => i !== found.index)
      .sort((a, b) => firstReported(b) - firstReported(a));
    return { status: 'revised', values: [values[found.index]!, ...rest] };
  }
  return {
    status: 'disputed',
    values: [...values].sort((a, b) => articles(b) - articles(a) || firstReported(a) - firstReported(b)),
  };
}
