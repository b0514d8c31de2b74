import { termOf } from '../analyze/keywords.js';
import type { AnalysisDigest } from '../analyze/types.js';

/** What clustering compares: an article reduced to weighted terms, named things and a time. */
export interface ArticleFeatures {
  id: number;
  sourceId: number;
  title: string;
  /** Epoch ms of publication; null when the article carries no date (then it is timeless). */
  time: number | null;
  /** Epoch ms of publication, or of fetching when undated: where the article sits in the index window. */
  seen: number;
  /** Keyword weights, unit length. */
  terms: Map<string, number>;
  /**
   * Every keyword the analysis kept, unit length: what full reports are compared by pair by pair
   * (link.ts). Absent when the same as `terms` (analyses that kept no more than the profile's).
   */
  words?: Map<string, number>;
  /**
   * Who and where: the words of the people, organisations and places the article names (folded
   * and stemmed like terms, so "Okafor" and "Dana Okafor" meet), weighted by how rare the word is
   * and how much the article dwells on it.
   */
  names: Map<string, number>;
  /** Specific figures and dates ("#amount:USD:350000000000"), which agree across outlets on one event. */
  figures: Set<string>;
  /** Set for a story seen as one article: whether most of its articles are headlines. */
  headlines?: boolean;
  /** Unit-length embedding from the optional embeddings endpoint. */
  embedding?: Float32Array;
}

/** How rare a term is: inverse document frequency against the running counts (see analyze/keywords). */
export type Rarity = (term: string) => number;

const MAX_NAMES = 24;
const MAX_FIGURES = 12;

/** Reduces an analyzed article to clustering features. */
export function featuresOf(
  article: { id: number; source_id: number; title: string; published_at: Date | null; fetched_at: Date },
  analysis: AnalysisDigest,
  rarity: Rarity = () => 1,
): ArticleFeatures {
  const terms = unitWeights(analysis.keywords.slice(0, PROFILE_KEYWORDS));
  const words = analysis.keywords.length > PROFILE_KEYWORDS ? unitWeights(analysis.keywords) : undefined;
  return {
    id: article.id,
    sourceId: article.source_id,
    title: article.title,
    time: article.published_at ? article.published_at.getTime() : null,
    seen: (article.published_at ?? article.fetched_at).getTime(),
    terms,
    ...(words ? { words } : {}),
    names: namesOf(analysis, rarity),
    figures: figuresOf(analysis),
  };
}

// A story's centroid sums its articles' heaviest keywords: their lighter ones would only blur it.
const PROFILE_KEYWORDS = 30;

function unitWeights(keywords: readonly { term: string; weight: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const k of keywords) norm += k.weight * k.weight;
  norm = Math.sqrt(norm) || 1;
  for (const k of keywords) out.set(k.term, k.weight / norm);
  return out;
}

function namesOf(analysis: AnalysisDigest, rarity: Rarity): Map<string, number> {
  const salience = new Map<string, number>();
  const add = (key: string, weight: number) => {
    for (const term of nameTerms(key)) salience.set(term, Math.max(salience.get(term) ?? 0, weight));
  };
  // Named in the title, or mentioned again and again: what the article is about, not a passing mention.
  for (const e of analysis.entities) add(e.key, 1 + Math.log(e.mentions));
  for (const key of analysis.title_entities) add(key, 2 + (salience.get(termOf(key) ?? '') ?? 0));
  const weighted: [string, number][] = [];
  for (const [term, s] of salience) weighted.push([term, rarity(term) * s]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(weighted.slice(0, MAX_NAMES));
}

// Splitting and folding a name's words costs more than looking them up, and the same names come
// back article after article: each name is split once.
const NAME_TERMS = new Map<string, readonly string[]>();
const NAME_TERMS_SIZE = 100_000;

/** The words of an entity key that count as name terms: folded and stemmed, three letters or more. */
function nameTerms(key: string): readonly string[] {
  const known = NAME_TERMS.get(key);
  if (known) return known;
  const terms: string[] = [];
  for (const word of key.split(/[\s.\-’']+/)) {
    const term = termOf(word);
    if (term && term.length > 2) terms.push(term);
  }
  if (NAME_TERMS.size >= NAME_TERMS_SIZE) NAME_TERMS.clear();
  NAME_TERMS.set(key, terms);
  return terms;
}

function figuresOf(analysis: AnalysisDigest): Set<string> {
  const out = new Set<string>();
  for (const f of analysis.figures) {
    if (out.size >= MAX_FIGURES) break;
    if (f.value === null || !specific(f)) continue;
    out.add(`#${f.kind}:${f.unit ?? ''}:${f.value}`);
  }
  return out;
}

/** A figure two unrelated reports are unlikely to share: not a small count, not a round percentage. */
function specific(f: AnalysisDigest['figures'][number]): boolean {
  const v = Math.abs(f.value!);
  if (f.kind === 'date') return true;
  if (f.kind === 'count') return v >= 20 && v % 10 !== 0;
  if (f.kind === 'percent') return !Number.isInteger(v) || v > 10;
  return v >= 1000;
}

// A text with this few keywords is a headline (or little more): judged by its words.
const HEADLINE_TERMS = 10;

/** Whether an article (or a story seen as one) says too little beyond its words to be judged by its names. */
export function isHeadline(features: ArticleFeatures): boolean {
  return features.headlines ?? features.terms.size <= HEADLINE_TERMS;
}

/** The terms an article is looked up by in the story index: its heaviest keywords and its names. */
export function lookupTerms(features: ArticleFeatures, keywords = 10): string[] {
  const top = [...features.terms.entries()].sort((a, b) => b[1] - a[1]).slice(0, keywords);
  return [...top.map(([t]) => t), ...[...features.names.keys()].slice(0, 8).map((t) => `e:${t}`)];
}
