import { opposes } from './contrast.js';
import { findNumbers, valuePresent } from './numbers.js';
import type { IndexedSentence, SupportIndex } from './support-index.js';
import { rarity } from './rarity.js';
import { contentStems, UNIT_WORDS } from './text.js';

/**
 * Features of one claim sentence against indexed sources, for the support model. Each one is a
 * signal that generalizes across writing styles rather than a fit to one data set: how much of the
 * claim's rare content the sources hold (as a whole, in the best one or two sentences — the
 * SummaC-ZS "max over source sentences" idea, lexically), whether its word pairs and phrases occur in
 * order, and the typical unfaithful edits: a new figure, a new word, a flipped negation, an antonym.
 */
export interface ClaimFeatures {
  /** IDF-weighted share of the claim's content words found anywhere in the sources. */
  global: number;
  /** The same share within the single best-matching source sentence. */
  best: number;
  /** The same share within the best pair of source sentences (claims that fuse two sentences). */
  bestPair: number;
  /** Share of the claim's adjacent content-word pairs found adjacent in its best-aligned sentences. */
  bigrams: number;
  /** Share of the claim's three-word phrases (all words) found verbatim in its best-aligned sentences. */
  trigrams: number;
  /**
   * Share of the claim's words inside fragments of three or more words copied from its best-aligned
   * sentences (Grusky et al.'s extractive fragment coverage).
   */
  fragments: number;
  /** Copied fragments of two or more words per claim word: a claim spliced from many pieces. */
  splices: number;
  /** Content words of the claim absent from every source (capped at 4). */
  novelWords: number;
  /** Share of the claim's content, weighted by rarity in English, found anywhere in the sources. */
  rareGlobal: number;
  /** Content words absent from every source that English rarely uses: names, places, terms (capped at 3). */
  rareNovel: number;
  /** rareGlobal for a paraphrase: weighs coverage where the claim copies no long phrase. */
  paraphrase: number;
  /** Figures in the claim that no source holds (capped at 2). */
  missingNumbers: number;
  /** 1 when the claim and its best evidence disagree on negation. */
  negation: number;
  /** 1 when the claim uses a word whose antonym, not the word, is in its best evidence. */
  antonym: number;
  /** log(1 + content words). */
  length: number;
}

/** The feature names in model order. */
export const FEATURE_NAMES = [
  'global',
  'best',
  'bestPair',
  'bigrams',
  'trigrams',
  'fragments',
  'splices',
  'novelWords',
  'rareGlobal',
  'rareNovel',
  'paraphrase',
  'missingNumbers',
  'negation',
  'antonym',
  'length',
] as const satisfies readonly (keyof ClaimFeatures)[];

/** Rarity (see rarity.ts) from which a word is a name or a term rather than everyday English. */
const RARE = 4.5;

/** Best single sentences kept when looking for the best pair (enough to find it, cheap to pair). */
const PAIR_POOL = 4;

const RAW_WORD = /[\p{L}\p{N}]+/gu;

/**
 * Lower-cased words, stopwords kept: the unit of the verbatim phrase check. Each figure becomes one
 * token of its value and unit words drop out, so "$350 billion" and "350bn dollars" copy alike.
 */
export function rawWords(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  const words = (until: number) => {
    for (const w of text.slice(at, until).toLowerCase().match(RAW_WORD) ?? [])
      if (!UNIT_WORDS.has(w)) out.push(w);
  };
  for (const n of findNumbers(text, { words: true }).sort((a, b) => a.start - b.start)) {
    if (n.start < at) continue;
    words(n.start);
    out.push(`#${n.value}`);
    at = n.end;
  }
  words(text.length);
  return out;
}

/** The adjacent content-word pairs of a stem list, negation markers left out. */
export function bigramsOf(stems: readonly string[]): string[] {
  const plain = stems.filter((t) => t !== 'not');
  const out: string[] = [];
  for (let i = 0; i + 1 < plain.length; i++) out.push(`${plain[i]} ${plain[i + 1]}`);
  return out;
}

/** Where the best evidence for a claim sentence is. */
export interface ClaimEvidence {
  /** Index into `index.sentences` of the best sentence, or -1 when there is none. */
  best: number;
}

