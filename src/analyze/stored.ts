import type { ArticleAnalysis, Entity, Figure, Quote, Span } from './types.js';

/**
 * The compact form analyses are stored in: spans as flat offset lists, quotes, figures and
 * keywords as arrays of their fields. Entities stay objects (key, name, kind) so the database can
 * still read who an article names. About 40% smaller than the plain object form, so the write that
 * follows every analysis costs the database less; analyses stored before it read back as well.
 */
export interface StoredAnalysis {
  v: 2;
  language: string;
  /** start, end of each sentence. */
  sentences: number[];
  entities: { key: string; name: string; kind: Entity['kind']; mentions: number[] }[];
  quotes: [number, number, string, string | null, string | null, number][];
  figures: [Figure['kind'], string, number | null, string | null, number, number][];
  title_entities?: string[];
  /** term, weight of each keyword. */
  keywords?: (string | number)[];
  terms?: string[];
}

/** An analysis without its keywords in the stored form, as JSON text (see `withStoredKeywords`). */
export function storedAnalysisJson(analysis: Omit<ArticleAnalysis, 'keywords'>): string {
  const stored: Omit<StoredAnalysis, 'keywords'> = {
    v: 2,
    language: analysis.language,
    sentences: flatSpans(analysis.sentences),
    entities: analysis.entities.map((e) => ({
      key: e.key,
      name: e.name,
      kind: e.kind,
      mentions: flatSpans(e.mentions),
    })),
    quotes: analysis.quotes.map((q) => [q.start, q.end, q.text, q.speaker, q.speaker_key, q.sentence]),
    figures: analysis.figures.map((f) => [f.kind, f.text, f.value, f.unit, f.start, f.end]),
  };
  if (analysis.title_entities) stored.title_entities = analysis.title_entities;
  if (analysis.terms) stored.terms = analysis.terms;
  return JSON.stringify(stored);
}

/** JSON text from `storedAnalysisJson` with the keywords added. */
export function withStoredKeywords(json: string, keywords: ArticleAnalysis['keywords']): string {
  const flat: (string | number)[] = [];
  for (const k of keywords) flat.push(k.term, k.weight);
  // The JSON ends with the object's closing brace; the keywords go in before it.
  return `${json.slice(0, -1)},"keywords":${JSON.stringify(flat)}}`;
}

/** An analysis in the stored form, as JSON text. */
export function storedAnalysis(analysis: ArticleAnalysis): string {
  return withStoredKeywords(storedAnalysisJson(analysis), analysis.keywords);
}

/** The analysis a stored value holds, in the compact form or in the plain form stored before it. */
export function readStoredAnalysis(stored: StoredAnalysis | ArticleAnalysis): ArticleAnalysis {
  if (!('v' in stored)) return stored;
  const analysis: ArticleAnalysis = {
    language: stored.language,
    sentences: spans(stored.sentences),
    entities: stored.entities.map((e) => ({
      key: e.key,
      name: e.name,
      kind: e.kind,
      mentions: spans(e.mentions),
    })),
    quotes: stored.quotes.map(
      ([start, end, text, speaker, speaker_key, sentence]): Quote => ({
        start,
        end,
        text,
        speaker,
        speaker_key,
        sentence,
      }),
    ),
    figures: stored.figures.map(
      ([kind, text, value, unit, start, end]): Figure => ({ kind, text, value, unit, start, end }),
    ),
    keywords: keywordsOf(stored.keywords ?? []),
  };
  if (stored.title_entities) analysis.title_entities = stored.title_entities;
  if (stored.terms) analysis.terms = stored.terms;
  return analysis;
}

function flatSpans(list: readonly Span[]): number[] {
  const flat = new Array<number>(list.length * 2);
  for (let i = 0; i < list.length; i++) {
    flat[2 * i] = list[i]!.start;
    flat[2 * i + 1] = list[i]!.end;
  }
  return flat;
}

function spans(flat: readonly number[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ start: flat[i]!, end: flat[i + 1]! });
  return out;
}

function keywordsOf(flat: readonly (string | number)[]): ArticleAnalysis['keywords'] {
  const out: ArticleAnalysis['keywords'] = [];
  for (let i = 0; i + 1 < flat.length; i += 2)
    out.push({ term: flat[i] as string, weight: flat[i + 1] as number });
  return out;
}
