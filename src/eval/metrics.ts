/** Precision, recall and their harmonic mean. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** How a predicted clustering compares with the gold one. */
export interface ClusterScores {
  bcubed: PRF;
  pairwise: PRF;
  items: number;
  predicted_clusters: number;
  gold_clusters: number;
}

function prf(precision: number, recall: number): PRF {
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Scores a predicted clustering against gold labels over the items both name (item → cluster id).
 * B-cubed (Bagga & Baldwin 1998) averages per item the share of its predicted cluster that shares
 * its gold label (precision) and of its gold cluster that shares its predicted cluster (recall).
 * Pairwise counts item pairs put together. A clustering of singletons has pairwise precision 1 by
 * convention when it puts no pair together.
 */
export function scoreClusters(
  predicted: ReadonlyMap<string, string>,
  gold: ReadonlyMap<string, string>,
): ClusterScores {
  const joint = new Map<string, number>();
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  let n = 0;
  for (const [item, label] of gold) {
    const cluster = predicted.get(item);
    if (cluster === undefined) continue;
    n++;
    const key = `${cluster}\u0000${label}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    predSize.set(cluster, (predSize.get(cluster) ?? 0) + 1);
    goldSize.set(label, (goldSize.get(label) ?? 0) + 1);
  }
  let bp = 0;
  let br = 0;
  let together = 0;
  for (const [key, count] of joint) {
    const [cluster, label] = key.split('\u0000') as [string, string];
    bp += (count * count) / predSize.get(cluster)!;
    br += (count * count) / goldSize.get(label)!;
    together += pairs(count);
  }
  let predPairs = 0;
  for (const size of predSize.values()) predPairs += pairs(size);
  let goldPairs = 0;
  for (const size of goldSize.values()) goldPairs += pairs(size);
  return {
    bcubed: n > 0 ? prf(bp / n, br / n) : prf(0, 0),
    pairwise: prf(predPairs > 0 ? together / predPairs : 1, goldPairs > 0 ? together / goldPairs : 1),
    items: n,
    predicted_clusters: predSize.size,
    gold_clusters: goldSize.size,
  };
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** A predicted cluster that holds more than one gold event, or a gold event spread over clusters. */
export interface ClusterError {
  /** The predicted cluster (mixed) or the gold event (split). */
  id: string;
  /** How many items of it fall in each gold event (mixed) or predicted cluster (split), largest first. */
  parts: { id: string; items: number }[];
}

/** The predicted clusters that mix gold events and the gold events that are split, largest first. */
export function clusterErrors(
  predicted: ReadonlyMap<string, string>,
  gold: ReadonlyMap<string, string>,
): { mixed: ClusterError[]; split: ClusterError[] } {
  const byCluster = new Map<string, Map<string, number>>();
  const byLabel = new Map<string, Map<string, number>>();
  for (const [item, label] of gold) {
    const cluster = predicted.get(item);
    if (cluster === undefined) continue;
    bump(byCluster, cluster, label);
    bump(byLabel, label, cluster);
  }
  const errors = (groups: Map<string, Map<string, number>>): ClusterError[] =>
    [...groups]
      .filter(([, parts]) => parts.size > 1)
      .map(([id, parts]) => ({
        id,
        parts: [...parts].map(([p, items]) => ({ id: p, items })).sort((a, b) => b.items - a.items),
      }))
      .sort((a, b) => total(b) - total(a) || (a.id < b.id ? -1 : 1));
  return { mixed: errors(byCluster), split: errors(byLabel) };
}

function bump(groups: Map<string, Map<string, number>>, group: string, part: string): void {
  const parts = groups.get(group) ?? new Map<string, number>();
  groups.set(group, parts);
  parts.set(part, (parts.get(part) ?? 0) + 1);
}

function total(e: ClusterError): number {
  return e.parts.reduce((n, p) => n + p.items, 0);
}
