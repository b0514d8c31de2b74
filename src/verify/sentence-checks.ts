import { checkCitations, checkEntities, checkFigures, checkQuotes, type SentenceCheck } from './checks.js';
import { checkFigureBindings, checkMeaning } from './floor-checks.js';

/**
 * Every check a sentence goes through, in order; a sentence fails when any of them returns an error.
 * Each check is one function in its own module: adding one is one line here. The support score
 * (checks.ts, checkSupport) runs after them, since the sentence keeps its score.
 */
export const sentenceChecks: readonly SentenceCheck[] = [
  checkCitations,
  checkQuotes,
  checkFigures,
  checkFigureBindings,
  checkEntities,
  checkMeaning,
];
