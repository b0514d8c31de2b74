import type { DetectionSource, Mention } from './types.js';

/**
 * Orders a fact's values and tells a revision from a dispute. A value is current when a report of
 * it says the figure was revised, raised, widened or corrected, and every other value was first
 * reported before that report (later repeats of an old figure are stale, not a challenge). Then the
 * fact is "revised", current value first. Otherwise it is "disputed", the most reported value first,
 * then (`earlier` of them, last) the values a later report names as the earlier figure.
 */
export function orderValues(
  values: Mention[][],
  sources: ReadonlyMap<number, DetectionSource>,
): { status: 'disputed' | 'revised'; values: Mention[][]; earlier?: number } {
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
  // "Narrowed to 187 votes from 214 in the original count": a value that a later report names as
  // the earlier one, after every report that gave it as the value, is history, not a side of the
  // dispute. One value left standing is the current one; several still dispute it among themselves.
  const lastReported = (ms: Mention[]) => Math.max(...ms.filter((m) => !m.earlier).map(time), -Infinity);
  const superseded = values.map((ms) => ms.some((m) => m.earlier && time(m) > lastReported(ms)));
  const standing = values.filter((_, i) => !superseded[i]);
  if (!found && standing.length > 0 && standing.length < values.length) {
    const history = values
      .filter((_, i) => superseded[i])
      .sort((a, b) => firstReported(b) - firstReported(a));
    if (standing.length === 1) return { status: 'revised', values: [standing[0]!, ...history] };
    const open = orderValues(standing, sources);
    return { ...open, values: [...open.values, ...history], earlier: history.length };
  }
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
