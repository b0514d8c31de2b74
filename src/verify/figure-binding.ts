import type { Figure } from '../analyze/types.js';
import { figuresIn } from './extract.js';
import { sameValue } from './numbers.js';
import type { SupportIndex } from './support-index.js';
import { contentStems, stem } from './text.js';

/**
 * A figure is only supported where the evidence gives the same number for the same thing: "40
 * workers" is not held by a passage with "3 workers and 40 homes". A count is bound to its noun
 * ("Three workers"), a percentage to what it is a share of ("30 percent of voters").
 */

/** A claim figure whose number the evidence holds, but never for what the claim counts. */
export interface UnboundFigure {
  figure: string;
  counts: string;
}

/** Words after a percentage that say what it is a share of: "30 percent of (the) voters". */
const SHARE_OF = /^\s*of\s+(?:the\s+|all\s+|its\s+|their\s+)?([\p{L}-]+)/iu;

/** The figures of a claim that the evidence holds only for something else. */
export function unboundFigures(index: SupportIndex, claim: string): UnboundFigure[] {
  const out: UnboundFigure[] = [];
  for (const figure of figuresIn(claim)) {
    if (figure.value === null || figure.kind === 'date') continue;
    const counted = countedStem(claim, figure);
    if (!counted) continue;
    let seen = false;
    let bound = false;
    for (const sentence of index.sentences) {
      for (const other of figuresIn(sentence.text)) {
        if (other.value === null || !sameValue(other.value, figure.value)) continue;
        seen = true;
        const theirs = countedStem(sentence.text, other);
        // Where the evidence does not say what its number counts, the sentence around it must name it.
        bound ||= theirs === undefined ? sentence.stems.has(counted) : theirs === counted;
      }
    }
    // A number the evidence lacks altogether is the figure check's to report.
    if (seen && !bound) out.push({ figure: figure.text, counts: counted });
  }
  return out;
}

/** The stem of what a figure counts, or undefined when its text does not say. */
function countedStem(text: string, figure: Figure): string | undefined {
  if (figure.kind === 'count' && figure.unit) return stem(figure.unit.toLowerCase());
  if (figure.kind !== 'percent') return undefined;
  const word = SHARE_OF.exec(text.slice(figure.end))?.[1];
  return word ? contentStems(word)[0] : undefined;
}
