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
