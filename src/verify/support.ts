import type { Span } from '../analyze/types.js';
import { findNumbers, valuePresent } from './numbers.js';
import { type ClaimFeatures, claimFeatures, worstOf } from './support-features.js';
import { type MeaningProblem, meaningProblems } from './meaning.js';
import type { SupportIndex } from './support-index.js';
import { supportProbability } from './support-model.js';
import { splitLoose, splitSentences } from './text.js';

/**
 * Offline support scoring (lexical entailment): each claim sentence is aligned to its best source
 * sentences and scored by a small logistic model over lexical features (coverage of its rare words,
 * word order, new words and figures, negation and antonym flips).
 */

/** Where a claim is best supported, and how well (0..1). */
export interface SupportResult {
  score: number;
  /** The best-matching source sentence. */
  evidence: { article_id: number; start: number; end: number }[];
  /** Figures in the claim that no source holds. */
  missingNumbers: string[];
}

/**
 * Scores a claim against indexed sources: 1 means fully supported, SUPPORT_THRESHOLD (0.8) is the
 * decision line. Each sentence of the claim is aligned to its best source sentences and described
 * by a few features (see support-features.ts); a logistic model trained on labelled claims turns them
 * into a probability. A claim is as weak as its weakest sentence.
 */
export function scoreSupport(
  index: SupportIndex,
  claim: string,
  { cited = false }: { cited?: boolean } = {},
): SupportResult {
  const missingNumbers = findNumbers(claim, { words: true })
    .filter((n) => !valuePresent(n.value, index.values))
    .map((n) => n.text);
  const evidence: SupportResult['evidence'] = [];
  const scored = scoreSupportFeatures(index, claim, evidence);
  if (!scored) return { score: 1, evidence, missingNumbers };
  if (index.sentences.length === 0) return { score: 0, evidence, missingNumbers };
  // A claim whose every sentence is a source sentence's words, in order, is supported by definition.
  const rule = fixedDecision(scored);
  let score = rule === 1 ? 1 : supportProbability(scored.features);
  if (cited && rule === undefined && heldWordForWord(scored.features)) score = Math.max(score, HELD_SCORE);
  return { score: rule === 0 ? Math.min(score, VETO_CAP) : score, evidence, missingNumbers };
}

/**
 * The decision's fixed rules, before the model: a vetoed edit (see vetoed) or a meaning edit (see
 * meaning.ts) is unsupported (0); a claim whose every sentence is a source sentence's words, in
 * order, is supported (1); anything else is the model's to decide (undefined).
 */
export function fixedDecision(scored: ScoredClaim): 0 | 1 | undefined {
  if (vetoed(scored.features) || scored.problems.length > 0) return 0;
  return scored.verbatim ? 1 : undefined;
}

/** The score a vetoed claim gets at most: clearly below the 0.8 decision line. */
const VETO_CAP = 0.5;

/** The score of a claim its cited passages hold word for word (see heldWordForWord). */
const HELD_SCORE = 0.85;

/**
 * Against the few sentences a claim cites (not a whole article), a claim whose every content word
 * stands in one or two of them, with no veto and no meaning edit, is held by them: a writer that
 * joins a name from the sentence before to the words of the next. Over a whole article the same
 * overlap proves little (a swapped name is also somewhere in it), so scorers of whole documents do
 * not use this rule.
 */
function heldWordForWord(f: ClaimFeatures): boolean {
  return f.novelWords === 0 && f.bestPair >= 0.999;
}

/**
 * The unfaithful edits that no amount of word overlap excuses, too rare in the training data for the
 * model to weigh them by itself: a figure the sources do not hold, an antonym of a word in the best
 * sentence, and one sentence's words in another order (swapped roles: "A asked B" for "B asked A").
 * A flipped negation is a meaning edit (meaning.ts), found clause by clause: the whole claim against
 * its best sentence also flags a faithful join of two sentences of which one says "no".
 */
export function vetoed(f: ClaimFeatures): boolean {
  if (f.missingNumbers > 0 || f.antonym > 0) return true;
  return f.best >= 0.9 && f.bigrams < 0.6;
}

/** A claim's features, whether it copies its sources word for word, and the meaning edits in it. */
export interface ScoredClaim {
  features: ClaimFeatures;
  verbatim: boolean;
  problems: MeaningProblem[];
}

/**
 * The features of a whole claim (its weakest sentence's, see worstOf), or undefined when it has no
 * content to check; the best source sentence of each claim sentence is added to `evidence`.
 */
export function scoreSupportFeatures(
  index: SupportIndex,
  claim: string,
  evidence: SupportResult['evidence'] = [],
): ScoredClaim | undefined {
  const parts: ClaimFeatures[] = [];
  const problems: MeaningProblem[] = [];
  let verbatim = true;
  for (const span of claimSentences(claim)) {
    const scored = claimFeatures(index, claim.slice(span.start, span.end));
    if (!scored) continue;
    parts.push(scored.features);
    verbatim &&= scored.verbatim;
    problems.push(...meaningProblems(index, claim.slice(span.start, span.end)));
    const at = index.sentences[scored.evidence.best];
    if (at && !evidence.some((e) => e.article_id === at.source && e.start === at.start))
      evidence.push({ article_id: at.source, start: at.start, end: at.end });
  }
  return parts.length === 0 ? undefined : { features: worstOf(parts), verbatim, problems };
}

/** A claim's sentences; lower-cased text (no capitals to find sentence starts by) is split loosely. */
function claimSentences(claim: string): Span[] {
  return /\p{Lu}/u.test(claim) ? splitSentences(claim) : splitLoose(claim);
}
