import { error, type SentenceContext } from './checks.js';
import { unboundFigures } from './figure-binding.js';
import { meaningProblems } from './meaning.js';
import type { Finding } from './types.js';

/**
 * The deterministic checks on what a sentence means, beyond the words it shares with its evidence:
 * figures bound to what they count, negation, opposites, added clauses and calendar words. A
 * sentence that is its evidence's own words passes them all.
 */

/** A figure the evidence gives only for something else ("3 homes", not "3 workers"). */
export function checkFigureBindings(ctx: SentenceContext): Finding[] {
  if (ctx.verbatim || !ctx.evidence.index) return [];
  return unboundFigures(ctx.evidence.index, ctx.text).map((f) =>
    error(ctx, 'figure', `figure ${f.figure} is not given for ${f.counts} in the cited passage`, {
      figure: f.figure,
      counts: f.counts,
    }),
  );
}

/** A negation added or dropped, a word turned to its opposite, a clause or a date no passage holds. */
export function checkMeaning(ctx: SentenceContext): Finding[] {
  if (ctx.verbatim || !ctx.evidence.index) return [];
  return meaningProblems(ctx.evidence.index, ctx.text).map((p) => {
    const finding = error(ctx, p.check, p.message, p.detail);
    // Headline and dek condense many passages into few words; an extra clause there is for an editor.
    if (!ctx.body && p.check === 'clause') finding.severity = 'warning';
    return finding;
  });
}
