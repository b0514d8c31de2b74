import type { Quote } from '../analyze/types.js';
import type { Citation } from '../db/schema.js';
import { datelineLength } from '../write/dateline.js';
import { findNumbers } from './numbers.js';
import type { PreparedSource, PreparedSources } from './prepare.js';
import { mergeSupportIndexes, type SupportIndex } from './support-index.js';
import { normalizeForMatch } from './text.js';

/**
 * What a sentence is checked against: for a body sentence, the passages it cites, each widened to
 * whole sentences and the sentence before (so "he said" and "it" find who and what they stand for);
 * for headline and dek, every source whole. Never the rest of the article: a figure or a name that
 * stands elsewhere in a cited article does not support this sentence.
 */
export interface EvidenceText {
  articleId: number;
  /** The widened span in the article's text. */
  start: number;
  end: number;
  text: string;
  normalized: string;
  /** Lower-cased words of the text, plus every part of the full names of the people it mentions. */
  words: Set<string>;
  /** Every figure value the text holds. */
  values: number[];
  /** The article's attributed quotes that lie in the text. */
  quotes: Quote[];
}

/** The evidence of one sentence with a support index over its sentences. */
export interface Evidence {
  texts: EvidenceText[];
  /** The evidence sentences, weighted by the document frequencies of the articles they come from. */
  index: SupportIndex | undefined;
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** A cited span widened to the sentences it touches and the one before them. */
export function widen(source: PreparedSource, citation: Citation): { start: number; end: number } {
  const sentences = source.article.analysis.sentences;
  let first = -1;
  let last = -1;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.end <= citation.start) continue;
    if (s.start >= citation.end) break;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return { start: citation.start, end: citation.end };
  const opening = sentences[Math.max(0, first - 1)]!;
  // A wire dateline ("SABLE CITY, Nov 22 (Meridian Wire) -") is no evidence: its day is no figure.
  const from = opening.start + datelineLength(source.article.text.slice(opening.start, opening.end));
  return { start: Math.min(from, citation.start), end: Math.max(sentences[last]!.end, citation.end) };
}

/** The evidence text of one span of a source, with its words, figures and quotes. */
export function evidenceText(source: PreparedSource, span: { start: number; end: number }): EvidenceText {
  const { article } = source;
  const text = article.text.slice(span.start, span.end);
  const words = new Set(text.toLowerCase().match(WORDS) ?? []);
  // "Nowak said" in the passage stands for the Piotr Nowak the article introduced earlier.
  for (const entity of article.analysis.entities) {
    if (!entity.mentions.some((m) => m.start < span.end && m.end > span.start)) continue;
    for (const part of entity.name.toLowerCase().match(WORDS) ?? []) words.add(part);
  }
  const inside = (s: { start: number; end: number }) => s.start >= span.start && s.end <= span.end;
  const values = findNumbers(text, { words: true }).map((n) => n.value);
  for (const f of article.analysis.figures) if (f.value !== null && inside(f)) values.push(f.value);
  return {
    articleId: article.id,
    start: span.start,
    end: span.end,
    text,
    normalized: normalizeForMatch(text),
    words,
    values,
    quotes: article.analysis.quotes.filter((q) => q.end > span.start && q.start < span.end),
  };
}

/**
 * A whole source as evidence (headline and dek may draw on every source), title included: its
 * words, figures and normalized text were read once when the sources were prepared.
 */
export function wholeSource(source: PreparedSource): EvidenceText {
  const { article } = source;
  const words = new Set(source.words);
  for (const entity of article.analysis.entities)
    if (entity.mentions.length > 0)
      for (const part of entity.name.toLowerCase().match(WORDS) ?? []) words.add(part);
  return {
    articleId: article.id,
    start: 0,
    end: article.text.length,
    text: article.text,
    normalized: source.normalized,
    words,
    values: source.values,
    quotes: article.analysis.quotes,
  };
}

/** The evidence of a body sentence: its cited passages, widened; citations to unknown articles are skipped. */
export function citedEvidence(prepared: PreparedSources, citations: readonly Citation[]): Evidence {
  const spans = new Map<number, { start: number; end: number }[]>();
  for (const c of citations) {
    const source = prepared.byId.get(c.article_id);
    if (!source || !(c.start >= 0 && c.start < c.end && c.end <= source.article.text.length)) continue;
    spans.set(c.article_id, mergeSpans([...(spans.get(c.article_id) ?? []), widen(source, c)]));
  }
  const texts: EvidenceText[] = [];
  const indexes: SupportIndex[] = [];
  for (const [id, list] of spans) {
    const source = prepared.byId.get(id)!;
    for (const span of list) texts.push(evidenceText(source, span));
    indexes.push(restrictIndex(source.index, list));
  }
  return { texts, index: indexes.length === 0 ? undefined : mergeSupportIndexes(indexes) };
}

/** Evidence from every source whole, for headline and dek. */
export function storyEvidence(prepared: PreparedSources): Evidence {
  return { texts: [...prepared.byId.values()].map(wholeSource), index: prepared.all };
}

/** The sentences of an article's index inside the spans, keeping the article's document frequencies. */
function restrictIndex(index: SupportIndex, spans: readonly { start: number; end: number }[]): SupportIndex {
  const sentences = index.sentences.filter((s) => spans.some((p) => s.start < p.end && s.end > p.start));
  const stems = new Set<string>();
  for (const s of sentences) for (const stem of s.stems) stems.add(stem);
  const values = sentences.flatMap((s) => findNumbers(s.text, { words: true }).map((n) => n.value));
  return {
    sentences,
    documentFrequency: index.documentFrequency,
    size: index.size ?? index.sentences.length,
    stems,
    values,
  };
}

function mergeSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
