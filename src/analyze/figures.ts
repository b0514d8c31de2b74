import type { Figure, FigureKind } from './types.js';

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
  crore: 1e7,
  lakh: 1e5,
};

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  a$: 'AUD',
  c$: 'CAD',
  hk$: 'HKD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₩': 'KRW',
  '₹': 'INR',
  '₽': 'RUB',
  '₺': 'TRY',
  r$: 'BRL',
};

const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  usd: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  'pounds sterling': 'GBP',
  gbp: 'GBP',
  yen: 'JPY',
  jpy: 'JPY',
  won: 'KRW',
  krw: 'KRW',
  yuan: 'CNY',
  renminbi: 'CNY',
  cny: 'CNY',
  rupees: 'INR',
  inr: 'INR',
  francs: 'CHF',
  chf: 'CHF',
  roubles: 'RUB',
  rubles: 'RUB',
  lei: 'RON',
};

const MONTHS: Record<string, number> = {
  jan: 0,
  january: 0,
  feb: 1,
  february: 1,
  mar: 2,
  march: 2,
  apr: 3,
  april: 3,
  may: 4,
  jun: 5,
  june: 5,
  jul: 6,
  july: 6,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  oct: 9,
  october: 9,
  nov: 10,
  november: 10,
  dec: 11,
  december: 11,
};

/** Spelled-out numbers and their values (also read by the verifier's number finder). */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  hundreds: 100,
  dozen: 12,
  dozens: 12,
};

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`thousand|millions?|billions?|trillion|crore|lakh|mln|mn|bn|trn|tn|[kmb](?![\p{L}])`;
const SYMBOL = String.raw`US\$|HK\$|A\$|C\$|R\$|[$€£¥₩₹₽₺]`;
const CURWORD = String.raw`(?:U\.?S\.? )?dollars?|USD|euros?|EUR|pounds(?: sterling)?|GBP|yen|JPY|won|KRW|yuan|renminbi|CNY|rupees|INR|francs|CHF|roubles|rubles|lei`;
const MONTH =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const WORDNUM = Object.keys(NUMBER_WORDS).join('|');

// One alternation, most specific first; named groups tell the kind.
const FIGURE = new RegExp(
  [
    String.raw`(?<dmy>\b\d{1,2} (?:${MONTH})\.?,? \d{4}\b)`,
    String.raw`(?<mdy>\b(?:${MONTH})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b)`,
    String.raw`(?<iso>\b\d{4}[-/]\d{2}[-/]\d{2}\b)`,
    String.raw`(?<sym>(?:${SYMBOL}) ?(?:${NUM})(?: ?(?:${SCALE}))?\b)`,
    String.raw`(?<cur>\b(?:${NUM})(?: ?(?:${SCALE}))? (?:${CURWORD})\b)`,
    String.raw`(?<code>\b(?:USD|EUR|GBP|JPY|KRW|CNY|CHF|INR) ?(?:${NUM})(?: ?(?:${SCALE}))?\b)`,
    String.raw`(?<pct>(?<![\p{L}\d.])(?:${NUM}) ?(?:%|per ?cent\b|percent\b|percentage points?\b))`,
    String.raw`(?<count>(?<![\p{L}\d.,$€£¥₩])(?:(?:${NUM})(?: (?:${SCALE})\b)?|(?:half an? )?(?:${WORDNUM})\b)(?: (?:more|other|new))? (?<noun>[a-z][a-z-]{2,}))`,
  ].join('|'),
  'giu',
);

// Words after a number that are not what is counted: function words ("870 this year", "two of",
// "15 would"), which a count's noun never is.
const NOT_COUNTED = new Set([
  'this',
  'these',
  'those',
  'another',
  'most',
  'after',
  'before',
  'about',
  'when',
  'while',
  'last',
  'next',
  'out',
  'can',
  'could',
  'would',
  'will',
  'might',
  'may',
  'must',
  'should',
  'now',
  'today',
  'else',
  'each',
  'every',
  'all',
  'such',
  'then',
  'there',
  'here',
  'into',
  'over',
  'under',
  'since',
  'until',
  'because',
  'but',
  'not',
  'also',
  'just',
  'only',
  'even',
  'still',
  'ago',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'the',
  'a',
  'an',
  'for',
  'per',
  'than',
  'from',
  'by',
  'was',
  'were',
  'is',
  'are',
  'has',
  'had',
  'have',
  'with',
  'as',
  'am',
  'pm',
  'who',
  'that',
  'which',
  'its',
  'their',
]);

