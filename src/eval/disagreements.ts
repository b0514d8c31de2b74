import { z } from 'zod';
import { NUMBER_WORDS } from '../analyze/figures.js';
import { findNumbers } from '../verify/numbers.js';

/**
 * Scores detected disagreements against labelled ones: a labelled disagreement is found when a
 * detected one in the same story lists every labelled value (numbers compared as numbers, titles
 * as words); precision counts the detected ones that are labelled.
 */

/** One labelled disagreement: the story, the fact, and the values the sources give. */
export const labelledDisagreement = z.object({
  story: z.string().min(1),
  detail: z.string().min(1),
  status: z.enum(['disputed', 'revised']),
  values: z.array(z.string().min(1)).min(2),
});
export type LabelledDisagreement = z.infer<typeof labelledDisagreement>;

/** A detected disagreement, placed in a labelled story. */
export interface FoundDisagreement {
  story: string;
  detail: string;
  status: 'disputed' | 'revised';
  values: string[];
}

/** Recall, precision and where each went wrong. */
export interface DisagreementScore {
  labelled: number;
  detected: number;
  found: number;
  correct: number;
  recall: number;
  precision: number;
  /** Found with the labelled status. */
  statusAgreement: number;
  missed: LabelledDisagreement[];
  spurious: FoundDisagreement[];
}

/** Parses labelled disagreements, one JSON object per line; a bad line names its number. */
export function parseLabelled(text: string): LabelledDisagreement[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`line ${n}: not JSON`);
      }
      const parsed = labelledDisagreement.safeParse(json);
      if (!parsed.success) throw new Error(`line ${n}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    });
}

function numbersOf(text: string): number[] {
  const lower = text.toLowerCase();
  const word = NUMBER_WORDS[lower.replace(/^about /, '').split(/\s/)[0] ?? ''];
  if (word !== undefined) return [word];
  const found = findNumbers(
    lower.replace(/(\d)(?:st|nd|rd|th)\b/g, '$1').replace(/(\d)\s?[-–]\s?(\d)/g, '$1 $2'),
    {
      words: true,
    },
  ).map((n) => n.value);
  return found;
}

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/[\p{L}]+/gu)
      ?.filter((w) => !['the', 'of', 'for', 'a', 'an'].includes(w)) ?? []
  );
}

/** Whether a detected value is the labelled one. */
export function valueMatches(labelled: string, detected: string): boolean {
  const a = numbersOf(labelled);
  const b = numbersOf(detected);
  if (a.length > 0 || b.length > 0) {
    return a.length > 0 && a.every((x) => b.some((y) => Math.abs(x - y) <= Math.abs(x) * 1e-6));
  }
  const x = words(labelled);
  const y = words(detected);
  return x.length > 0 && (x.every((w) => y.includes(w)) || y.every((w) => x.includes(w)));
}

function matches(l: LabelledDisagreement, d: FoundDisagreement): boolean {
  return l.story === d.story && l.values.every((v) => d.values.some((dv) => valueMatches(v, dv)));
}

/** Scores detected disagreements against the labelled ones. */
export function scoreDisagreements(
  labelled: readonly LabelledDisagreement[],
  detected: readonly FoundDisagreement[],
): DisagreementScore {
  const missed = labelled.filter((l) => !detected.some((d) => matches(l, d)));
  const spurious = detected.filter((d) => !labelled.some((l) => matches(l, d)));
  const found = labelled.length - missed.length;
  const correct = detected.length - spurious.length;
  const sameStatus = labelled.filter((l) =>
    detected.some((d) => matches(l, d) && d.status === l.status),
  ).length;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
  return {
    labelled: labelled.length,
    detected: detected.length,
    found,
    correct,
    recall: ratio(found, labelled.length),
    precision: ratio(correct, detected.length),
    statusAgreement: ratio(sameStatus, found),
    missed,
    spurious,
  };
}
