import { doneTo, SPEECH, STAYED } from './figure-done-to.js';
import { pastParticiple } from './figure-phrases.js';
import {
  COLLECTIVE,
  endsClause,
  hedgeStart,
  infinitiveAfter,
  isGerund,
  linkedRun,
  nounRunBackward,
  nounRunForward,
  ownerOf,
} from './figure-words.js';
import { is, type TaggedWord } from './nlp.js';

/**
 * What a figure measures, read off the words around the number in its sentence:
 * "6,800 transit workers" (a count of transit workers), "a pay increase of 14 percent", "cut
 * monthly migraine days by 41 percent" (cut in monthly migraine days), "buy Tidewater for $240
 * million" (price of Tidewater). A figure the sentence does not explain gets no label.
 */

const UNIT_WORDS = new Set(
  'percent per cent % percentage point points basis million billion trillion thousand bn mn dollars dollar euros euro pounds pound yen a year a day'.split(
    ' ',
  ),
);
const CHANGE_NOUNS: Record<string, string> = {
  cut: 'cut',
  cuts: 'cut',
  reduced: 'reduction',
  reduces: 'reduction',
  lowered: 'reduction',
  rose: 'rise',
  rises: 'rise',
  risen: 'rise',
  increased: 'increase',
  increases: 'increase',
  fell: 'fall',
  falls: 'fall',
  fallen: 'fall',
  dropped: 'drop',
  declined: 'decline',
  grew: 'growth',
  grown: 'growth',
  jumped: 'jump',
  climbed: 'rise',
  raised: 'increase',
  boosted: 'increase',
};
const PRICE_VERBS =
  /^(?:buy|bought|buys|acquire|acquired|acquires|purchase|purchased|sell|sold|sells|pay|paid|pays)$/;
const LINKS = new Set(['of', 'over', 'in', 'for', 'per', 'from', 'at']);
const MOMENTS = new Set(['end', 'start', 'beginning', 'middle', 'height', 'time', 'moment', 'close']);
const LEADING = new Set(['its', 'their', 'his', 'her', 'our', 'the', 'a', 'an', 'this', 'that']);
// Words that stand for a noun said elsewhere: as a label they say nothing ("220 others").
const VACANT = new Set(['others', 'other', 'ones', 'more', 'many', 'most', 'some']);
// "had 100,000 listeners", "got 60,000 retweets": having is nothing done to what is counted.
const HELD = /^(?:had|has|have|having|got|gets|getting|gotten)$/;
// "passing 80,000 people", "claimed 175,000 victims": a verb that says how large a count grew, not
// what was done to what it counts ("people passed", "victims claimed" say something else).
const MEASURED =
  /^(?:pass|passe[sd]|passing|top|tops|topped|topping|exceed\w*|surpass\w*|reach\w*|hit|hits|hitting|claim\w*|total\w*|number(?:s|ed|ing)?|near(?:s|ed|ing)|approach\w*)$/;

/** What the figure at [start, end) of the sentence measures, in the sentence's own words, or undefined. */
export function figureLabel(
  words: readonly TaggedWord[],
  start: number,
  end: number,
  text: string,
  /** End of the figure as shown: past `end` when it takes in the counted word ("640 workers"). */
  shownEnd = end,
): string | undefined {
  const label = readLabel(words, start, end, text, shownEnd);
  return label && !VACANT.has(label.toLowerCase()) ? inLowerCase(label, words[0]) : undefined;
}

/**
 * A label holding the sentence's opening word, written in capitals only because it opens the
 * sentence, writes it in lower case: "rise in membership", from "Membership has risen by 640".
 */
function inLowerCase(label: string, opening: TaggedWord | undefined): string {
  if (!opening || !/^\p{Lu}\p{Ll}+$/u.test(opening.text)) return label;
  if (is(opening, 'ProperNoun', 'Person', 'Place', 'Organization', 'Acronym')) return label;
  const word = new RegExp(`(?<![\\p{L}\\p{N}])${opening.text}(?![\\p{L}\\p{N}])`, 'u');
  return label.replace(word, opening.text.toLowerCase());
}

