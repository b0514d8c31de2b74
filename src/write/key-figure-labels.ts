import type { SourceArticle } from '../verify/types.js';
import { SET_TO_PREFIX } from './figures.js';
import { escapeRegExp } from '../lib/regexp.js';

/**
 * A key figure's label finished and judged: whose a gained count is, the number a name ends on,
 * how well the label says what is counted, and the change a value was set by only where it tells
 * two figures apart.
 */

// Small counts are incidental ("two guards", "three years") unless they are a toll.
export const TOLL =
  /\b(?:killed|dead|died|injured|hurt|wounded|missing|arrested|rescued|evacuated|destroyed)\b/i;
// Words that only restate a figure's kind: as a label they say nothing ("money", "percent").
const BARE_KIND =
  /^(?:money|cash|sum|amount|figure|total|number|percent|percentage|points?|basis points?|share|dollars?|hour|day|week|month|year)$/;
// A unit of measure or a currency, with what kind of unit it is ("square miles", "Bahraini dinars"):
// it says how the figure is measured, not what it measures.
const MEASURE =
  /^(?:(?:square|cubic|nautical|metric|short|long|\p{L}+(?:an|ese|i|ish))\s+)?(?:miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet|foot|inch(?:es)?|yards?|acres?|hectares?|tons?|tonnes?|pounds?|kilos?|kilograms?|grams?|ounces?|lit(?:re|er)s?|gallons?|barrels?|dollars?|euros?|dinars?|dirhams?|riyals?|pesos?|rupees?|rupiah|yuan|yen|crowns?|kronor|krone|francs?|lei|rubles?|roubles?|shekels?|won|rand|naira)$/u;
// A money noun alone ("cost", "offer") says what kind of figure, not whose.
const MONEY_WORD = /^(?:cost|costs|value|price|offer|bid|deal|pledge|budget|fee|fine)$/;
const RATE = /\s+(?:a|per|each)\s+(?:day|week|month|year)$/;

/** The noun a label is about: its last word before a preposition ("rise" of "pay rise over three years"). */
export function head(label: string): string {
  const words = label.toLowerCase().split(/\s+/);
  const cut = words.findIndex(
    (w, i) => i > 0 && /^(?:of|in|over|for|to|on|at|from|by|a|per|without)$/.test(w),
  );
  return (cut > 0 ? words.slice(0, cut) : words).at(-1)!.replace(/s$/, '');
}

/**
 * "reduced increase" beside "rent increase" tells the two apart; alone in the box, the value a
 * change set is named as the thing itself ("main interest rate", not "raised main interest rate").
 */
export function plainWhereAlone(label: string, labels: readonly string[]): string {
  const plain = label.replace(SET_TO_PREFIX, '');
  if (plain === label) return label;
  return labels.some((other) => other !== label && head(other) === head(plain)) ? label : plain;
}

// What a count is won or gained by: "votes received", "seats won".
const GAINED = /\s(?:received|won|secured|earned|collected|polled|gained|got)$/;

/**
 * "93,240 — votes received by Quill": a count someone gained is theirs, and a story that counts
 * each candidate's votes must say whose each is. The one it is theirs is the person or organisation
 * the sentence opens on (its subject); without one the label stays as it is.
 */
export function withWinner(label: string, article: SourceArticle, sentenceStart: number, at: number): string {
  if (!GAINED.test(label)) return label;
  const subject = article.analysis.entities.find(
    (e) =>
      (e.kind === 'person' || e.kind === 'organization') &&
      e.mentions.some((m) => m.start === sentenceStart && m.end <= at),
  );
  const mention = subject?.mentions.find((m) => m.start === sentenceStart);
  return mention ? `${label} by ${article.text.slice(mention.start, mention.end)}` : label;
}

/** A label that ends inside a name with a number ("members of Transit Workers Union Local"), given that number. */
export function withNameNumber(sentence: string, label: string): string {
  const at = sentence.indexOf(label);
  if (at < 0 || !/\p{Lu}\p{L}*$/u.test(label)) return label;
  const number = /^\s+\d+(?![\d,.]\d)/.exec(sentence.slice(at + label.length));
  return number ? label + number[0] : label;
}

/** 3 for a phrase that names what is counted, 2 for a noun phrase, 1 for a bare or generic noun, 0 for a label that only repeats the unit. */
export function labelQuality(label: string, counted: string, phrase: boolean): number {
  const bare = label.toLowerCase().replace(RATE, '').replace(/^the /, '');
  if (BARE_KIND.test(bare) || MEASURE.test(bare) || (counted && bare === counted.toLowerCase())) return 0;
  // "56 — Thatcher", "34 — Conceptualised", "14 — autoplay autoplay": a name, a verb or a page's
  // controls beside a number say nothing of what it counts.
  const single = !/\s/.test(label.trim());
  if (single && (/^\p{Lu}/u.test(label) || /(?:ed|ised|ized)$/.test(bare))) return 0;
  if (/\b(\p{L}+) \1\b/u.test(bare)) return 0;
  if (phrase) return 3;
  // "customers in the county": the counted noun and where, not what happened to it.
  const escaped = escapeRegExp(counted.toLowerCase());
  // "copies of Minecraft", "reports of heaters overheating": an of-phrase says what they are.
  const where = new RegExp(`^${escaped} (?:in|at|on|from|for|a|per)\\b`);
  if (counted && where.test(bare)) return 1;
  if (MONEY_WORD.test(bare)) return 1;
  // "workers escaped" says what happened to them; "night-shift workers" only who they are.
  if (/\s\p{L}+ed$/u.test(bare) || TOLL.test(bare)) return 2.5;
  return bare.includes(' ') ? 2 : 1;
}
