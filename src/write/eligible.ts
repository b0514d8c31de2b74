import type { StoryQuote } from '../db/schema.js';
import { contentStems, normalizeForMatch } from '../verify/text.js';
import type { Candidate } from './candidates.js';

/**
 * The one place where the extractive writer narrows the source sentences it may put in the body.
 * Each rule is a named filter; a new rule (a value the sources dispute, say) is one more filter in
 * the list `writeExtractive` is given.
 */

/** What filters see besides the sentence: what the page already shows. */
export interface EligibilityContext {
  headline: string;
  /** The quotes "What they said" shows; the body does not repeat them. */
  quotes: readonly StoryQuote[];
}

/** A rule a body sentence must pass; its name says what it keeps out. */
export interface CandidateFilter {
  name: string;
  keep(candidate: Candidate, ctx: EligibilityContext): boolean;
}

// A sentence with this share of its words in the headline says the headline again.
const HEADLINE_COPY = 0.8;

/** The filters every body sentence passes. */
export const BODY_FILTERS: readonly CandidateFilter[] = [
  {
    // "But", "He", "This" lean on a sentence the page may not show.
    name: 'stands alone',
    keep: (c) => !c.dangling,
  },
  {
    // A sentence whose words the headline nearly all holds says it again.
    name: 'not the headline again',
    keep: (c, ctx) => {
      const headline = new Set(contentStems(ctx.headline));
      let shared = 0;
      for (const s of c.stems) if (headline.has(s)) shared++;
      return shared / Math.max(1, c.stems.size) < HEADLINE_COPY;
    },
  },
  {
    name: 'not a pull quote again',
    keep: (c, ctx) => {
      const text = normalizeForMatch(c.text);
      return !ctx.quotes.some(
        (q) =>
          (q.citation.article_id === c.article.id && q.citation.start < c.end && q.citation.end > c.start) ||
          text.includes(normalizeForMatch(q.text)),
      );
    },
  },
];

/** The candidates every filter keeps, in their original order. */
export function eligibleCandidates(
  candidates: readonly Candidate[],
  ctx: EligibilityContext,
  filters: readonly CandidateFilter[] = BODY_FILTERS,
): Candidate[] {
  return candidates.filter((c) => filters.every((f) => f.keep(c, ctx)));
}