function readLabel(
  words: readonly TaggedWord[],
  start: number,
  end: number,
  text: string,
  shownEnd: number,
): string | undefined {
  let after = words.findIndex((w) => w.start >= end);
  while (after >= 0 && after < words.length && UNIT_WORDS.has(words[after]!.normal)) {
    // "shed 1,175 points, its largest point drop": a unit that ends the clause ends what the figure counts.
    if (endsClause(words[after]!)) {
      after = -1;
      break;
    }
    after++;
  }
  const before = hedgeStart(words, lastIndexBefore(words, start));
  const slice = (from: number, to: number) =>
    text.slice(words[from]!.start, words[to]!.end).replace(/[,;:.]+$/, '');
  // "$18 a share", "$40 per person": the noun is the unit of a price, not what the price is of.
  const perUnit = PER_UNIT.test(text.slice(end));
  // "6,800 transit workers", "a 14 percent pay increase over three years", "destroyed 220 homes".
  const ending =
    after >= 0 && !perUnit && !endsAt(words, before, start, end) ? nounRunForward(words, after) : -1;
  if (ending >= after && after >= 0) {
    let last = ending;
    const link = words[last + 1];
    if (link && LINKS.has(link.normal) && !endsClause(words[last]!)) {
      const tail = linkedRun(words, last + 2 + (is(words[last + 2], 'Determiner') ? 1 : 0));
      // "subscribers at the end (of June)": a point in time needs what follows it, which the label leaves out.
      if (tail >= 0 && tail - after <= 6 && !MOMENTS.has(words[tail]!.normal)) last = tail;
    }
    // "1.4 million trips a day": the rate belongs to what is counted.
    const rate = /^\s+((?:a|per|each) (?:day|week|month|year))\b/.exec(text.slice(words[last]!.end));
    const noun = rate ? `${slice(after, last)} ${rate[1]}` : slice(after, last);
    if (VACANT.has(slice(after, ending).toLowerCase())) return undefined;
    const verb = words[before];
    const gerund = isGerund(words, before);
    const acted =
      (is(verb, 'PastTense') || gerund) &&
      !is(verb, 'Copula', 'Auxiliary') &&
      !SPEECH.test(verb!.normal) &&
      !HELD.test(verb!.normal) &&
      !MEASURED.test(verb!.normal) &&
      !STAYED.test(verb!.normal);
    // "forcing about 9,500 residents to leave their homes": residents forced to leave their homes.
    if (acted) {
      const done = gerund ? pastParticiple(verb!.normal) : verb!.text;
      // "homes destroyed in Kestrel Falls": what was done goes with the counted noun, before its place.
      // An of-phrase stays with its noun ("litres of solvents held").
      if (words[ending + 1]?.normal === 'of') return `${noun} ${done}${infinitiveAfter(words, last, text)}`;
      const tail = text.slice(words[ending]!.end, words[last]!.end).replace(/[,;:.]+$/, '');
      return `${slice(after, ending)} ${done}${tail}${rate ? ` ${rate[1]}` : ''}${infinitiveAfter(words, last, text)}`;
    }
    // A count shown with its counted word ("640 workers") would only repeat it as its label: what
    // was done to them ("ballots set aside") or the phrase it belongs to ("trial") says more.
    const repeats = !rate && last === ending && words[last]!.end <= shownEnd;
    if (!repeats) return noun;
    // "a trial of 2,340 patients": the count is of the patients in the trial.
    const group = words[before]?.normal === 'of' ? nounRunBackward(words, before - 1) : -1;
    if (group >= 0 && COLLECTIVE.test(words[before - 1]!.normal))
      return `${noun} in the ${slice(group, before - 1)}`;
    const done = doneTo(words, last + 1, text);
    if (done) return `${noun} ${done}`;
  }
  const link = words[before]?.normal;
  // "Turnout was 58.4 percent": the subject of the copula.
  if (is(words[before], 'Copula')) {
    const subject = nounRunBackward(words, before - 1);
    return subject >= 0 ? slice(subject, before - 1) : undefined;
  }
  // "a pay increase of 14 percent", "unemployment rose to 11.4 percent", "cut migraine days by 41 percent".
  if (link === 'of' || link === 'to' || link === 'by' || link === 'for') {
    let nounEnd = before - 1;
    const verb = words[nounEnd];
    if (link !== 'of' && is(verb, 'Verb')) {
      // "had fallen to 81 percent": the subject before the verb (and its auxiliaries) is what it measures.
      nounEnd -= 1;
      while (nounEnd > 0 && is(words[nounEnd], 'Verb', 'Auxiliary', 'Adverb', 'Negative')) nounEnd -= 1;
      const [subject, subjectEnd] = ownerOf(words, nounRunBackward(words, nounEnd), nounEnd);
      // "Sales of brewers and accessories declined by 23 percent": the last of joined nouns is not the subject.
      if (subject < 0 || COORDINATORS.has(words[subject - 1]?.normal ?? '')) return undefined;
      const noun = slice(subject, subjectEnd);
      const change = CHANGE_NOUNS[verb!.normal];
      return link === 'by' && change ? `${change} in ${noun}` : link === 'to' ? noun : undefined;
    }
    const run = nounRunBackward(words, nounEnd);
    // "dropped 6 basis points to 3.52 percent": that noun is the unit of the other number.
    if (run < 0 || is(words[run - 1], 'Value')) return undefined;
    const [from, fromEnd] = link === 'to' ? ownerOf(words, run, nounEnd) : [run, nounEnd];
    const noun = slice(from, fromEnd);
    // "a trial of 2,340 patients": the count is of the patients in the trial, not of trials.
    const counted = text.slice(end, shownEnd).trim();
    if (link === 'of' && counted && COLLECTIVE.test(words[nounEnd]!.normal))
      return `${counted} in the ${noun}`;
    // "came to the rescue of 71 beagles": with its counted word beside it, the noun that owns the
    // count is something else (the rescue), not what is counted.
    if (link === 'of' && counted) return undefined;
    const verbBefore = words[from - 1];
    if (link === 'by' && verbBefore && CHANGE_NOUNS[verbBefore.normal])
      return `${CHANGE_NOUNS[verbBefore.normal]} in ${noun}`;
    if (link === 'for' && verbBefore && PRICE_VERBS.test(verbBefore.normal)) return `price of ${noun}`;
    if (link === 'to') {
      // "bonuses to 2,000,000 workers": what goes to the workers is not what the count counts.
      if (counted) return undefined;
      // "The tribunal cut the increase to 4 percent": the value after the change, not the increase
      // first asked for; a box that also holds "19 percent — rent increase" must say which is which.
      // "limits a planned tariff increase to 15 percent": the figure is the cap, not the increase
      // planned (25 percent).
      if (cappedBy(words, from))
        return `cap on ${noun.replace(/^(?:(?:a|an|the)\s+)?(?!(?:its|their|his|her)\s)/i, 'the ')}`;
      const changed = changedBy(words, from);
      if (changed)
        return `${changed} ${noun
          .split(/\s+/)
          .filter((w, i) => i > 0 || !LEADING.has(w.toLowerCase()))
          .join(' ')}`;
    }
    // "a pay increase of 14 percent", "its main interest rate to 4.5%".
    return link === 'of' || link === 'to' ? noun : undefined;
  }
  return undefined;
}

