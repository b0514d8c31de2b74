import type { Span } from './types.js';

/** A word of the text with its position. */
export interface Token extends Span {
  text: string;
}

// Letters and digits, with inner apostrophes, hyphens, dots ("U.S.", "Jung-kwan", "2.5", "don't").
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.'’\-&][\p{L}\p{M}\p{N}]+)*\.?/gu;

// Words whose trailing dot does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev hon pres ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec inc ltd corp co no vs etc approx est dept ' +
    // "v" as in a case's name: "Kimble v. Marvel".
    'fig al univ ave blvd u.s u.k u.n e.g i.e a.m p.m v'
  ).split(' '),
);

/** Splits text into words with their offsets; a trailing dot stays only on abbreviations and initials. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    const start = match.index;
    if (word.endsWith('.') && !keepsDot(word)) word = word.slice(0, -1);
    out.push({ text: word, start, end: start + word.length });
  }
  return out;
}

function keepsDot(word: string): boolean {
  const bare = word.slice(0, -1);
  if (bare.length === 1 && /\p{Lu}/u.test(bare)) return true; // an initial: "George W. Bush"
  if (bare.includes('.')) return true; // "U.S.", "a.m."
  return ABBREVIATIONS.has(bare.toLowerCase());
}

const OPENERS = `"'“‘«(\\[`;
const CLOSERS = `"'”’»)\\]`;
// A sentence ends at . ! ? (and closing quotes/brackets after them) followed by space, or at a blank line.
// Two sentences a scrape ran together ("…their child.Less than a week later"): a word of two
// lower-case letters or more, a full stop, then a capitalised word.
const BOUNDARY = new RegExp(
  `[.!?…]+[${CLOSERS}]*(?=\\s+[${OPENERS}]*[\\p{Lu}\\p{N}\\p{Lo}])|(?<=\\p{Ll}{2})[.!?](?=\\p{Lu}\\p{Ll})|[。！？]+|\\n\\s*\\n|\\n`,
  'gu',
);

/**
 * Splits text into sentences (offsets into `text`, trimmed). A dot after an abbreviation or an
 * initial does not end a sentence; a line break always does (headlines, datelines, list items).
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[0][0] === '.' && endsWithAbbreviation(text, match.index)) continue;
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/** Index of the sentence holding `offset` (binary search over sorted spans), or -1. */
export function sentenceAt(sentences: Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  // Between sentences (whitespace): the one before.
  return sentences.length === 0 ? -1 : Math.max(0, lo - 1);
}

const ASCII = /^[\x00-\x7f]*$/;

/** Lowercases and strips diacritics: the form keys and keyword terms are built from. */
export function fold(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’]/g, "'");
}
