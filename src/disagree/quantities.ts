import { NUMBER_WORDS, parseNumber } from '../analyze/figures.js';
import { STOPWORDS } from '../analyze/stopwords.js';
import type { Figure } from '../analyze/types.js';
import { stem } from '../verify/text.js';
import type { FactKind, TextSpan } from './types.js';

/** A value found in an article before its context is read. */
export interface RawValue {
  kind: FactKind;
  unit: string;
  value: number | string;
  text: string;
  span: TextSpan;
  /** Words elsewhere in the sentence that say what the value is of ("the number of homes destroyed … 163"). */
  about?: TextSpan;
  /** The stems of the event word a time, date or place was read beside ("begins" → "begin"). */
  event?: string[];
}

// Measurement units: dimension and factor to the base unit (kg, m, m², litre, km/h).
const MEASURES: Record<string, [string, number]> = {
  kg: ['mass', 1],
  kilogram: ['mass', 1],
  kilo: ['mass', 1],
  tonne: ['mass', 1000],
  ton: ['mass', 1000],
  gram: ['mass', 0.001],
  lb: ['mass', 0.4536],
  km: ['length', 1000],
  kilometre: ['length', 1000],
  kilometer: ['length', 1000],
  metre: ['length', 1],
  meter: ['length', 1],
  mile: ['length', 1609.34],
  foot: ['length', 0.3048],
  feet: ['length', 0.3048],
  ft: ['length', 0.3048],
  cm: ['length', 0.01],
  centimetre: ['length', 0.01],
  mm: ['length', 0.001],
  millimetre: ['length', 0.001],
  hectare: ['area', 1e4],
  ha: ['area', 1e4],
  acre: ['area', 4046.86],
  litre: ['volume', 1],
  liter: ['volume', 1],
  gallon: ['volume', 3.785],
  mph: ['speed', 1.609],
  kph: ['speed', 1],
  'km/h': ['speed', 1],
};
const MEASURE_WORD = `(?:square |cubic )?(?:kilo(?:gram|metre|meter)s?|kilos?|kg|tonnes?|tons?|grams?|lbs?|km/h|kph|mph|km|metres?|meters?|miles?|feet|foot|ft|cm|centimetres?|mm|millimetres?|hectares?|ha|acres?|litres?|liters?|gallons?)`;
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MEASURE = new RegExp(
  String.raw`(?<![\p{L}\d.,$€£])(${NUM})(?:\s?(million|thousand|billion))?(?:-|\s)?(${MEASURE_WORD})(?:\s(per hour|an hour))?(?![\p{L}])`,
  'giu',
);
// \"78th minute\" and \"a 78th-minute equaliser\" alike.
const ORDINAL = /(?<![\p{L}\d])(\d{1,4})(?:st|nd|rd|th)[\s-]+([a-z]{3,})/gu;
// "split 5-2, with two members …": a comma or full stop ends a tally unless a digit follows.
const SPAN_OF = /(?<![\p{L}\d-])(\d{1,3}|[a-z]+)-(year|month|week|day|hour|minute)(?![\p{L}-])/giu;
const TALLY = /(?<![\p{L}\d.,:/-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d:/%-]|[.,]\d|\s?(?:percent|per cent))/gu;
const VOTES_TO = /\b(\d{1,3}|[a-z]+) votes? to (\d{1,3}|[a-z]+)\b/giu;
const VOTE_WORDS = /\b(?:vot\w*|ballot\w*|split|majority|motion|resolution|council|committee|board|jury)\b/i;
const SCORE_WORDS =
  /\b(?:win|won|beat|beating|lost|lose|defeat\w*|victory|draw|drew|score\w*|final|match|game|lead|led|ahead|trail\w*)\b/i;
const BARE = new RegExp(
  String.raw`(?<![\p{L}\d.,$€£¥-])(${NUM})(?![\d%]|[.,]\d|-\p{L}|\s?(?:percent|per cent))`,
  'gu',
);
// "Nov 24", "November 24": a day of a month, not a count.
const AFTER_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$/;
// "a crowd of 64,000", "a toll of 17": the noun before is what is counted.
const DIRECT_OF =
  /\b(crowd|attendance|total|toll|tally|turnout|workforce|population) of (?:about |some |around |nearly |almost )?$/i;
// "The death toll from the capsize rose to 17": what rose is what is counted.
const ROSE_TO =
  /\b(toll|total|tally|count)\b(?:\s+\S+){0,8}?\s+(?:rose|rises|has risen|risen|climbed|reached|stands|stood|increased|jumped|fell|dropped)\s+(?:to|at)\s+$/i;
