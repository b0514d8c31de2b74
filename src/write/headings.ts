import { stem } from '../verify/text.js';
import { is, type TaggedWord } from './nlp.js';

/**
 * Section headings a reader would write: a noun phrase built from the section's own words ("Pay
 * increase over three years", "The recount's scanners"), never a lone word, a weekday or month, or
 * an upper-case dateline word; or a function heading for sentences that report speech, look ahead
 * or go back.
 */

/** The function headings, in the order their sections close an article. */
export const FUNCTION_HEADINGS = ['Reaction', 'What was said', 'Background', 'What comes next'] as const;
export type FunctionHeading = (typeof FUNCTION_HEADINGS)[number];

const REACTION =
  /\b(?:welcom|condemn|criticis|criticiz|prais|denounc|slamm?|applaud|respond|react|hail|decr(?:y|ied)|blast(?:ed)?)\w*\b/i;
const AHEAD =
  /\b(?:will|is expected to|are expected to|plans? to|planned to|intends? to|is set to|are set to|is scheduled|are scheduled|is due to|are due to|next (?:week|month|year)|in the coming|later this (?:week|month|year)|would be (?:decided|announced|held))\b/i;
const EARLIER =
  /\b(?:had (?:been|already|previously|long)|previously|earlier this year|last (?:year|month)|years? ago|in (?:19|20)\d\d|since (?:19|20)\d\d|was founded|first (?:opened|introduced|launched))\b/i;
const SPEECH = /\b(?:said|says|told|according to|stated|added|explained|argued|warned)\b/i;

/** The function a sentence serves, or undefined for a sentence about the story's substance. */
export function sentenceFunction(text: string, quoted: boolean): FunctionHeading | undefined {
  if (REACTION.test(text) && (quoted || SPEECH.test(text))) return 'Reaction';
  if (quoted) return 'What was said';
  if (AHEAD.test(text)) return 'What comes next';
  if (EARLIER.test(text)) return 'Background';
  return undefined;
}

const DROPPED_DETERMINERS = new Set([
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'some',
  'any',
  'another',
  // "their own maintenance procedures": without "their", "own" opens nothing.
  'own',
]);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const LINKS = new Set(['of', 'to', 'for', 'in', 'over', 'against', 'on', 'at', 'from']);
const MAX_WORDS = 6;
const TIME_WORDS = new Set(
  'last next past night nights morning mornings afternoon evening evenings today tonight yesterday tomorrow weekend overnight'.split(
    ' ',
  ),
);

/** A noun phrase in a sentence: its words and the stems of its content words. */
interface Phrase {
  words: TaggedWord[];
  stems: string[];
  /** The sentence the phrase is in: a heading keeps its exact wording ("open-ended", "$350"). */
  sentence: string;
}

/**
 * The best noun phrase naming a group of sentences: the one whose content words recur most across
 * the group and least in `avoid` (the headline, lede and other headings). Undefined when no
 * sentence holds a phrase of two content words or more.
 */
export function nounPhraseHeading(
  sentences: readonly { text: string; words: TaggedWord[] }[],
  avoid: ReadonlySet<string>,
): string | undefined {
  const tagged = sentences.map((s) => s.words);
  const groupStems = tagged.map((words) => new Set(words.map((w) => stem(w.normal))));
  let best: { phrase: Phrase; value: number } | undefined;
  for (const { text, words } of sentences) {
    for (const phrase of phrasesIn(words, text)) {
      const recur = phrase.stems.reduce(
        (n, s) => n + groupStems.filter((g) => g.has(s)).length / tagged.length,
        0,
      );
      const known = phrase.stems.filter((s) => avoid.has(s)).length / phrase.stems.length;
      const common = is(phrase.words.at(-1), 'ProperNoun') ? 0 : 0.5;
      const value = recur / phrase.stems.length + common + 0.15 * Math.min(phrase.stems.length, 3) - known;
      // "Self-defense" is two tagged words but one written word: a heading needs two.
      if (format(phrase).split(/\s+/).length < 2 || !namesATopic(phrase)) continue;
      if (!best || value > best.value) best = { phrase, value };
    }
  }
  return best ? format(best.phrase) : undefined;
}

// Heads that name who speaks ("The board's chair"), not what a section is about.
const PERSON_HEADS = new Set(
  'chair chairman chairwoman chairperson officer spokesperson spokesman spokeswoman minister president director manager executive chief secretary official officials analyst analysts governor mayor commissioner leader leaders founder head spokespeople party'.split(
    ' ',
  ),
);
// Words the tagger takes for a head noun that leave the phrase unfinished ("Economic relationship worth").
// So are reporting verbs it takes for a noun after a plural ("Customs data show").
const OPEN_ENDS = new Set([
  'worth',
  'own',
  'alone',
  'such',
  'same',
  'more',
  'less',
  'show',
  'suggest',
  'say',
]);

// A phrase that opens or ends on a unit ("Percentage points to consumer prices") belongs to a figure.
const UNIT_WORDS = new Set(['percent', 'percentage', 'point', 'points', 'basis', 'per']);

