import type { Citation } from '../db/schema.js';
import type { SentenceContext } from './checks.js';
import { citedEvidence } from './evidence.js';
import { quotesIn } from './extract.js';
import { scoreSupport } from './support.js';
import { normalizeForMatch } from './text.js';
import type { Finding } from './types.js';

type Check = (ctx: SentenceContext) => { findings: Finding[] };

/**
 * For a body sentence that its cited passages do not hold: the story passages that would, if the
 * sentence passes every check against them as it is worded. The finding names them, so a writer
 * can cite them instead (re-cite, not re-word); undefined when no passage holds the sentence.
 */
export function holdingPassage(ctx: SentenceContext, check: Check): Finding | undefined {
  const citations = candidates(ctx);
  if (citations.length === 0 || sameSpans(citations, ctx.citations)) return undefined;
  const evidence = citedEvidence(ctx.prepared, citations);
  const retried = check({ ...ctx, citations, evidence, verbatim: false });
  if (retried.findings.some((f) => f.severity === 'error')) return undefined;
  const where = citations
    .map((c) => {
      const source = ctx.prepared.byId.get(c.article_id)!;
      return `${source.article.outlet}: "${source.article.text.slice(c.start, c.end)}"`;
    })
    .join('; ');
  return {
    location: ctx.location,
    check: 'citation',
    severity: 'error',
    message: `the cited passage does not hold this sentence; ${where} does`,
    detail: { holds_it: citations },
  };
}

/** The source sentences that best hold the claim, and those that hold its quoted words. */
function candidates(ctx: SentenceContext): Citation[] {
  const out: Citation[] = scoreSupport(ctx.prepared.all, ctx.text).evidence.map((e) => ({ ...e }));
  for (const quote of quotesIn(ctx.text)) {
    const needle = normalizeForMatch(quote.text);
    for (const source of ctx.prepared.byId.values()) {
      const sentence = source.article.analysis.sentences.find((s) =>
        normalizeForMatch(source.article.text.slice(s.start, s.end)).includes(needle),
      );
      if (sentence) {
        out.push({ article_id: source.article.id, start: sentence.start, end: sentence.end });
        break;
      }
    }
  }
  return out.filter(
    (c, i) => out.findIndex((o) => o.article_id === c.article_id && o.start === c.start) === i,
  );
}

function sameSpans(a: readonly Citation[], b: readonly Citation[]): boolean {
  const key = (c: Citation) => `${c.article_id}:${c.start}:${c.end}`;
  const bs = new Set(b.map(key));
  return a.length === b.length && a.every((c) => bs.has(key(c)));
}
