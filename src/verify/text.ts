import type { Span } from '../analyze/types.js';

/**
 * Small text tools shared by the support scorer, the verifier and the extractive writer. They stay
 * deliberately simple (no model): the same code runs offline on every machine.
 */

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that ' +
    'these those he she they them his her their we our you your i me my him has have had do does did will would ' +
    'shall should can could may might must also than then there here which who whom whose what when where why how ' +
    'all any both each few more most other some such only own same so too very just into over under about after ' +
    'before between through during above below up down out off again further once said says say told according ' +
    'mr mrs ms dr s t one two new year years last first'
  ).split(' '),
);

/** Words that only say a figure's unit: the figure check compares them as part of the value. */
export const UNIT_WORDS: ReadonlySet<string> = new Set(
  'thousand million billion trillion bn mn tn percent per cent dollar dollars euro euros pound pounds yen won'.split(
    ' ',
  ),
);

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without']);

/** A token with its normalized stem. */
export interface Token {
  stem: string;
  negation: boolean;
}

/** Crude suffix stripping: enough to match "announced"/"announces"/"announcing". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Content-word stems of a text (stopwords dropped); negation words are kept and flagged. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    let word = match[0].replace(/['’]s$/, '');
    if (word.endsWith("n't") || word.endsWith('n’t')) {
      out.push('not');
      word = word.slice(0, -3);
    }
    if (NEGATIONS.has(word)) {
      out.push('not');
      continue;
    }
    // Figures are compared by value in the number check, not as words ("$350 billion" = "350bn").
    if (STOPWORDS.has(word) || word.length < 2 || UNIT_WORDS.has(word) || /^\d/.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/** True when the stems hold a negation. */
export function hasNegation(stems: readonly string[]): boolean {
  return stems.includes('not');
}

const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;
const ABBREVIATION =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|St|Jr|Sr|Inc|Corp|Co|Ltd|vs|No|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$/;

/**
 * Splits text into sentence spans (offsets into `text`). A fallback for texts without an analysis;
 * the analysis' own sentences are preferred when present.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) spans.push({ start: start + lead, end: start + lead + trimmed.length });
  };
  for (const paragraph of text.matchAll(/[^\n]+/g)) {
    start = paragraph.index;
    const chunk = paragraph[0];
    for (const match of chunk.matchAll(SENTENCE_END)) {
      const cut = paragraph.index + match.index + match[0].trimEnd().length;
      if (ABBREVIATION.test(text.slice(Math.max(start, cut - 6), cut))) continue;
      push(cut);
      start = cut;
    }
    push(paragraph.index + chunk.length);
  }
  return spans;
}

/**
 * Splits text that has no capitals (lower-cased corpora) at line breaks and at end punctuation
 * followed by a space: without capitals, sentence starts cannot be told from abbreviations, and a
 * fragment split off too early only costs a short extra sentence.
 */
export function splitLoose(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/[^\n.!?]+(?:[.!?]+["'”’)\]]*|$)/gmu)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed))
      spans.push({ start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return spans;
}

/** Lower-cases, folds quote marks and dashes, and collapses white space: for verbatim comparisons. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„‟«»〝〞＂]/g, '"')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
