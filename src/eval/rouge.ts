import { stemmer } from 'stemmer';

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 as the reference `rouge-score` package computes them with
 * stemming: lower-case, every run of characters outside [a-z0-9] is a separator, tokens longer than
 * three characters are Porter-stemmed; ROUGE-L is the longest common subsequence of whole texts.
 */

/** F1 scores of one output against one reference, 0..1. */
export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/** The tokens ROUGE compares: lower-case alphanumeric runs, stemmed when longer than three characters. */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => (t.length > 3 ? stemmer(t) : t));
}

/** The first `words` whitespace-separated words of a text. */
export function cutWords(text: string, words: number): string {
  return text.split(/\s+/).filter(Boolean).slice(0, words).join(' ');
}

/** Scores an output (already cut to length) against a reference. */
export function rouge(output: string, reference: string): RougeScores {
  const out = rougeTokens(output);
  const ref = rougeTokens(reference);
  return { rouge1: ngramF1(out, ref, 1), rouge2: ngramF1(out, ref, 2), rougeL: lcsF1(out, ref) };
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function f1(overlap: number, predicted: number, reference: number): number {
  if (overlap === 0 || predicted === 0 || reference === 0) return 0;
  const precision = overlap / predicted;
  const recall = overlap / reference;
  return (2 * precision * recall) / (precision + recall);
}

function ngramF1(out: readonly string[], ref: readonly string[], n: number): number {
  const a = ngrams(out, n);
  const b = ngrams(ref, n);
  let overlap = 0;
  for (const [gram, count] of a) overlap += Math.min(count, b.get(gram) ?? 0);
  return f1(overlap, Math.max(0, out.length - n + 1), Math.max(0, ref.length - n + 1));
}

function lcsF1(out: readonly string[], ref: readonly string[]): number {
  if (out.length === 0 || ref.length === 0) return 0;
  // One row of the dynamic programme at a time: O(|ref|) memory for texts of hundreds of tokens.
  let previous = new Uint16Array(ref.length + 1);
  let current = new Uint16Array(ref.length + 1);
  for (const token of out) {
    for (let j = 1; j <= ref.length; j++) {
      current[j] = token === ref[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return f1(previous[ref.length]!, out.length, ref.length);
}