/** Whether a phrase names a subject: not a speaker's role, not a figure's tail, not left open. */
function namesATopic(phrase: Phrase): boolean {
  const head = phrase.words.at(-1)!.normal;
  const opener = phrase.words.find((w) => !DROPPED_DETERMINERS.has(w.normal) && w.normal !== 'the');
  return (
    !PERSON_HEADS.has(head) &&
    !OPEN_ENDS.has(head) &&
    !UNIT_WORDS.has(head) &&
    !UNIT_WORDS.has(opener?.normal ?? '')
  );
}

/** Maximal noun phrases: modifiers and a noun head, then at most one linked phrase ("damage to homes"). */
function phrasesIn(all: readonly TaggedWord[], sentence: string): Phrase[] {
  // A speaker's words ("Our first thoughts are with…") are theirs, not a name for the section.
  const quoted = quotedSpans(sentence);
  const words = all.filter((w) => !quoted.some(([from, to]) => w.start >= from && w.end <= to));
  const out: Phrase[] = [];
  let i = 0;
  while (i < words.length) {
    const start = i;
    let end = nounRun(words, i);
    if (end === start) {
      i++;
      continue;
    }
    if (
      LINKS.has(words[end - 1]!.normal) === false &&
      !endsClause(words[end - 1]!) &&
      LINKS.has(words[end]?.normal ?? '')
    ) {
      let j = end + 1;
      if (is(words[j], 'Determiner')) j++;
      const linked = nounRun(words, j);
      if (linked > j && linked - start <= MAX_WORDS) end = linked;
    }
    const phrase = withoutCount(words.slice(start, end));
    const content = phrase.filter((w) => !is(w, 'Determiner', 'Preposition') && !LINKS.has(w.normal));
    if (content.length >= 2 && phrase.length <= MAX_WORDS + 1) {
      out.push({ words: phrase, stems: content.map((w) => stem(w.normal)), sentence });
    }
    i = end;
  }
  return out;
}

/**
 * A phrase without the count it opens on: "93,240 votes" is a figure and "Two display cases" a
 * fragment, where "votes" (too short to serve) or "Display cases" names the thing itself. Ordinals
 * ("First reduction") stay; so does a number inside the phrase ("Power to 14,000 customers").
 */
function withoutCount(phrase: TaggedWord[]): TaggedWord[] {
  const cardinal = (w: TaggedWord | undefined) =>
    w !== undefined && (w.text.trim() === '' || (is(w, 'Value', 'Money', 'Percent') && !is(w, 'Ordinal')));
  let i = 0;
  while (
    i < phrase.length &&
    (cardinal(phrase[i]) ||
      ((DROPPED_DETERMINERS.has(phrase[i]!.normal) || phrase[i]!.normal === 'the') &&
        cardinal(phrase[i + 1])))
  )
    i++;
  return phrase.slice(i);
}

/** End (exclusive) of a run of modifiers closed by a noun, from `i`; `i` when there is none. */
function nounRun(words: readonly TaggedWord[], i: number): number {
  let j = i;
  if (is(words[j], 'Determiner') && !is(words[j], 'Value')) j++;
  let lastNoun = i;
  for (; j < words.length && j - i < MAX_WORDS; j++) {
    const w = words[j]!;
    if (!modifier(w)) break;
    if (is(w, 'Noun') && !is(w, 'Pronoun', 'Value', 'Date', 'Unit')) lastNoun = j + 1;
    if (endsClause(w)) break;
  }
  return lastNoun;
}

function modifier(w: TaggedWord): boolean {
  if (
    is(
      w,
      'Date',
      'WeekDay',
      'Month',
      'Pronoun',
      'Verb',
      'Adverb',
      'Conjunction',
      'Preposition',
      'QuestionWord',
    )
  )
    return false;
  if (/^\p{Lu}[\p{Lu}.'’-]+$/u.test(w.text)) return false;
  // The tagger may take "its" or "their" for a possessive noun ("The museum cut its"): a pronoun
  // names nothing, and one inside a run joins two phrases.
  if (POSSESSIVE_PRONOUNS.has(w.normal)) return false;
  // "Last night", "this morning" say when, not what: the tagger calls them nouns and adjectives.
  if (TIME_WORDS.has(w.normal)) return false;
  return is(w, 'Noun', 'Adjective', 'Value', 'Possessive', 'Money', 'Percent');
}

function endsClause(w: TaggedWord): boolean {
  return /[,;:.!?)"”—–]/.test(w.post);
}

function format(phrase: Phrase): string {
  const words = [...phrase.words];
  // "that its solar panels": every leading determiner goes, not only the first.
  while (words.length > 1 && DROPPED_DETERMINERS.has(words[0]!.normal)) words.shift();
  // The tagger splits "2-1" into words of no text: a phrase may start on one, at a space.
  const text = phrase.sentence
    .slice(words[0]!.start, words.at(-1)!.end)
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}$£€]+|["”’),.;:!?]+$/gu, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Character spans of the sentence between quotation marks. */
function quotedSpans(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  const marks = [...sentence.matchAll(/["“”]/g)].map((m) => m.index!);
  for (let k = 0; k + 1 < marks.length; k += 2) spans.push([marks[k]!, marks[k + 1]! + 1]);
  return spans;
}
