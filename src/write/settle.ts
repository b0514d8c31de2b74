import type { StoryBody } from '../db/schema.js';
import type { PreparedSources } from '../verify/prepare.js';
import type { Draft, SourceArticle } from '../verify/types.js';
import { verifyDraft } from '../verify/verify.js';

/**
 * Drops every sentence, quote, figure and timeline line of an extractive draft that the verifier
 * rejects (a quote whose speaker the analysis misread, say), so the writer only offers what checks
 * out; sections left empty go, and a lede left empty takes the first remaining body sentence.
 */
export function settleDraft(
  draft: Draft,
  sources: readonly SourceArticle[],
  prepared: PreparedSources,
): Draft {
  const { failing } = verifyDraft(draft, sources, prepared);
  if (failing.size === 0) return draft;
  const keep = (prefix: string) => (_: unknown, i: number) => !failing.has(`${prefix}.${i}`);
  const b = draft.body;
  const body: StoryBody = {
    ...b,
    lede: b.lede.filter(keep('lede')),
    sections: b.sections
      .map((s, si) => ({ heading: s.heading, sentences: s.sentences.filter(keep(`sections.${si}`)) }))
      .filter((s) => s.sentences.length > 0),
    quotes: b.quotes.filter(keep('quotes')),
    figures: b.figures.filter(keep('figures')),
  };
  if (b.timeline) {
    const timeline = b.timeline.filter(keep('timeline'));
    if (timeline.length >= 2) body.timeline = timeline;
    else delete body.timeline;
  }
  if (body.lede.length === 0 && body.sections[0]) {
    const [first, ...others] = body.sections;
    body.lede = first.sentences.slice(0, 1);
    body.sections = [{ ...first, sentences: first.sentences.slice(1) }, ...others].filter(
      (s) => s.sentences.length > 0,
    );
  }
  return { ...draft, body };
}
