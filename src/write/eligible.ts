import type { StoryQuote } from '../db/schema.js';
import { contentStems, normalizeForMatch } from '../verify/text.js';
import type { Candidate } from './candidates.js';
import { plannedDay } from './days.js';

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
  /** When the newest report of the story was published (ms since the epoch), if any is dated. */
  newest?: number;
  /** Whether a newer day's coverage has moved past what the sentence states as current (see overtaken.ts). */
  overtaken?: (candidate: Candidate) => boolean;
}

/** A rule a body sentence must pass; its name says what it keeps out. */
export interface CandidateFilter {
  name: string;
  keep(candidate: Candidate, ctx: EligibilityContext): boolean;
}

// A sentence with this share of its words in the headline says the headline again.
const HEADLINE_COPY = 0.8;
// "did not say how much the recall would cost", "it was not yet clear whether…": what a report
// could not tell at the time.
const UNTOLD =
  /\b(?:did not|didn't|does not|doesn't|has not|hasn't|have not|haven't|would not|wouldn't|declined to|refused to)(?: yet)? (?:say|said|disclose|disclosed|reveal|revealed|specify|specified|confirm|confirmed|comment|commented|give)\b|\b(?:is|was|remains|remained) (?:not yet |still )?(?:unclear|not clear|not known|unknown)\b|\bnot yet (?:known|clear|been (?:disclosed|released|determined|confirmed))\b/i;
// A report this much older than the newest one may have been answered since.
const OVERTAKEN_MS = 6 * 3600_000;

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
    // What an earlier report could not yet say is often answered by a later one: stated as the
    // story's present it would contradict the lede ("did not say how much…" beside "$62 million").
    name: 'not an earlier report of what was untold',
    keep: (c, ctx) =>
      ctx.newest === undefined ||
      !c.article.published_at ||
      ctx.newest - c.article.published_at.getTime() < OVERTAKEN_MS ||
      !UNTOLD.test(c.text),
  },
  {
    // "The talks are due to conclude on Friday", in a story whose newest report is from Friday or
    // later: what was to come has come, and the newer reports tell how it went.
    name: 'not a plan whose day has come',
    keep: (c, ctx) => {
      const planned = ctx.newest === undefined ? undefined : plannedDay(c);
      return planned === undefined || Date.parse(planned) > ctx.newest!;
    },
  },
  {
    // "The union is seeking 14 percent", in a story whose newest day reports the deal; "21,000 acres
    // by Saturday morning" beside a later report's Sunday figure: an earlier day's position,
    // expectation or snapshot, stated as the present, would read as where things stand.
    name: 'not what later coverage moved past',
    keep: (c, ctx) => !ctx.overtaken?.(c),
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