// Verbs that set a value anew ("cut the increase to 4 percent"), by the change they make.
const SET_TO: Record<string, string> = {
  cut: 'reduced',
  cuts: 'reduced',
  reduced: 'reduced',
  reduces: 'reduced',
  lowered: 'reduced',
  lowers: 'reduced',
  trimmed: 'reduced',
  slashed: 'reduced',
  raised: 'raised',
  raises: 'raised',
  increased: 'raised',
  lifted: 'raised',
  boosted: 'raised',
  hiked: 'raised',
};

/** The words `changedBy` puts before a label: a caller may drop them where nothing needs telling apart. */
export const SET_TO_PREFIX = /^(?:reduced|raised) /;

/**
 * "reduced" or "raised" when the noun phrase opening at word `from` is the object of a verb that
 * set it to the figure ("cut the increase to 4 percent", "raised its dividend to 40 cents"); not
 * when the change is only planned ("plans to cut the rate to 3 percent", "would cut").
 */
function changedBy(words: readonly TaggedWord[], from: number): string | undefined {
  let k = from - 1;
  while (k >= 0 && is(words[k], 'Determiner', 'Possessive') && !endsClause(words[k]!)) k--;
  const verb = words[k];
  const change = verb && !endsClause(verb) ? SET_TO[verb.normal] : undefined;
  if (!change) return undefined;
  const prior = words[k - 1];
  return prior && (prior.normal === 'to' || is(prior, 'Modal')) ? undefined : change;
}

