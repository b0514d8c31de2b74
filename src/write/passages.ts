import type { Citation } from '../db/schema.js';
import type { SourceArticle } from '../verify/types.js';
import { withoutDateline } from './dateline.js';

/** A numbered source passage in the prompt: one source sentence. */
export interface Passage {
  id: number;
  article: SourceArticle;
  citation: Citation;
  text: string;
}

/** Rough tokens of a text (about four characters a token in English; no tokenizer dependency). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Chooses passages within a token budget: the sources' sentences taken in turns (each source's
 * opening first, so every outlet is heard), then numbered in source order for the prompt.
 */
export function buildPassages(sources: readonly SourceArticle[], budgetTokens: number): Passage[] {
  const queues = sources.map((article) =>
    article.analysis.sentences
      .map((s) => {
        // Datelines are cut from the passage so the model does not copy them into its sentences.
        const { start, end, text } = withoutDateline(article.text, s.start, s.end);
        return { article, citation: { article_id: article.id, start, end }, text: text.trim() };
      })
      .filter((p) => p.text.length >= 20),
  );
  const chosen: Omit<Passage, 'id'>[] = [];
  let used = 0;
  for (let round = 0; queues.some((q) => q.length > round); round++) {
    for (const queue of queues) {
      const p = queue[round];
      if (!p) continue;
      const cost = estimateTokens(p.text) + 4;
      if (used + cost > budgetTokens) return number(chosen, sources);
      used += cost;
      chosen.push(p);
    }
  }
  return number(chosen, sources);
}

function number(chosen: Omit<Passage, 'id'>[], sources: readonly SourceArticle[]): Passage[] {
  const order = new Map(sources.map((s, i) => [s.id, i]));
  return chosen
    .sort(
      (a, b) => order.get(a.article.id)! - order.get(b.article.id)! || a.citation.start - b.citation.start,
    )
    .map((p, i) => ({ ...p, id: i + 1 }));
}

/** The passages as prompt text, grouped under each source's outlet, title and date. */
export function formatPassages(passages: readonly Passage[]): string {
  const lines: string[] = [];
  let current: number | undefined;
  for (const p of passages) {
    if (p.article.id !== current) {
      current = p.article.id;
      const date = p.article.published_at ? ` (${p.article.published_at.toISOString().slice(0, 10)})` : '';
      lines.push('', `Source: ${p.article.outlet}: "${p.article.title}"${date}`);
    }
    lines.push(`[${p.id}] ${p.text}`);
  }
  return lines.join('\n').trim();
}
