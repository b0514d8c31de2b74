import type { Citation } from '../db/schema.js';
import type { Evidence, EvidenceText } from './evidence.js';
import { namesIn, quotesIn } from './extract.js';
import { findNumbers, valuePresent } from './numbers.js';
import { SUPPORT_THRESHOLD } from './policy.js';
import type { PreparedSources } from './prepare.js';
import { scoreSupport } from './support.js';
import { normalizeForMatch } from './text.js';
import type { Finding } from './types.js';

/**
 * The per-sentence checks, each a small function from (sentence, the sources it may use) to
 * findings. A sentence fails when any check returns an error.
 */

/** What a check sees: the sentence text, where it sits, and the evidence it may rely on. */
export interface SentenceContext {
  location: string;
  text: string;
  citations: Citation[];
  /** A body sentence must cite, and its findings are errors; headline and dek draw on every source. */
  body: boolean;
  /** The cited passages, widened (see evidence.ts), or every source whole for headline and dek. */
  evidence: Evidence;
  /** True when the sentence is an evidence text's own words: it cannot have turned their meaning. */
  verbatim: boolean;
  prepared: PreparedSources;
}

/** One check: a small function from a sentence in context to its findings. */
export type SentenceCheck = (ctx: SentenceContext) => Finding[];

/** Every citation names a story source and a span inside its text; a body sentence needs one. */
export function checkCitations(ctx: SentenceContext): Finding[] {
  const out: Finding[] = [];
  if (ctx.body && ctx.citations.length === 0) {
    out.push(error(ctx, 'citation', 'sentence cites no source'));
  }
  for (const c of ctx.citations) {
    const source = ctx.prepared.byId.get(c.article_id);
    if (!source) {
      out.push(
        error(ctx, 'citation', `cites article ${c.article_id}, which is not a source of this story`, {
          citation: c,
        }),
      );
    } else if (
      !(
        Number.isInteger(c.start) &&
        Number.isInteger(c.end) &&
        c.start >= 0 &&
        c.start < c.end &&
        c.end <= source.article.text.length
      )
    ) {
      out.push(
        error(ctx, 'citation', `citation span ${c.start}-${c.end} is outside article ${c.article_id}`, {
          citation: c,
        }),
      );
    }
  }
  return out;
}

/** Each quoted passage appears verbatim in a source the sentence relies on, said there by the same speaker. */
export function checkQuotes(ctx: SentenceContext): Finding[] {
  const out: Finding[] = [];
  for (const quote of quotesIn(ctx.text)) {
    if (quote.text.trim().split(/\s+/).length < 2) continue; // a quoted single word is a term, not a quote
    const found = findQuote(ctx.evidence.texts, quote.text);
    if (!found) {
      out.push(error(ctx, 'quote', 'quoted words are not in any cited passage', { quote: quote.text }));
      continue;
    }
    const said = found.speaker;
    if (!said || mentionsSpeaker(ctx.text, said)) continue;
    const detail = {
      quote: quote.text,
      speaker: quote.speaker,
      source_speaker: said,
      article_id: found.articleId,
    };
    if (quote.speaker) {
      out.push(
        error(ctx, 'speaker', `quote is given to ${quote.speaker}; the source has ${said} saying it`, detail),
      );
    } else {
      // "…," he said: the words are right but the reader cannot tell who spoke.
      out.push({
        location: ctx.location,
        check: 'speaker',
        severity: 'warning',
        message: `quote does not name its speaker (${said})`,
        detail,
      });
    }
  }
  return out;
}

/** Where a quote sits in the evidence and who says it there. */
export function findQuote(
  texts: readonly EvidenceText[],
  words: string,
): { articleId: number; speaker: string | null } | undefined {
  const needle = normalizeForMatch(words);
  for (const text of texts) {
    if (!text.normalized.includes(needle)) continue;
    const stored = text.quotes.find((q) => {
      const have = normalizeForMatch(q.text);
      return have.includes(needle) || needle.includes(have);
    });
    return { articleId: text.articleId, speaker: stored?.speaker ?? null };
  }
  return undefined;
}

/** True when the text names the speaker (any distinctive part of the name, e.g. the surname). */
export function mentionsSpeaker(text: string, speaker: string): boolean {
  const words = new Set(text.toLowerCase().match(/[\p{L}]+/gu) ?? []);
  return speaker
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((part) => part.length > 2)
    .some((part) => words.has(part));
}

/** Every figure (amount, percentage, count, date number) is present in the evidence. */
export function checkFigures(ctx: SentenceContext): Finding[] {
  const out: Finding[] = [];
  for (const n of findNumbers(ctx.text)) {
    if (ctx.evidence.texts.some((t) => valuePresent(n.value, t.values))) continue;
    out.push(
      error(ctx, 'figure', `figure ${n.text} is not in any cited passage`, {
        figure: n.text,
        value: n.value,
      }),
    );
  }
  return out;
}

/** Every named person, organisation or place appears in the evidence. */
export function checkEntities(ctx: SentenceContext): Finding[] {
  const out: Finding[] = [];
  for (const entity of namesIn(ctx.text)) {
    const parts = entity.name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const missing = parts.filter((p) => !ctx.evidence.texts.some((t) => t.words.has(p)));
    if (missing.length === 0) continue;
    out.push(
      error(ctx, 'entity', `${entity.name} is not named in any cited passage`, {
        name: entity.name,
        missing,
      }),
    );
  }
  return out;
}

/** Scores support; below the threshold is an error for body sentences and a warning elsewhere. */
export function checkSupport(ctx: SentenceContext): { score: number; findings: Finding[] } {
  // A sentence copied verbatim from its evidence (the extractive writer's) is supported as it
  // stands; this also spares the scorer on most sentences.
  if (ctx.verbatim) return { score: 1, findings: [] };
  const index = ctx.evidence.index;
  if (!index) return { score: 0, findings: [] };
  const result = scoreSupport(index, ctx.text, { cited: ctx.body });
  const score = Math.round(result.score * 1000) / 1000;
  if (score >= SUPPORT_THRESHOLD) return { score, findings: [] };
  const finding: Finding = {
    location: ctx.location,
    check: 'support',
    severity: ctx.body ? 'error' : 'warning',
    message: `support ${score} is below ${SUPPORT_THRESHOLD}`,
    detail: { score, evidence: result.evidence, missing_numbers: result.missingNumbers },
  };
  return { score, findings: [finding] };
}

/** True when the text is, word for word, part of one of the evidence texts. */
export function isVerbatim(text: string, evidence: Evidence): boolean {
  const needle = normalizeForMatch(text);
  return needle.length > 0 && evidence.texts.some((t) => t.normalized.includes(needle));
}

/** An error finding at the sentence's location. */
export function error(
  ctx: SentenceContext,
  check: Finding['check'],
  message: string,
  detail?: Record<string, unknown>,
): Finding {
  return { location: ctx.location, check, severity: 'error', message, ...(detail ? { detail } : {}) };
}
