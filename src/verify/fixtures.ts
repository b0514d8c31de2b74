import { readFileSync } from 'node:fs';
import { fallbackAnalysis } from './extract.js';
import type { SourceArticle } from './types.js';

// Shaped on the WikiNews sample (summarization/multiling2011): two outlets covering one event.
const A =
  'The central bank of Freedonia raised its main interest rate to 4.5% on Tuesday. ' +
  '“We will do whatever it takes to bring inflation down,” said Governor Ana Silva. ' +
  'The bank also approved a $350 billion support package for exporters. ' +
  'Critics in parliament said the move would hurt small businesses.';
const B =
  'Freedonia’s central bank lifted rates for the third time this year, to 4.5 percent. ' +
  'Finance Minister Piotr Nowak said the government backed the decision. ' +
  '“This is painful but necessary,” Nowak told reporters in Port Verde. ' +
  'Exporters will receive 350bn dollars in support, the bank said.';

/** Two hand-made source articles with stand-in analyses, for verifier and writer tests. */
export function sampleSources(): SourceArticle[] {
  return [
    {
      id: 11,
      source_id: 1,
      outlet: 'Daily Ledger',
      title: 'Freedonia raises rates to 4.5%',
      text: A,
      published_at: new Date('2026-01-30T10:00:00Z'),
      analysis: fallbackAnalysis(A),
    },
    {
      id: 12,
      source_id: 2,
      outlet: 'Port Verde Times',
      title: 'Central bank lifts rates again',
      text: B,
      published_at: new Date('2026-01-30T12:00:00Z'),
      analysis: fallbackAnalysis(B),
    },
  ];
}

/** A citation covering the first occurrence of `words` in the article. */
export function cite(
  article: SourceArticle,
  words: string,
): { article_id: number; start: number; end: number } {
  const start = article.text.indexOf(words);
  if (start < 0) throw new Error(`not in article ${article.id}: ${words}`);
  return { article_id: article.id, start, end: start + words.length };
}

/** One source article with a stand-in analysis: outlet and source named after its id unless given. */
export function sourceArticle(
  id: number,
  title: string,
  text: string,
  published_at: Date | null,
  outlet = `Outlet ${id}`,
): SourceArticle {
  return { id, source_id: id, outlet, title, text, published_at, analysis: fallbackAnalysis(text) };
}

/** The demo corpus' reports of one gold story, in file order, as source articles (ids from 1). */
export function demoStorySources(story: string): SourceArticle[] {
  return readFileSync(new URL('../../demo/corpus.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { story: string; title: string; text: string; published_at: string })
    .filter((r) => r.story === story)
    .map((r, i) => sourceArticle(i + 1, r.title, r.text, new Date(r.published_at)));
}