/** Computes the features of one claim sentence; `evidence` says which source sentence matched best. */
export function claimFeatures(
  index: SupportIndex,
  claim: string,
): { features: ClaimFeatures; evidence: ClaimEvidence; verbatim: boolean } | undefined {
  const list = contentStems(claim);
  const terms = [...new Set(list)].filter((t) => t !== 'not');
  const numbers = findNumbers(claim, { words: true });
  if (terms.length === 0 && numbers.length === 0) return undefined;
  const missingNumbers = numbers.filter((n) => !valuePresent(n.value, index.values)).length;
  const n = Math.max(1, index.size ?? index.sentences.length);
  const weights = terms.map((t) => Math.log(1 + n / (1 + (index.documentFrequency.get(t) ?? 0))) + 0.5);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let global = 0;
  let novel = 0;
  let rare = 0;
  let rareTotal = 0;
  let rareNovel = 0;
  for (let i = 0; i < terms.length; i++) {
    const r = rarity(terms[i]!);
    rareTotal += r;
    if (index.stems.has(terms[i]!)) {
      global += weights[i]!;
      rare += r;
    } else {
      novel++;
      if (r >= RARE) rareNovel++;
    }
  }
  const ranked = rankSentences(index, terms, weights);
  const top = ranked[0];
  const best = top ? top.covered / total : 0;
  const bestPair = pairCoverage(index, ranked, terms, weights) / total;
  // Word order is checked against the best-aligned sentences only (SummaC-style alignment): cheap,
  // and a phrase found elsewhere in the sources does not support this claim's use of it.
  const aligned = ranked.map((r) => index.sentences[r.at]!);
  const claimBigrams = bigramsOf(list);
  const alignedBigrams = new Set(aligned.flatMap((s) => bigramsOf(s.list)));
  const bigrams =
    claimBigrams.length === 0
      ? best
      : claimBigrams.filter((b) => alignedBigrams.has(b)).length / claimBigrams.length;
  const words = rawWords(claim);
  const runs = matchRuns(aligned, words);
  const trigrams = words.length < 3 ? bigrams : runs.filter((r) => r >= 3).length / (words.length - 2);
  const { fragments, splices, verbatim } = fragmentCover(runs);
  const evidence = top ? index.sentences[top.at]! : undefined;
  const negation = evidence && list.includes('not') !== evidence.negation ? 1 : 0;
  const antonym = evidence && opposes(terms, evidence.stems) ? 1 : 0;
  return {
    features: {
      global: global / total,
      best,
      bestPair: Math.max(best, bestPair),
      bigrams,
      trigrams,
      fragments,
      splices,
      novelWords: Math.min(4, novel),
      rareGlobal: rareTotal === 0 ? 1 : rare / rareTotal,
      rareNovel: Math.min(3, rareNovel),
      paraphrase: (rareTotal === 0 ? 1 : rare / rareTotal) * (1 - fragments),
      missingNumbers: Math.min(2, missingNumbers),
      negation,
      antonym,
      length: Math.log(1 + terms.length),
    },
    evidence: { best: top?.at ?? -1 },
    verbatim: verbatim && missingNumbers === 0,
  };
}

/** The source sentences with the most claim content, best first (at most PAIR_POOL). */
function rankSentences(
  index: SupportIndex,
  terms: readonly string[],
  weights: readonly number[],
): { at: number; covered: number }[] {
  const pool: { at: number; covered: number }[] = [];
  const sentences = index.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const stems = sentences[i]!.stems;
    let covered = 0;
    for (let t = 0; t < terms.length; t++) if (stems.has(terms[t]!)) covered += weights[t]!;
    if (covered <= 0) continue;
    if (pool.length < PAIR_POOL || covered > pool[pool.length - 1]!.covered) {
      pool.push({ at: i, covered });
      pool.sort((a, b) => b.covered - a.covered);
      if (pool.length > PAIR_POOL) pool.pop();
    }
  }
  return pool;
}

/** The claim content covered by the best two of the ranked sentences together. */
function pairCoverage(
  index: SupportIndex,
  ranked: readonly { at: number }[],
  terms: readonly string[],
  weights: readonly number[],
): number {
  let best = 0;
  for (let a = 0; a < ranked.length; a++) {
    for (let b = a + 1; b < ranked.length; b++) {
      const first = index.sentences[ranked[a]!.at]!.stems;
      const second = index.sentences[ranked[b]!.at]!.stems;
      let covered = 0;
      for (let t = 0; t < terms.length; t++)
        if (first.has(terms[t]!) || second.has(terms[t]!)) covered += weights[t]!;
      best = Math.max(best, covered);
    }
  }
  return best;
}

/** For each claim position, the longest run of claim words from there found in one aligned sentence. */
function matchRuns(aligned: readonly IndexedSentence[], words: readonly string[]): number[] {
  const runs = new Array<number>(words.length).fill(0);
  for (const sentence of aligned) {
    sentence.words ??= rawWords(sentence.text);
    const doc = sentence.words;
    for (let i = 0; i < words.length; i++) {
      for (let j = 0; j < doc.length; j++) {
        if (doc[j] !== words[i]) continue;
        let k = 1;
        while (i + k < words.length && doc[j + k] === words[i + k]) k++;
        if (k > runs[i]!) runs[i] = k;
      }
    }
  }
  return runs;
}

/**
 * Greedy extractive fragments (Grusky et al. 2018, "Newsroom"): from each claim position, take the
 * longest copied run and continue after it.
 */
function fragmentCover(runs: readonly number[]): { fragments: number; splices: number; verbatim: boolean } {
  if (runs.length === 0) return { fragments: 1, splices: 0, verbatim: true };
  let covered = 0;
  let pieces = 0;
  let i = 0;
  while (i < runs.length) {
    const longest = runs[i]!;
    if (longest >= 3) covered += longest;
    if (longest >= 2) pieces++;
    i += Math.max(1, longest);
  }
  return {
    fragments: covered / runs.length,
    splices: pieces / runs.length,
    verbatim: covered === runs.length && pieces === 1,
  };
}

/** Combines the features of a claim's sentences: the claim is as weak as its weakest sentence. */
export function worstOf(all: readonly ClaimFeatures[]): ClaimFeatures {
  const min = (k: keyof ClaimFeatures) => Math.min(...all.map((f) => f[k]));
  const max = (k: keyof ClaimFeatures) => Math.max(...all.map((f) => f[k]));
  return {
    global: min('global'),
    best: min('best'),
    bestPair: min('bestPair'),
    bigrams: min('bigrams'),
    trigrams: min('trigrams'),
    fragments: min('fragments'),
    splices: max('splices'),
    novelWords: max('novelWords'),
    rareGlobal: min('rareGlobal'),
    rareNovel: max('rareNovel'),
    paraphrase: min('paraphrase'),
    missingNumbers: max('missingNumbers'),
    negation: max('negation'),
    antonym: max('antonym'),
    length: max('length'),
  };
}