const NUMBER_OF = /\b(?:number|total|count|toll|tally|crowd|attendance|figure) of (?:the )?([a-z-]+)/i;
const PLURAL_IRREGULAR = new Set([
  'people',
  'staff',
  'children',
  'men',
  'women',
  'police',
  'personnel',
  'aircraft',
  'cattle',
]);

/** Whether a number is part of a name ("Local 212", "Skylark 5", "Halcyon-2"): not a figure. */
export function partOfName(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  if (/[\p{L}]-$/u.test(before)) return true;
  const word = /([\p{Lu}][\p{L}’'.]*)\s$/u.exec(before);
  if (!word) return false;
  const w = word[1]!.replace(/[’'.]$/, '');
  // "… said Anaheim Police.\nThree people were stabbed": a line break, or the full stop of a word
  // longer than an abbreviation ("No. 5"), ends the sentence the name was in.
  if (/\n/.test(word[0]) || (word[1]!.endsWith('.') && w.length >= 4)) return false;
  if (/^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*$/.test(w)) return false;
  // A capitalised word that opens the sentence is not a name ("About 6,800 members…").
  return !/(?:^|[.!?]["”’]?\s+)$/.test(before.slice(0, before.length - word[0].length));
}

/**
 * The counted noun after a count: the first plural-looking word of the next four, past names and
 * modifiers ("6,800 transit workers", "410,000 HearthLink 2 space heaters").
 */
function countedNoun(text: string, end: number, fallback: string | null): string {
  const words =
    text
      .slice(end, end + 60)
      .match(/^\s+((?:[\p{L}\d][\p{L}\d-]*\s*){1,4})/u)?.[1]
      ?.trim()
      .split(/\s+/) ?? [];
  // "214 in the original count": a preposition after the number means no counted noun follows.
  if (words[0] && STOPWORDS.has(words[0].toLowerCase())) return nounKey(fallback ?? '');
  const lower = words.filter((w) => /^[a-z][a-z-]+$/.test(w) && !NOT_NOUNS.has(w));
  const plural = lower.find((w) => PLURAL_IRREGULAR.has(w) || (/s$/.test(w) && !/ss$/.test(w)));
  return nounKey(plural ?? lower[0] ?? fallback ?? '');
}

// Nouns that count anything ("units", "items"): they match whatever another report counts.
const GENERIC_NOUNS = new Set(['unit', 'item', 'product', 'piece', 'device', 'model', 'case', 'one']);
// Words after a number that are not a counted noun ("damaged 57 more", "three times").
const NOT_NOUNS = new Set([
  'more',
  'less',
  'fewer',
  'other',
  'times',
  'time',
  'than',
  'per',
  'percent',
  'cent',
  'while',
  'during',
  'before',
  'after',
]);

/** The key of a counted noun: its stem, so "home" and "homes" agree; '' for a generic noun. */
export function nounKey(noun: string): string {
  const lower = noun.toLowerCase();
  // A toll counts people: "the death toll rose to 17" is "17 people died" told another way.
  if (lower === 'people' || lower === 'persons' || lower === 'toll') return 'person';
  const key = stem(lower.replace(/ies$/, 'y').replace(/(?<!s)s$/, ''));
  return GENERIC_NOUNS.has(key) ? '' : key;
}

function measureValue(number: string, scale: string | undefined, unit: string): RawValue['value'] | null {
  const n = parseNumber(number);
  const key = unit
    .toLowerCase()
    .replace(/^(?:square|cubic) /, '')
    .replace(/(?<!s)s$/, '')
    .replace(/^lb$/, 'lb');
  const m = MEASURES[key] ?? MEASURES[unit.toLowerCase()];
  if (n === null || !m) return null;
  const factor = scale ? { thousand: 1e3, million: 1e6, billion: 1e9 }[scale.toLowerCase()]! : 1;
  return n * factor * m[1];
}

function dimensionOf(unit: string, rate: string | undefined): string {
  const key = unit.toLowerCase().replace(/(?<!s)s$/, '');
  const dim = (MEASURES[key] ?? MEASURES[unit.toLowerCase()])?.[0] ?? '';
  if (rate && dim === 'length') return 'speed';
  if (/^square /i.test(unit)) return 'area';
  return dim;
}

/** Amounts, percentages and counts from the analysis; measures, ordinals, tallies and bare numbers from the text. */
export function numericValues(text: string, figures: readonly Figure[]): RawValue[] {
  const out: RawValue[] = [];
  const taken: TextSpan[] = [];
  const free = (start: number, end: number) => !taken.some((s) => start < s.end && end > s.start);
  const add = (v: RawValue) => {
    out.push(v);
    taken.push(v.span);
  };
  for (const m of text.matchAll(MEASURE)) {
    const value = measureValue(m[1]!, m[2], m[3]!);
    if (value === null || partOfName(text, m.index)) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    add({ kind: 'measure', unit: dimensionOf(m[3]!, m[4]), value, text: m[0], span });
  }
  for (const m of text.matchAll(TALLY)) {
    const around = text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80);
    const unit = VOTE_WORDS.test(around) ? 'vote' : SCORE_WORDS.test(around) ? 'score' : '';
    if (!unit) continue;
    add(tally(m[1]!, m[2]!, unit, m[0], m.index));
  }
  for (const m of text.matchAll(VOTES_TO)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const a = parseNumber(m[1]!);
    const b = parseNumber(m[2]!);
    if (a === null || b === null) continue;
    add(tally(String(a), String(b), 'vote', m[0], m.index));
  }
  // "a ten-year investment programme": a duration written as a modifier ("30-year-old" is an age).
  for (const m of text.matchAll(SPAN_OF)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()];
    if (n === undefined || !free(m.index, m.index + m[0].length)) continue;
    add({
      kind: 'count',
      unit: nounKey(m[2]!),
      value: n,
      text: `${m[1]} ${m[2]}s`,
      span: { start: m.index, end: m.index + m[0].length },
    });
  }
  for (const m of text.matchAll(ORDINAL)) {
    if (!free(m.index, m.index + m[0].length) || NUMBER_WORDS[m[2]!] !== undefined) continue;
    if (/^(?:of|and|to|in|on|at|the|century)$/.test(m[2]!)) continue;
    const end = m.index + m[0].length - m[2]!.length - 1;
    add({
      kind: 'ordinal',
      unit: nounKey(m[2]!),
      value: Number(m[1]),
      text: text.slice(m.index, end),
      span: { start: m.index, end },
    });
  }
  for (const f of figures) {
    if (f.kind === 'date' || f.value === null || !free(f.start, f.end) || partOfName(text, f.start)) continue;
    if (f.kind === 'count') {
      const digits = /^[\d,.]+/.exec(f.text)?.[0];
      const end = f.start + (digits ?? f.text.split(' ')[0]!).length;
      // "raised the number of heaters recalled to 480,000": the count is of heaters.
      const of = NUMBER_OF.exec(
        text
          .slice(Math.max(0, f.start - 90), f.start)
          .split(/[.;!?]/)
          .at(-1) ?? '',
      );
      const lead = text.slice(Math.max(0, f.start - 40), f.start);
      const direct = DIRECT_OF.exec(lead);
      const noun = direct
        ? nounKey(direct[1]!)
        : of && /\bto\s+$/.test(lead)
          ? nounKey(of[1]!)
          : countedNoun(text, end, f.unit);
      if (NOT_NOUNS.has(noun)) continue;
      // The analysis may have read the next word as the counted noun ("480,000 after"): keep the number alone then.
      const own = f.unit !== null && nounKey(f.unit) === noun;
      const span = own ? { start: f.start, end: f.end } : { start: f.start, end };
      add({ kind: 'count', unit: noun, value: f.value, text: text.slice(span.start, span.end), span });
    } else
      add({
        kind: f.kind,
        unit: f.unit ?? '',
        value: f.value,
        text: f.text,
        span: { start: f.start, end: f.end },
      });
  }
  for (const m of text.matchAll(BARE)) {
    const end = m.index + m[0].length;
    if (
      !free(m.index, end) ||
      partOfName(text, m.index) ||
      AFTER_MONTH.test(text.slice(Math.max(0, m.index - 10), m.index))
    )
      continue;
    const n = parseNumber(m[1]!);
    if (n === null || (/^\d{4}$/.test(m[1]!) && n >= 1800 && n <= 2100) || /^[:.]\d/.test(text.slice(end)))
      continue;
    const before = text.slice(Math.max(0, m.index - 90), m.index);
    const tail = before.split(/[.;!?]/).at(-1) ?? '';
    const of = NUMBER_OF.exec(tail);
    const direct = DIRECT_OF.exec(tail) ?? ROSE_TO.exec(tail);
    const unit = direct ? nounKey(direct[1]!) : of ? nounKey(of[1]!) : countedNoun(text, end, null);
    // A small number whose unit nothing names is too ambiguous to compare ("4 a.m.", "versions 2.1").
    if (!of && !direct && (n < 10 || unit === '')) continue;
    const about = of ? { start: m.index - tail.length + of.index, end: m.index } : undefined;
    add({
      kind: 'count',
      unit,
      value: n,
      text: m[0],
      span: { start: m.index, end },
      ...(about ? { about } : {}),
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function tally(a: string, b: string, unit: string, written: string, at: number): RawValue {
  const x = Number(a);
  const y = Number(b);
  return {
    kind: 'tally',
    unit,
    value: `${Math.max(x, y)}-${Math.min(x, y)}`,
    text: written,
    span: { start: at, end: at + written.length },
  };
}