/** Parses "1,250.5" (and number words) into a number, or null. */
export function parseNumber(raw: string): number | null {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  if (word !== undefined) return word;
  const n = Number(raw.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function scaleOf(text: string): number {
  const m = /(thousand|millions?|billions?|trillion|crore|lakh|mln|mn|bn|trn|tn|[kmb])\b/iu.exec(
    text.replace(/^(?:US\$|HK\$|A\$|C\$|R\$|[$€£¥₩₹₽₺])/, ''),
  );
  return m ? (SCALES[m[1]!.toLowerCase()] ?? 1) : 1;
}

function amountValue(text: string): number | null {
  const m = new RegExp(NUM).exec(text);
  if (!m) return null;
  const n = parseNumber(m[0]);
  return n === null ? null : n * scaleOf(text.slice(m.index + m[0].length));
}

function currencyOf(text: string): string | null {
  const sym = new RegExp(`^(?:${SYMBOL})`).exec(text);
  if (sym) return SYMBOLS[sym[0].toLowerCase()] ?? null;
  const code = /^(USD|EUR|GBP|JPY|KRW|CNY|CHF|INR)/.exec(text);
  if (code) return code[1]!;
  const word = new RegExp(`(?:${CURWORD})$`, 'i').exec(text);
  return word ? (CURRENCY_WORDS[word[0].toLowerCase().replace(/\s+/g, ' ')] ?? 'USD') : null;
}

function dateValue(groups: Record<string, string | undefined>): number | null {
  let y: number;
  let mo: number | undefined;
  let d: number;
  if (groups.iso) {
    [y, mo, d] = groups.iso.split(/[-/]/).map(Number) as [number, number, number];
    mo -= 1;
  } else {
    const text = (groups.dmy ?? groups.mdy)!;
    const month = /\p{L}+/u.exec(text)![0].toLowerCase();
    mo = MONTHS[month] ?? MONTHS[month.slice(0, 3)];
    const nums = text.match(/\d+/g)!.map(Number);
    d = groups.dmy ? nums[0]! : nums[0]!;
    y = nums[1]!;
  }
  if (mo === undefined || mo < 0 || mo > 11 || d < 1 || d > 31) return null;
  return Date.UTC(y, mo, d);
}

/** Classifies and normalizes one regex match; null when it is not a figure after all (a year, "one of"). */
function toFigure(match: RegExpExecArray | RegExpMatchArray): Omit<Figure, 'start' | 'end'> | null {
  const g = match.groups ?? {};
  const text = match[0];
  let kind: FigureKind;
  let value: number | null;
  let unit: string | null;
  if (g.dmy || g.mdy || g.iso) {
    kind = 'date';
    value = dateValue(g);
    unit = null;
    if (value === null) return null;
  } else if (g.sym || g.cur || g.code) {
    kind = 'amount';
    value = amountValue(text);
    unit = currencyOf(text);
  } else if (g.pct) {
    kind = 'percent';
    value = parseNumber(new RegExp(NUM).exec(text)![0]);
    unit = '%';
  } else {
    const noun = g.noun!;
    if (NOT_COUNTED.has(noun.toLowerCase()) || /^\p{Lu}/u.test(noun)) return null;
    const words = text
      .slice(0, text.length - noun.length)
      .trim()
      .split(' ');
    // "half a dozen vignettes": six, not a dozen.
    const half = words[0]!.toLowerCase() === 'half';
    const lead = half ? words.slice(2) : words;
    const counted = parseNumber(lead[0]!);
    const n = counted !== null && half ? counted / 2 : counted;
    if (n === null) return null;
    // A bare year ("in 2005 deductible") is not a count.
    if (/^\d{4}$/.test(lead[0]!) && n >= 1800 && n <= 2100 && lead.length === 1) return null;
    kind = 'count';
    const scale = lead[1] && SCALES[lead[1].toLowerCase()] ? SCALES[lead[1].toLowerCase()]! : 1;
    value = n * scale;
    unit = noun.toLowerCase();
    return { kind, text: text.trimEnd(), value, unit };
  }
  return { kind, text, value, unit };
}

// Cheap tests that tell whether a stretch of text can hold a figure at all.
const MAYBE_FIGURE = /[0-9$€£¥₩₹₽₺]/;
const NUMBER_WORD = new RegExp(`\\b(?:${WORDNUM})\\b`, 'i');
const CHUNK = 1_000;

/** Every amount, percentage, count and date in `text`, with offsets into it. */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  // The full pattern is costly; long texts are scanned line by line, skipping lines without numbers.
  for (const [start, end] of chunks(text)) {
    const part = text.slice(start, end);
    if (!MAYBE_FIGURE.test(part) && !NUMBER_WORD.test(part)) continue;
    for (const match of figureMatches(part)) {
      const figure = toFigure(match);
      if (!figure) continue;
      out.push({ ...figure, start: start + match.index, end: start + match.index + figure.text.length });
    }
  }
  return out;
}

// Every alternative of FIGURE starts with a digit, a currency sign, a currency code, a month or a
// number word. Trying the full pattern only where one of those starts (sticky) finds the same
// matches as scanning every position with it, at a fraction of the cost.
const FIGURE_AT = new RegExp(FIGURE.source, 'iuy');
const FIGURE_START = new RegExp(
  `[\\d$€£¥₩₹₽₺]|(?:US|HK|A|C|R)\\$|USD|EUR|GBP|JPY|KRW|CNY|CHF|INR|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|half|${WORDNUM}`,
  'giu',
);

/** The matches of FIGURE in `part`, left to right, as `part.matchAll(FIGURE)` would give them. */
function* figureMatches(part: string): Generator<RegExpExecArray> {
  const starts = new RegExp(FIGURE_START);
  for (let candidate = starts.exec(part); candidate; candidate = starts.exec(part)) {
    FIGURE_AT.lastIndex = candidate.index;
    const match = FIGURE_AT.exec(part);
    if (match) {
      yield match;
      starts.lastIndex = match.index + match[0].length;
    } else starts.lastIndex = candidate.index + 1;
  }
}

function* chunks(text: string): Generator<[number, number]> {
  if (text.length <= CHUNK) {
    yield [0, text.length];
    return;
  }
  let start = 0;
  while (start < text.length) {
    // Cut at a line break (never inside a figure); a line longer than the chunk stays whole.
    let end = text.indexOf('\n', start + CHUNK);
    if (end === -1) end = text.length;
    const earlier = text.lastIndexOf('\n', start + CHUNK);
    if (earlier > start) end = earlier;
    yield [start, end];
    start = end + 1;
  }
}

/** Normalizes one figure as written ("350bn dollars" → amount 350e9 USD), or null if it is none. */
export function normalizeFigure(text: string): Omit<Figure, 'start' | 'end'> | null {
  const trimmed = text.trim();
  for (const match of trimmed.matchAll(FIGURE)) {
    if (match.index === 0) return toFigure(match);
  }
  return null;
}
