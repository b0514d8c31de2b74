import { CREDIT_CUES, FIRST_NAMES, PLACE_NAMES, ROLE_WORDS } from './entity-cues.js';
import { isCap } from './entity-runs.js';
import { PERSON_TITLES, PLACES } from './gazetteer.js';
import { STOPWORDS } from './stopwords.js';
import { fold, type Token } from './text.js';

const CAPITALS = /^[\p{Lu}][\p{Lu}.'’-]*$/u;

/**
 * Tokens `from`..`to` are a dateline's place: in capitals at the start of a line, before a comma,
 * the wire's credit or a dash ("SABLE CITY, Nov 12 (Meridian Wire) -", "OTTAWA -- …").
 */
export function dateline(text: string, tokens: Token[], from: number, to: number): boolean {
  let i = tokens[from]!.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  for (let k = from; k <= to; k++) if (!CAPITALS.test(tokens[k]!.text)) return false;
  return /^(?:,| \(| ?[-—–])/.test(text.slice(tokens[to]!.end, tokens[to]!.end + 3));
}

/**
 * Tokens `from`..`to` credit the story or a picture rather than name anything in it: the wire after
 * a dateline ("(Meridian Wire) -"), the agency after a cut caption ("… (Associated Press)"), the
 * source after "Photo:" or "Credit:".
 */
export function credit(text: string, tokens: Token[], from: number, to: number): boolean {
  const start = tokens[from]!.start;
  const end = tokens[to]!.end;
  const next = tokens[to + 1]?.text;
  const before = text[start - 1];
  const cued = before === ' ' && (text[start - 2] === ':' || tokens[from - 1]?.text === 'copyright');
  if (before !== '(' && !cued && next !== 'writer' && next !== 'writers') return false;
  if (FIRST_NAMES.has(fold(tokens[from]!.text))) return false;
  if (before === '(' && text[end] === ')') {
    const line = text.slice(text.lastIndexOf('\n', start) + 1, start - 1);
    if (line.length <= 60 && /^\) ?(?:[-—–]|--)/.test(text.slice(end, end + 4))) return true;
    // "FORT WAYNE, Ind. (WANE) The mother…": the credit after a dateline.
    if (/^\p{Lu}[\p{Lu} .'-]+,[^,]{0,20}$/u.test(line)) return true;
    if (/(?:\.\.\.|…) ?$/.test(line)) return true;
  }
  // "Associated Press writer Jill Colvin contributed": the credit line under a story.
  if ((next === 'writer' || next === 'writers') && /(?:^|\n|_ )$/.test(text.slice(0, start))) return true;
  const prev = tokens[from - 1];
  if (!prev) return false;
  const gap = text.slice(prev.end, start);
  const cue = fold(prev.text);
  return (CREDIT_CUES.has(cue) && gap === ': ') || (cue === 'copyright' && gap === ' ');
}

// Title words that qualify another title rather than stand for one.
const MODIFIERS = new Set(
  'deputy acting former vice chief foreign finance trade health interior justice defence defense crown star executive'.split(
    ' ',
  ),
);

// After a name, what says a person: an age ("Gerald Hume, 67,"), a role ("Elena Varkas, an
// analyst", "Dana Okafor, president of Local 212").
const AGE = /^,\s+\d{1,3}\s*[,)]|^\s+\(\d{1,3}\)/;
const APPOSITION = /^,\s+(?:(?:a|an|the|his|her|their)\s+)?([\p{Ll}-]+)/u;

/**
 * Something in or around tokens `from`..`to` says they name a person: a first name, an initial
 * ("David L. Evans"), a Korean given name ("Kang Sung-hyun"), a role before ("photographer Mason
 * Weaver") or after ("Tari Schroth, 36,"; "Movladi Udugov, the Deputy Prime Minister").
 */
export function personCue(text: string, tokens: Token[], from: number, to: number, words: string[]): boolean {
  // "Long Story Short", "Ask The Big Question": a heading in capitals, not a name.
  for (let k = 1; k < words.length; k++) if (STOPWORDS.has(fold(words[k]!))) return false;
  // "Maryland SoccerPlex", "Seattle Reign": a place's team or ground; "U.S. Attorney", "Ottawa MP": an office.
  const head = fold(words[0]!).replace(/\.$/, '');
  const tail = fold(words[words.length - 1]!);
  if (PLACES.has(head) || PLACE_NAMES.has(head) || PLACE_NAMES.has(`${head} ${fold(words[1] ?? '')}`))
    return false;
  if (!FIRST_NAMES.has(head) && (ROLE_WORDS.has(tail) || PERSON_TITLES.has(tail))) return false;
  // “Summer Girls”: the title of a song or a book, in quotes of its own.
  if (/["“]$/.test(text.slice(0, tokens[from]!.start)) && /^[.,!?]?["”]/.test(text.slice(tokens[to]!.end)))
    return false;
  if (words.length > 1 && FIRST_NAMES.has(fold(words[0]!))) return true;
  if (STOPWORDS.has(fold(words[0]!))) return false;
  if (words.length > 2 && words.slice(1, -1).some((w) => /^\p{Lu}\.$/u.test(w))) return true;
  if (words.length > 1 && /^(?:\p{Lu}\.)+$/u.test(words[0]!)) return true;
  if (words.length === 2 && /^\p{Lu}\p{Ll}+-\p{L}+$/u.test(words[1]!)) return true;
  const prev = tokens[from - 1];
  const after = text.slice(tokens[to]!.end, tokens[to]!.end + 40);
  if (prev && !isCap(prev.text)) {
    const gap = text.slice(prev.end, tokens[from]!.start);
    // "photographer Mason Weaver", "chief executive Victor Sallow"; not "deputy White House press secretary".
    const role = ROLE_WORDS.has(prev.text) || (PERSON_TITLES.has(prev.text) && !MODIFIERS.has(prev.text));
    if ((gap === ' ' || gap === ', ') && role) return true;
    if ((prev.text === 'said' || prev.text === 'says') && /^[,.]/.test(after)) return true;
  }
  if (AGE.test(after)) return true;
  const role = APPOSITION.exec(after)?.[1];
  return role !== undefined && (ROLE_WORDS.has(role) || PERSON_TITLES.has(role));
}