// Verbs that hold a value down to a figure, which is then its limit.
const CAPS = /^(?:limits?|limited|limiting|caps?|capped|capping)$/;

/** Whether the noun phrase opening at word `from` is the object of a verb that caps it ("limits a … increase"). */
function cappedBy(words: readonly TaggedWord[], from: number): boolean {
  let k = from - 1;
  while (k >= 0 && is(words[k], 'Determiner', 'Possessive') && !endsClause(words[k]!)) k--;
  const verb = words[k];
  return verb !== undefined && !endsClause(verb) && CAPS.test(verb.normal);
}

const PER_UNIT = /^\s*(?:a|an|per|each)\s+(?!(?:day|week|month|year|hour|minute|second)s?\b)\p{L}/iu;
const COORDINATORS = new Set(['and', 'or', 'nor']);

function lastIndexBefore(words: readonly TaggedWord[], start: number): number {
  let i = -1;
  for (let j = 0; j < words.length && words[j]!.end <= start; j++) i = j;
  return i;
}

/** True when the figure ends its clause ("… rose 4 percent, the data showed"). */
function endsAt(words: readonly TaggedWord[], _before: number, _start: number, end: number): boolean {
  const last = words.filter((w) => w.end <= end).at(-1);
  return last !== undefined && endsClause(last);
}

// A distance or a speed is part of its number ("90 kilometres", "5,900 meters"): what it measures is said
// around it ("gusts of up to 90 kilometres per hour"), never by the unit.
const NUMBER = new RegExp(
  String.raw`^[^\d]{0,3}[\d.,]*\d` +
    String.raw`(?:\s*(?:million|billion|trillion|thousand|bn|mn|m|k|percent|per cent)(?![\p{L}])|\s*%)?` +
    String.raw`(?:\s*(?:kilomet(?:re|er)s?|km|miles?|mph|feet|foot|ft|inch(?:es)?|met(?:re|er)s?)(?![\p{L}]))?`,
  'iu',
);

/** Characters of a figure's text that make the number itself ("$3.4 million", "6,800", "90 kilometres"). */
export function numberLength(text: string): number {
  // "one worker", "three ships": a number word.
  const word = /^\p{L}+(?=\s)/u.exec(text);
  if (word) return word[0].length;
  return NUMBER.exec(text)?.[0].length ?? text.length;
}

/** A label without leading unit words or punctuation; undefined when no word is left. */
export function cleanLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const words = label.trim().split(/\s+/);
  while (
    words.length > 1 &&
    (UNIT_WORDS.has(words[0]!.toLowerCase()) || LEADING.has(words[0]!.toLowerCase()))
  )
    words.shift();
  const text = words.join(' ').replace(/^[^\p{L}]+|[^\p{L}\p{N})]+$/gu, '');
  if (VACANT.has(text.toLowerCase())) return undefined;
  return /\p{L}{2}/u.test(text) ? text : undefined;
}
