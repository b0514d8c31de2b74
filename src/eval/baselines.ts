import type { SourceArticle } from '../verify/types.js';
import { contentStems } from '../verify/text.js';

/**
 * Reference summarisers that the writer is measured beside: lead (each article's first sentences in
 * turn) and LexRank (Erkan and Radev 2004: sentence centrality on a cosine-similarity graph). Both
 * return sentences in the order a reader would get them, at least `words` words when the sources
 * have that many.
 */

/** Each article's first sentence, then each one's second, and so on, until `words` words. */
export function leadSummary(sources: readonly SourceArticle[], words: number): string[] {
  const queues = sources.map((s) =>
    s.analysis.sentences.map((span) => s.text.slice(span.start, span.end).trim()),
  );
  const out: string[] = [];
  let count = 0;
  for (let round = 0; count < words && queues.some((q) => q.length > round); round++) {
    for (const queue of queues) {
      const sentence = queue[round];
      if (!sentence || count >= words) continue;
      out.push(sentence);
      count += wordCount(sentence);
    }
  }
  return out;
}

const LEXRANK_THRESHOLD = 0.1;
const LEXRANK_DAMPING = 0.85;
const LEXRANK_REDUNDANCY = 0.5;

/** The most central sentences (continuous LexRank over TF-IDF cosine), skipping near-repeats. */
export function lexRankSummary(sources: readonly SourceArticle[], words: number): string[] {
  const sentences = sources.flatMap((s) =>
    s.analysis.sentences
      .map((span) => s.text.slice(span.start, span.end).trim())
      .filter((t) => wordCount(t) >= 5),
  );
  const vectors = tfidf(sentences.map((t) => contentStems(t).filter((w) => w !== 'not')));
  const n = sentences.length;
  const edges = vectors.map((a) => vectors.map((b) => cosine(a, b)));
  const scores = centrality(edges.map((row) => row.map((w) => (w >= LEXRANK_THRESHOLD ? w : 0))));
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const picked: number[] = [];
  let count = 0;
  for (const i of order) {
    if (count >= words || n === 0) break;
    if (picked.some((j) => edges[i]![j]! >= LEXRANK_REDUNDANCY)) continue;
    picked.push(i);
    count += wordCount(sentences[i]!);
  }
  return picked.map((i) => sentences[i]!);
}

function tfidf(docs: string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  return docs.map((d) => {
    const v = new Map<string, number>();
    for (const t of d) v.set(t, (v.get(t) ?? 0) + 1);
    for (const [t, tf] of v) v.set(t, tf * Math.log(docs.length / df.get(t)!));
    return v;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    dot += w * (b.get(t) ?? 0);
  }
  for (const w of b.values()) nb += w * w;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Stationary distribution of the row-normalised graph with damping (power iteration). */
function centrality(weights: number[][]): number[] {
  const n = weights.length;
  const rows = weights.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((w) => (sum === 0 ? 1 / n : w / sum));
  });
  let p = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Array<number>(n).fill((1 - LEXRANK_DAMPING) / n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) next[j]! += LEXRANK_DAMPING * p[i]! * rows[i]![j]!;
    const change = next.reduce((a, x, i) => a + Math.abs(x - p[i]!), 0);
    p = next;
    if (change < 1e-6) break;
  }
  return p;
}

/** Words of a text, split on whitespace (the unit the length cut counts). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
