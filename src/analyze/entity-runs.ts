import { DEMONYMS, FIRST_NAMES, ORG_HEADS, PLACE_NAMES } from './entity-cues.js';
import { ORG_WORDS, PLACES } from './gazetteer.js';
import { fold, type Token } from './text.js';

/** A run of tokens `from`..`to` (inclusive) that may name one thing. */
export interface Run {
  from: number;
  to: number;
}

const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'da',
  'van',
  'von',
  'der',
  'al',
  'bin',
  'for',
  'the',
  'du',
  'la',
]);

/** Lowercase words that may sit inside a name ("Bank of Korea", "Ludwig van Beethoven"). */
export function isConnector(word: string): boolean {
  return CONNECTORS.has(word);
}

/** The word starts with a capital letter. */
export function isCap(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** The words of a run as written, with the "&" between words kept ("Halvern & Poole"). */
export function runWords(text: string, tokens: Token[], from: number, to: number): string[] {
  const words: string[] = [];
  for (let k = from; k <= to; k++) {
    if (
      k > from &&
      text.charCodeAt(tokens[k - 1]!.end + 1) === 38 &&
      tokens[k]!.start - tokens[k - 1]!.end === 3
    )
      words.push('&');
    words.push(tokens[k]!.text);
  }
  return words;
}

/**
 * Runs of capitalized tokens (with "of", "de"… inside), never crossing punctuation or a line break;
 * "&" joins ("Halvern & Poole"), "and" joins where the words after it end on a body's name ("Health
 * and Safety Executive"), and a run is split where one name is put before another ("Estmark's
 * Nordstjerna Space", "Ilse Varga of Sable City University").
 */
export function capitalRuns(text: string, tokens: Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && joined(text, tokens[j]!, tokens[j + 1]!)) {
      const next = tokens[j + 1]!.text;
      if (isCap(next)) j++;
      else if (
        CONNECTORS.has(next) &&
        j + 2 < tokens.length &&
        isCap(tokens[j + 2]!.text) &&
        joined(text, tokens[j + 1]!, tokens[j + 2]!)
      )
        j += 2;
      // "American Association for the Advancement of Science": a body's name goes on.
      else if (
        CONNECTORS.has(next) &&
        orgWord(lastWord(tokens, j)) &&
        j + 3 < tokens.length &&
        tokens[j + 2]!.text === 'the' &&
        isCap(tokens[j + 3]!.text) &&
        joined(text, tokens[j + 1]!, tokens[j + 2]!) &&
        joined(text, tokens[j + 2]!, tokens[j + 3]!)
      )
        j += 3;
      else if (next === 'and' && andJoins(text, tokens, i, j)) j += 2;
      else break;
    }
    if (i === j) runs.push({ from: i, to: j });
    else split(runs, tokens, i, j);
    i = j + 1;
  }
  return runs;
}

function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return (
    gap === ' ' ||
    gap === '-' ||
    (gap === '' && a.text.endsWith('.')) ||
    (gap === ' & ' && isCap(a.text) && isCap(b.text))
  );
}

const lastWord = (tokens: Token[], k: number) => fold(tokens[k]!.text).replace(/['’]s$/, '');
const orgWord = (w: string) => ORG_WORDS.has(w) || ORG_HEADS.has(w);

// "and" inside a body's name: the capitalised words after it end on a body's word ("Food and Drug
// Administration"), and the words before it are neither a body already ("Lumora Systems and Taivo
// Electronics", "the UN and The World Bank") nor a person ("Rev. James Martin and Loyola Productions").
const AND_HEADS = new Set(['executive', 'rescue', 'administration', 'hygiene']);
function andJoins(text: string, tokens: Token[], from: number, at: number): boolean {
  if (at - from > 1) return false;
  for (let k = from; k <= at; k++) {
    const word = lastWord(tokens, k);
    if (/^[\p{Lu}.]+$/u.test(tokens[k]!.text) || orgWord(word) || FIRST_NAMES.has(word)) return false;
    if (PLACES.has(word) || PLACE_NAMES.has(word) || DEMONYMS.has(word)) return false;
  }
  let k = at + 2;
  if (k >= tokens.length || !isCap(tokens[k]!.text) || !joined(text, tokens[at + 1]!, tokens[k]!))
    return false;
  if (tokens[k]!.text === 'The' || tokens[k]!.text === tokens[from]!.text) return false;
  while (k + 1 < tokens.length && isCap(tokens[k + 1]!.text) && joined(text, tokens[k]!, tokens[k + 1]!)) k++;
  const last = lastWord(tokens, k);
  return k - at <= 4 && (orgWord(last) || AND_HEADS.has(last));
}

/** Splits a run after a possessive owner and at "of" between a person and a body. */
function split(runs: Run[], tokens: Token[], from: number, to: number): void {
  // "Estmark's Nordstjerna Space", "Tax Foundation's Lindsey Lassiter": an owner, then its thing;
  // but "McDonald's Corp" and "People's Daily" are one name.
  for (let k = from; k < to; k++) {
    if (!possessive(tokens[k]!.text)) continue;
    if (to - k === 1 && orgWord(lastWord(tokens, to))) break;
    const owner = tokens[from]!.text === 'The' ? from + 1 : from;
    if (
      k === owner ||
      orgWord(lastWord(tokens, k)) ||
      FIRST_NAMES.has(fold(tokens[owner]!.text)) ||
      FIRST_NAMES.has(fold(tokens[k + 1]!.text))
    ) {
      runs.push({ from, to: k });
      split(runs, tokens, k + 1, to);
      return;
    }
    break;
  }
  // "Dr. Ilse Varga of Sable City University": a person's name, then where she works.
  for (let k = from + 2; k < to; k++) {
    if (tokens[k]!.text !== 'of') continue;
    const named =
      FIRST_NAMES.has(fold(tokens[k - 2]!.text)) ||
      (k - 3 >= from && FIRST_NAMES.has(fold(tokens[k - 3]!.text)));
    if (!named) break;
    runs.push({ from, to: k - 1 }, { from: k + 1, to });
    return;
  }
  runs.push({ from, to });
}

/** The word ends in "'s" or "’s". */
function possessive(word: string): boolean {
  const n = word.length;
  if (n < 3 || word.charCodeAt(n - 1) !== 115) return false;
  const c = word.charCodeAt(n - 2);
  return c === 39 || c === 0x2019;
}

const SKIPPED_BEFORE = ' \t\r\n"\'“‘«([—–-”’»)]';

/** The token opens a sentence or a line, where capitals say nothing. */
export function sentenceInitial(text: string, token: Token): boolean {
  let i = token.start - 1;
  while (i >= 0 && SKIPPED_BEFORE.includes(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || '.!?:;…'.includes(text[i]!);
}
