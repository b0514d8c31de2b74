import type { PreparedSources } from '../verify/prepare.js';
import { contentStems } from '../verify/text.js';
import { withoutDateline } from './dateline.js';
import type { SourceArticle } from '../verify/types.js';

/** A source sentence the extractive writer may use, with what it is scored on. */
export interface Candidate {
  article: SourceArticle;
  /** Index of the sentence in its article. */
  position: number;
  start: number;
  end: number;
  text: string;
  stems: Set<string>;
  /** Entity keys mentioned in the sentence. */
  entities: Set<string>;
  figures: number;
  /** Speaker of an attributed quote in the sentence, if any. */
  speaker: string | null;
  score: number;
}

const MIN_CHARS = 40;
const MAX_CHARS = 420;
// Sentences that lean on what came before read wrongly out of context.
const DANGLING =
  /^(?:but|and|so|also|however|this|that|these|those|it|he|she|they|his|her|their|its|there)\b/i;

/** Usable sentences of every source (not too short or long, no question, no dangling opener). */
export function collectCandidates(
  sources: readonly SourceArticle[],
  prepared?: PreparedSources,
): Candidate[] {
  const out: Candidate[] = [];
  for (const article of sources) {
    const { sentences, entities, quotes, figures } = article.analysis;
    // The verifier's index already holds each sentence's stems, in the same order as the analysis.
    const indexed = prepared?.byId.get(article.id)?.index.sentences;
    sentences.forEach((span, position) => {
      const { start, text } = withoutDateline(article.text, span.start, span.end);
      if (text.length < MIN_CHARS || text.length > MAX_CHARS || text.trimEnd().endsWith('?')) return;
      if (unbalancedQuotes(text)) return;
      const inside = (s: { start: number; end: number }) => s.start >= span.start && s.end <= span.end;
      const speakers = quotes.filter((q) => q.sentence === position || inside(q)).map((q) => q.speaker);
      out.push({
        article,
        position,
        start,
        end: span.end,
        text,
        stems: (start === span.start ? indexed?.[position]?.stems : undefined) ?? new Set(contentStems(text)),
        entities: new Set(entities.filter((e) => e.mentions.some(inside)).map((e) => e.key)),
        figures: figures.filter(inside).length,
        speaker: speakers.find((s) => s !== null) ?? null,
        score: DANGLING.test(text) ? -1 : 0,
      });
    });
  }
  return out;
}

function unbalancedQuotes(text: string): boolean {
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length;
  return open !== close || straight % 2 === 1;
}

/**
 * Scores candidates in place: centrality (words shared across outlets), coverage of the story's
 * entities and figures, attributed quotes, early position in the article and recency.
 */
export function scoreCandidates(candidates: Candidate[], sources: readonly SourceArticle[]): void {
  const articleFrequency = new Map<string, number>();
  const entityFrequency = new Map<string, number>();
  for (const article of sources) {
    const stems = new Set(candidates.filter((c) => c.article === article).flatMap((c) => [...c.stems]));
    for (const s of stems) articleFrequency.set(s, (articleFrequency.get(s) ?? 0) + 1);
    for (const e of new Set(article.analysis.entities.map((x) => x.key))) {
      entityFrequency.set(e, (entityFrequency.get(e) ?? 0) + 1);
    }
  }
  const n = Math.max(1, sources.length);
  const times = sources.map((s) => s.published_at?.getTime() ?? 0);
  const newest = Math.max(...times);
  const oldest = Math.min(...times);
  for (const c of candidates) {
    let central = 0;
    for (const s of c.stems) central += ((articleFrequency.get(s) ?? 1) - 1) / n;
    central /= Math.sqrt(Math.max(4, c.stems.size));
    let coverage = 0;
    for (const e of c.entities) coverage += ((entityFrequency.get(e) ?? 1) - 1) / n;
    const position = 1 / (1 + c.position * 0.35);
    const time = c.article.published_at?.getTime() ?? oldest;
    const recency = newest > oldest ? (time - oldest) / (newest - oldest) : 0;
    c.score +=
      central * (sources.length > 1 ? 1 : 0.2) +
      0.25 * Math.min(coverage, 2) +
      0.15 * Math.min(c.figures, 2) +
      (c.speaker ? 0.3 : 0) +
      0.6 * position +
      0.1 * recency;
  }
}

/** Word overlap of two candidates (Jaccard on stems). */
export function overlap(a: Candidate, b: Candidate): number {
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared++;
  const union = a.stems.size + b.stems.size - shared;
  return union === 0 ? 1 : shared / union;
}
