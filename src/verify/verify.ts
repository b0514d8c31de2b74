import type { StoryBody, StorySentence } from '../db/schema.js';
import {
  checkCitations,
  checkEntities,
  checkFigures,
  checkQuotes,
  checkSupport,
  findQuote,
  mentionsSpeaker,
  type SentenceContext,
} from './checks.js';
import { checkDisputed } from './disputed.js';
import { valuePresent } from './numbers.js';
import { type PreparedSources, prepareSources } from './prepare.js';
import { normalizeForMatch } from './text.js';
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
 * Checks a draft against its sources: citations, quotes (verbatim, same speaker), figures, names and
 * support, for every sentence; the same for both writers.
 */
export function verifyDraft(
  draft: Draft,
  sources: readonly SourceArticle[],
  prepared = prepareSources(sources),
): Verification {
  const findings: Finding[] = [];
  const everySource = [...prepared.byId.values()];
  // A headline that is a source's own title needs no support score (titles are not in the index).
  const titles = new Set(sources.map((s) => normalizeForMatch(s.title)));
  for (const [location, text] of [
    ['headline', draft.headline],
    ['dek', draft.dek],
  ] as const) {
    const ctx: SentenceContext = { location, text, citations: [], sources: everySource, prepared };
    findings.push(
      ...checkQuotes(ctx),
      ...checkFigures(ctx),
      ...checkEntities(ctx),
      ...(titles.has(normalizeForMatch(text)) ? [] : checkSupport(ctx, false).findings),
    );
  }
  const scores: number[] = [];
  const verifySentence = (location: string, sentence: StorySentence): StorySentence => {
    const cited = sentence.citations
      .map((c) => prepared.byId.get(c.article_id))
      .filter((s) => s !== undefined);
    const ctx: SentenceContext = {
      location,
      text: sentence.text,
      citations: sentence.citations,
      sources: cited,
      prepared,
    };
    const support = checkSupport(ctx, true);
    findings.push(
      ...checkCitations(ctx, true),
      ...checkQuotes(ctx),
      ...checkFigures(ctx),
      ...checkEntities(ctx),
      ...support.findings,
    );
    scores.push(support.score);
    return { ...sentence, support: support.score };
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
  findings.push(...verifyQuoteBlocks(draft.body, prepared), ...verifyFigureBlocks(draft.body, prepared));
  findings.push(...checkDisputed(draft, prepared));
  const failing = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.location));
  const support = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
  return { body, findings, failing, support: Math.round(support * 1000) / 1000 };
}

function verifyQuoteBlocks(body: StoryBody, prepared: PreparedSources): Finding[] {
  const out: Finding[] = [];
  body.quotes.forEach((quote, i) => {
    const location = `quotes.${i}`;
    const source = prepared.byId.get(quote.citation.article_id);
    const found = source ? findQuote([source], quote.text) : undefined;
    if (!found) {
      out.push({
        location,
        check: 'quote',
        severity: 'error',
        message: 'quote is not in its cited source',
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
    } else if (!found.speaker && source && !mentionsSpeaker(source.article.text, quote.speaker)) {
      out.push({
        location,
        check: 'speaker',
        severity: 'error',
        message: `${quote.speaker} is not named in the cited source`,
      });
    }
  });
  return out;
}

function verifyFigureBlocks(body: StoryBody, prepared: PreparedSources): Finding[] {
  const out: Finding[] = [];
  body.figures.forEach((figure, i) => {
    const source = prepared.byId.get(figure.citation.article_id);
    const present =
      source !== undefined &&
      (figure.value === null
        ? source.article.text.includes(figure.text)
        : valuePresent(figure.value, source.values));
    if (!present) {
      out.push({
        location: `figures.${i}`,
        check: 'figure',
        severity: 'error',
        message: `figure ${figure.text} is not in its cited source`,
        detail: { figure: figure.text },
      });
    }
  });
  return out;
}
