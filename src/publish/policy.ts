import type { StoryBody } from '../db/schema.js';
import type { Draft, Finding } from '../verify/types.js';

/** The publish policy in force (config `publishPolicy`). */
export type PublishPolicy = 'auto' | 'review';

/** The state a phase reads and returns (with `now` injected so decisions are testable). */
export interface PolicyContext {
  policy: PublishPolicy;
  draft: Draft;
  failing: ReadonlySet<string>;
  findings: Finding[];
}

/** What the policy decided: the body to store, its status, and findings it added. */
export interface PolicyDecision {
  draft: Draft;
  status: 'published' | 'review' | 'held';
  findings: Finding[];
  dropped: number;
}

/** The fewest verified body sentences a version needs to be published. */
export const MIN_PUBLISHED_SENTENCES = 2;

type Phase = (ctx: PolicyContext, decision: PolicyDecision) => PolicyDecision;

/**
 * The publish decision as an ordered list of small phases. Failing sentences, quotes and figures are
 * always dropped from the stored body (and kept, with their text, in the findings): whatever the
 * policy, a stored version never carries an unverified quote or figure.
 */
const phases: Phase[] = [
  // 1. Drop every body sentence, quote block and figure block with an error.
  function dropFailing(ctx, decision) {
    const body = decision.draft.body;
    const dropped: Finding[] = [];
    // Keeps an item unless its location failed; a dropped item's text stays in the findings.
    const keep = (location: string, text: string): boolean => {
      if (!ctx.failing.has(location)) return true;
      dropped.push({
        location,
        check: 'draft',
        severity: 'info',
        message: 'dropped: failed verification',
        detail: { text },
      });
      return false;
    };
    const lede = body.lede.filter((s, i) => keep(`lede.${i}`, s.text));
    const sections = body.sections.map((section, si) => ({
      heading: section.heading,
      sentences: section.sentences.filter((s, i) => keep(`sections.${si}.${i}`, s.text)),
    }));
    const quotes = body.quotes.filter((q, i) => keep(`quotes.${i}`, q.text));
    const figures = body.figures.filter((f, i) => keep(`figures.${i}`, f.text));
    const kept: StoryBody = { ...body, lede, sections, quotes, figures };
    if (body.timeline) {
      const timeline = body.timeline.filter((t, i) => keep(`timeline.${i}`, t.text));
      // One dated line is not a timeline.
      if (timeline.length >= 2) kept.timeline = timeline;
      else delete kept.timeline;
    }
    return {
      ...decision,
      draft: { ...decision.draft, body: kept },
      findings: [...decision.findings, ...dropped],
      dropped: dropped.length,
    };
  },
  // 2. A lede that was dropped is replaced by the first surviving sentence; empty sections go.
  function keepShape(_ctx, decision) {
    const body: StoryBody = {
      ...decision.draft.body,
      sections: decision.draft.body.sections.filter((s) => s.sentences.length > 0),
    };
    if (body.lede.length === 0) {
      const first = body.sections[0];
      if (first) {
        body.lede = [first.sentences[0]!];
        body.sections = [{ ...first, sentences: first.sentences.slice(1) }, ...body.sections.slice(1)].filter(
          (s) => s.sentences.length > 0,
        );
      }
    }
    return { ...decision, draft: { ...decision.draft, body } };
  },
  // 3. Hold what cannot be published: a failing headline or dek, or too little left to read.
  function decide(ctx, decision) {
    const count =
      decision.draft.body.lede.length +
      decision.draft.body.sections.reduce((n, s) => n + s.sentences.length, 0);
    const reasons: string[] = [];
    if (ctx.failing.has('headline')) reasons.push('headline failed verification');
    if (ctx.failing.has('dek')) reasons.push('dek failed verification');
    if (count < MIN_PUBLISHED_SENTENCES) reasons.push(`only ${count} verified sentences`);
    if (ctx.findings.some((f) => f.location === 'draft' && f.severity === 'error'))
      reasons.push('the writer failed');
    if (reasons.length > 0) {
      const held: Finding = {
        location: 'version',
        check: 'draft',
        severity: 'error',
        message: `held: ${reasons.join('; ')}`,
      };
      return { ...decision, status: 'held', findings: [...decision.findings, held] };
    }
    return { ...decision, status: ctx.policy === 'review' ? 'review' : 'published' };
  },
];

/** Applies the publish policy to a verified draft. */
export function applyPolicy(ctx: PolicyContext): PolicyDecision {
  let decision: PolicyDecision = { draft: ctx.draft, status: 'held', findings: [], dropped: 0 };
  for (const phase of phases) decision = phase(ctx, decision);
  return decision;
}
