import { contentStems } from '../verify/text.js';
import type { SourceArticle } from '../verify/types.js';
import type { Candidate } from './candidates.js';

/** How alike two body sentences are in what they are about, 0..1. */
export type Similarity = (a: Candidate, b: Candidate) => number;

// Words the page has already told above the sections still tell sub-topics apart ("the reliquary"
// from "the astrolabe" when the headline names both), but count for less than the words each
// sub-topic brings of its own.
const TOLD_WEIGHT = 0.75;
// A sentence's neighbours in its own report say what it is about when its own words are few ("He
// said the team had not yet ruled anything out"), but less surely than its own words.
const NEIGHBOUR_WEIGHT = 0.3;
// A quote goes on with what the sentence before it introduced (who speaks, on what).
const INTRODUCER_WEIGHT = 0.6;

/**
 * Cosine similarity of two sentences' words, each weighed by how few of the story's source
 * sentences hold it (a word in every sentence, "museum", tells no sub-topic; "skylight" does), with
 * the sentences either side of each in its own report counting for less, and words told above the
 * sections counting for less.
 */
export function topicSimilarity(picks: readonly Candidate[], told: ReadonlySet<string>): Similarity {
  const sentences = new Map([...new Set(picks.map((c) => c.article))].map((a) => [a, sentenceStems(a)]));
  const frequency = new Map<string, number>();
  let total = 0;
  for (const list of sentences.values()) {
    total += list.length;
    for (const stems of list) for (const s of stems) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  }
  // A word no other sentence of the story holds ties a sentence to nothing: it weighs nothing.
  const weight = (s: string) => {
    const held = frequency.get(s) ?? 0;
    return held < 2 ? 0 : Math.log((total + 1) / held) * (told.has(s) ? TOLD_WEIGHT : 1);
  };
  const vectors = new Map<Candidate, Map<number, Weighted>>();
  const vectorOf = (c: Candidate, other: Candidate) => {
    const without = besideLeftOut(c, other);
    const byCase = vectors.get(c) ?? new Map<number, Weighted>();
    vectors.set(c, byCase);
    let weighted = byCase.get(without);
    if (!weighted) {
      const vector = topicVector(c, sentences.get(c.article) ?? [], weight, without);
      weighted = { vector, norm: Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0)) };
      byCase.set(without, weighted);
    }
    return weighted;
  };
  return (a, b) => {
    const x = vectorOf(a, b);
    const y = vectorOf(b, a);
    const [small, large] = x.vector.size < y.vector.size ? [x.vector, y.vector] : [y.vector, x.vector];
    let dot = 0;
    for (const [s, w] of small) dot += w * (large.get(s) ?? 0);
    return dot / Math.max(Number.EPSILON, x.norm * y.norm);
  };
}

interface Weighted {
  vector: Map<string, number>;
  norm: number;
}

/**
 * Which neighbour of `c` in its report is left out of its context when it is compared with `other`:
 * -1 the one before, 1 the one after, 0 none. A neighbour that is the other sentence would make two
 * sentences side by side look alike by each other's words alone; but a quote's introducer stays,
 * as a quote goes on with what the sentence before it began.
 */
function besideLeftOut(c: Candidate, other: Candidate): number {
  if (c.article !== other.article) return 0;
  const introduces = (q: Candidate, by: Candidate) => quotes(q) && by.position === q.position - 1;
  if (introduces(c, other) || introduces(other, c)) return 0;
  const beside = other.position - c.position;
  return beside === -1 || beside === (c.paired ? 2 : 1) ? Math.sign(beside) : 0;
}

/** A sentence's weighted words: its own, then its neighbours' in its report, at lower weights. */
function topicVector(
  c: Candidate,
  report: readonly ReadonlySet<string>[],
  weight: (s: string) => number,
  without: number,
): Map<string, number> {
  const vector = new Map<string, number>();
  const add = (stems: Iterable<string>, share: number) => {
    for (const s of stems) {
      const w = share * weight(s);
      if (w > (vector.get(s) ?? 0)) vector.set(s, w);
    }
  };
  add(c.stems, 1);
  const before = report[c.position - 1];
  const after = report[c.position + (c.paired ? 2 : 1)];
  // A quote's context is the sentence that introduced it; what follows it often opens another thread.
  if (before && without !== -1) add(before, quotes(c) ? INTRODUCER_WEIGHT : NEIGHBOUR_WEIGHT);
  if (after && without !== 1 && !quotes(c)) add(after, NEIGHBOUR_WEIGHT);
  return vector;
}

/** Whether the sentence is someone's words: an attributed quote, or one that opens on a quotation mark. */
function quotes(c: Candidate): boolean {
  return c.speaker !== null || /^["“]/u.test(c.text);
}

/** Content stems of each sentence of an article, in order. */
function sentenceStems(article: SourceArticle): ReadonlySet<string>[] {
  return article.analysis.sentences.map((s) => new Set(contentStems(article.text.slice(s.start, s.end))));
}
