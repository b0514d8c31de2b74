/**
 * Keyword weights as numbered vectors, for comparing many pairs of articles: two sorted lists of
 * numbers are merged without hashing a single word, where looking each word up in the other
 * article's map costs a string hash and compare per word. The sums come out bit for bit as the
 * map loops give them (evidence.ts textCosine), so decisions on a threshold do not move.
 */
export interface TermVector {
  /** Term numbers, ascending. */
  readonly ids: Int32Array;
  /** The weight of each term of `ids`. */
  readonly weights: Float64Array;
  /** Where each term of `ids` stands in the map the vector was made from. */
  readonly order: Int32Array;
}

/** Numbers terms as they are first seen, for the vectors of one batch. */
export class TermNumbering {
  private readonly numbers = new Map<string, number>();
  private scratch = new Float64Array(64);

  /** The vector of a map of term weights. */
  vector(map: ReadonlyMap<string, number>): TermVector {
    const entries: [number, number, number][] = [];
    let at = 0;
    for (const [term, weight] of map) {
      let n = this.numbers.get(term);
      if (n === undefined) {
        n = this.numbers.size;
        this.numbers.set(term, n);
      }
      entries.push([n, weight, at++]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const ids = new Int32Array(entries.length);
    const weights = new Float64Array(entries.length);
    const order = new Int32Array(entries.length);
    entries.forEach(([n, w, o], i) => {
      ids[i] = n;
      weights[i] = w;
      order[i] = o;
    });
    return { ids, weights, order };
  }

  /**
   * The sum, over the terms of the shorter vector (the first when both are as long) in its map's
   * order, of its weight times the other's (0 where the other lacks the term), each product at most
   * `cap`: what looping over the smaller map and looking each term up in the larger one sums.
   */
  dot(a: TermVector, b: TermVector, cap = Number.POSITIVE_INFINITY): number {
    const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
    const n = small.ids.length;
    if (this.scratch.length < n) this.scratch = new Float64Array(n * 2);
    const parts = this.scratch;
    // A term the other lacks adds w × 0 = 0 to the loop's sum; here its place holds 0.
    parts.fill(0, 0, n);
    const m = large.ids.length;
    for (let i = 0, j = 0; i < n && j < m; ) {
      const x = small.ids[i]!;
      const y = large.ids[j]!;
      if (x < y) i++;
      else if (x > y) j++;
      else {
        parts[small.order[i]!] = Math.min(cap, small.weights[i]! * large.weights[j]!);
        i++;
        j++;
      }
    }
    let sum = 0;
    for (let k = 0; k < n; k++) sum += parts[k]!;
    return sum;
  }
}
