import type { StoryBody, StorySentence } from '../db/schema.js';
import { checkSupport, findQuote, isVerbatim, mentionsSpeaker, type SentenceContext } from './checks.js';
import { checkDisputed } from './disputed.js';
import { citedEvidence, type Evidence, storyEvidence } from './evidence.js';
import { valuePresent } from './numbers.js';
import { type PreparedSources, prepareSources } from './prepare.js';
import { holdingPassage } from './recite.js';
import { sentenceChecks } from './sentence-checks.js';
import type { Draft, Finding, SourceArticle } from './types.js';

/** The verifier's verdict on a draft. */
export interface Verification {
  /** The draft's body with each sentence's support score filled in. */
  body: StoryBody;
  findings: Finding[];
  /** Locations (`lede.0`, `sections.1.2`, `quotes.0`…) that hold at least one error. */
  failing: Set<string>;
  /** Mean support of the body sentences, 0..1. */
  support: number;
}

/**
 * Checks a draft against its sources, the same for both writers: every body sentence against the
 * passages it cites (widened to whole sentences and the one before), headline and dek against
 * every source. A body sentence that fails where another passage would hold it is also told which.
 */
export function verifyDraft(
  draft: Draft,
  sources: readonly SourceArticle[],
  prepared = prepareSources(sources),
): Verification {
  const findings: Finding[] = [];
  const everySource = storyEvidence(prepared);
  for (const [location, text] of [
    ['headline', draft.headline],
    ['dek', draft.dek],
  ] as const) {
    const ctx = sentenceContext(location, text, [], everySource, prepared, false);
    findings.push(...checkSentence(ctx).findings);
  }
  const scores: number[] = [];
  const verifySentence = (location: string, sentence: StorySentence): StorySentence => {
    const evidence = citedEvidence(prepared, sentence.citations);
    const ctx = sentenceContext(location, sentence.text, sentence.citations, evidence, prepared, true);
    const checked = checkSentence(ctx);
    findings.push(...checked.findings);
    if (checked.findings.some((f) => f.severity === 'error')) {
      const better = holdingPassage(ctx, checkSentence);
      if (better) findings.push(better);
    }
    scores.push(checked.score);
    return { ...sentence, support: checked.score };
  };
  const body: StoryBody = {
    lede: draft.body.lede.map((s, i) => verifySentence(`lede.${i}`, s)),
    sections: draft.body.sections.map((section, si) => ({
      heading: section.heading,
      sentences: section.sentences.map((s, i) => verifySentence(`sections.${si}.${i}`, s)),
    })),
    quotes: draft.body.quotes,
    figures: draft.body.figures,
  };
  // Timeline lines are cited sentences like the body's and pass the same checks.
  if (draft.body.timeline)
    body.timeline = draft.body.timeline.map((t, i) => ({ ...t, ...verifySentence(`timeline.${i}`, t) }));
  if (draft.body.background) body.background = draft.body.background;
  findings.push(...verifyQuoteBlocks(draft.body, prepared), ...verifyFigureBlocks(draft.body, prepared));
  findings.push(...checkDisputed(draft, prepared));
  const failing = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.location));
  const support = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
  return { body, findings, failing, support: Math.round(support * 1000) / 1000 };
}

/** A sentence with the evidence it is checked against. */
export function sentenceContext(
  location: string,
  text: string,
  citations: StorySentence['citations'],
  evidence: Evidence,
  prepared: PreparedSources,
  body: boolean,
): SentenceContext {
  return { location, text, citations, body, evidence, verbatim: isVerbatim(text, evidence), prepared };
}

/** Every registered check and the support score of one sentence. */
export function checkSentence(ctx: SentenceContext): { score: number; findings: Finding[] } {
  const findings = sentenceChecks.flatMap((check) => check(ctx));
  const support = checkSupport(ctx);
  return { score: support.score, findings: [...findings, ...support.findings] };
}

function verifyQuoteBlocks(body: StoryBody, prepared: PreparedSources): Finding[] {
  const out: Finding[] = [];
  body.quotes.forEach((quote, i) => {
    const location = `quotes.${i}`;
    const evidence = citedEvidence(prepared, [quote.citation]).texts;
    const found = findQuote(evidence, quote.text);
    if (!found) {
      out.push({
        location,
        check: 'quote',
        severity: 'error',
        message: 'quote is not in its cited passage',
        detail: { quote: quote.text },
      });
    } else if (found.speaker && !mentionsSpeaker(quote.speaker, found.speaker)) {
      out.push({
        location,
        check: 'speaker',
        severity: 'error',
        message: `quote is given to ${quote.speaker}; the source has ${found.speaker} saying it`,
        detail: { quote: quote.text, speaker: quote.speaker, source_speaker: found.speaker },
      });
    } else if (!found.speaker && !evidence.some((t) => mentionsSpeaker(t.text, quote.speaker))) {
      out.push({
        location,
        check: 'speaker',
        severity: 'error',
        message: `${quote.speaker} is not named in the cited passage`,
      });
    }
  });
  return out;
}

function verifyFigureBlocks(body: StoryBody, prepared: PreparedSources): Finding[] {
  const out: Finding[] = [];
  body.figures.forEach((figure, i) => {
    const evidence = citedEvidence(prepared, [figure.citation]).texts;
    const present = evidence.some((t) =>
      figure.value === null ? t.text.includes(figure.text) : valuePresent(figure.value, t.values),
    );
    if (!present) {
      out.push({
        location: `figures.${i}`,
        check: 'figure',
        severity: 'error',
        message: `figure ${figure.text} is not in its cited passage`,
        detail: { figure: figure.text },
      });
    }
  });
  return out;
}
