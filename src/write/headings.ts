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
  /** Whether the phrase stands before the sentence's first verb: what the sentence is about. */
  subject: boolean;
}

/** Stems a heading should not repeat: `used` by other headings (hard), `told` above the sections (soft). */
export interface HeadingContext {
  used: ReadonlySet<string>;
  told?: ReadonlySet<string>;
}

// Nouns that name no subject of their own: "The company", "The officials".
const GENERIC_HEADS = new Set(
  'company companies people person government official officials year years day days week weeks month months time times number numbers country countries city cities state group groups part way statement report reports news thing things man men woman women case cases area areas place places site sites region'.split(
    ' ',
  ),
);

/**
 * The best noun phrase naming a group of sentences: the one whose words, and above all whose head
 * noun, recur across the group (what its sentences are about, not a detail of one), short, in a
 * sentence's subject, and not already a heading; words told above the sections count a little
 * against it. Undefined when no sentence holds a phrase of two written words that names a topic.
 */
export function nounPhraseHeading(
  sentences: readonly { text: string; words: TaggedWord[] }[],
  avoid: ReadonlySet<string> | HeadingContext,
): string | undefined {
  const { used, told = new Set<string>() } =
    avoid instanceof Set ? { used: avoid } : (avoid as HeadingContext);
  const n = sentences.length;
  const groupStems = sentences.map(({ words }) => new Set(words.map((w) => stem(w.normal))));
  const share = (s: string) => groupStems.filter((g) => g.has(s)).length / n;
  const mentions = (normal: string) =>
    sentences.filter(({ words }) => words.some((w) => w.normal === normal)).length;
  let best: { phrase: Phrase; value: number } | undefined;
  for (const { text, words } of sentences) {
    for (const phrase of phrasesIn(words, text)) {
      const k = phrase.stems.length;
      const head = phrase.stems.at(-1)!;
      // A phrase of one noun ("The scanners") serves only when every other sentence is about it too.
      const noun = phrase.words.at(-1)!;
      // A phrase of one noun ("The machines") serves only when another sentence names the same thing.
      if (
        k === 1 &&
        (n < 2 || !lowerCase(noun) || GENERIC_HEADS.has(noun.normal) || mentions(noun.normal) < 2)
      )
        continue;
      const text = format(phrase);
      if (text.split(/\s+/).length < 2 || !namesATopic(phrase)) continue;
      // "Marco Rubio (R-Fla": a phrase cut inside brackets.
      if ((text.match(/\(/g)?.length ?? 0) !== (text.match(/\)/g)?.length ?? 0)) continue;
      const cover = phrase.stems.reduce((sum, s) => sum + share(s), 0) / k;
      const fraction = (set: ReadonlySet<string>) => phrase.stems.filter((s) => set.has(s)).length / k;
      const common = is(phrase.words.at(-1), 'ProperNoun') ? 0 : 0.4;
      // A count or sum inside the phrase ("Power to 14,000 customers") makes it one sentence's detail.
      const counted = phrase.words.some((w) => is(w, 'Value', 'Money', 'Percent') && !is(w, 'Ordinal'));
      const value =
        cover +
        share(head) +
        common +
        LENGTH_PRIOR[Math.min(k, LENGTH_PRIOR.length) - 1]! +
        (phrase.subject ? 0.15 : 0) -
        (counted ? 0.4 : 0) -
        0.5 * fraction(told) -
        1.5 * fraction(used);
      if (!best || value > best.value) best = { phrase, value };
    }
  }
  return best ? format(best.phrase) : undefined;
}

// What a phrase of 1, 2, 3, 4 and more content words is worth: a heading is two or three words.
const LENGTH_PRIOR = [-0.2, 0.3, 0.3, 0.1, -0.1];

// Heads that name who speaks ("The board's chair"), not what a section is about.
const PERSON_HEADS = new Set(
  'chair chairman chairwoman chairperson officer spokesperson spokesman spokeswoman minister president director manager executive chief secretary official officials analyst analysts governor mayor commissioner leader leaders founder head spokespeople party speaker senator sen rep gov judge sheriff coach'.split(
    ' ',
  ),
);
// Words the tagger takes for a head noun that leave the phrase unfinished ("Economic relationship worth").
// So are reporting verbs it takes for a noun after a plural ("Customs data show").
const OPEN_ENDS = new Set([
  // "the rapper best (known for)": a superlative the tagger takes for a noun before a participle
  'best',
  'worst',
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

// A phrase that opens on a quantity of something ("None of the text", "Mixture of hope") names how
// much of it, not what a section is about.
const PARTITIVES = new Set(
  'none all each most many much several few lot lots plenty rest mixture kind sort bit piece variety range host'.split(
    ' ',
  ),
);

// A phrase that opens or ends on a unit ("Percentage points to consumer prices") belongs to a figure.
const UNIT_WORDS = new Set(['percent', 'percentage', 'point', 'points', 'basis', 'per']);

/** Whether a phrase names a subject: not a speaker's role, not a figure's tail, not left open. */
function namesATopic(phrase: Phrase): boolean {
  const head = phrase.words.at(-1)!.normal;
  // "the leverage Calvera (needed)", "company Tallyform": a name after a common noun opens a clause
  // or stands in apposition; the phrase names neither.
  const beforeHead = phrase.words.at(-2);
  if (is(phrase.words.at(-1), 'ProperNoun') && beforeHead && lowerCase(beforeHead) && is(beforeHead, 'Noun'))
    return false;
  // "The Harbour Times' Dana Velloway": a name after an owner is someone of theirs.
  const owner = phrase.words.at(-3);
  if (
    is(phrase.words.at(-1), 'ProperNoun') &&
    is(phrase.words.at(-2), 'ProperNoun') &&
    owner &&
    (is(owner, 'Possessive') || /['’]s?$/u.test(owner.text) || /^['’]/u.test(owner.post))
  )
    return false;
  // "Superintendent Ravi Dunstan", "Trade Minister Mara Ellison": a title before a name names a person.
  if (
    is(phrase.words.at(-1), 'ProperNoun') &&
    phrase.words.slice(0, -1).some((w) => is(w, 'Actor', 'Honorific') || PERSON_HEADS.has(w.normal))
  )
    return false;
  const opener = phrase.words.find((w) => !DROPPED_DETERMINERS.has(w.normal) && w.normal !== 'the');
  return (
    !PERSON_HEADS.has(head) &&
    // A person, a role ("headache specialist") or a place ("The River Harrow") is who or where.
    !is(phrase.words.at(-1), 'Person', 'Honorific', 'Actor', 'Place') &&
    !OPEN_ENDS.has(head) &&
    !UNIT_WORDS.has(head) &&
    !UNIT_WORDS.has(opener?.normal ?? '') &&
    !PARTITIVES.has(opener?.normal ?? '')
  );
}

/**
 * Noun phrases: each maximal run of modifiers and a noun head with at most one linked phrase
 * ("damage to homes"), the run without its link, and the run's shorter tails ("security staff" in
 * "overnight security staff"), never cutting a name in two.
 */
function phrasesIn(all: readonly TaggedWord[], sentence: string): Phrase[] {
  // A speaker's words ("Our first thoughts are with…") are theirs, not a name for the section.
  const quoted = quotedSpans(sentence);
  const words = all.filter((w) => !quoted.some(([from, to]) => w.start >= from && w.end <= to));
  const firstVerb = words.findIndex((w) => is(w, 'Verb'));
  const out: Phrase[] = [];
  const add = (slice: TaggedWord[], at: number) => {
    const phrase = withoutCount(slice);
    const opener = phrase.find((w) => !is(w, 'Ordinal', 'Determiner'));
    if (!opener || verbLike(words, words.indexOf(opener))) return;
    const last = words.indexOf(phrase.at(-1)!);
    // "Estmark commits to…": in a sentence with no verb, a plural after the name is its verb.
    if (firstVerb < 0 && is(words[last], 'Plural') && /^\p{Lu}/u.test(words[last - 1]?.text ?? '')) return;
    // "The mission cost $410 million": a head followed by a sum is the verb of the sentence.
    const next = words[last + 1];
    if (phrase.length > 1 && is(next, 'Money', 'Value') && !is(next, 'Ordinal') && !endsClause(words[last]!))
      return;
    const content = phrase.filter((w) => !is(w, 'Determiner', 'Preposition') && !LINKS.has(w.normal));
    const single =
      content.length === 1 &&
      phrase.length <= 2 &&
      is(phrase.at(-1), 'Noun') &&
      !is(phrase.at(-1), 'ProperNoun', 'Possessive');
    if ((content.length >= 2 || single) && phrase.length <= MAX_WORDS + 1) {
      const subject = firstVerb < 0 || at < firstVerb;
      out.push({ words: phrase, stems: content.map((w) => stem(w.normal)), sentence, subject });
    }
  };
  let i = 0;
  while (i < words.length) {
    const start = i;
    const run = nounRun(words, i);
    let end = run;
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
    // A link to a name or to a word of no subject ("in the area", "at the Coalition's offices")
    // is where something is, not what.
    const linked = words.slice(run, end);
    if (
      end === run ||
      (!is(linked.at(-1), 'ProperNoun') &&
        !GENERIC_HEADS.has(linked.at(-1)!.normal) &&
        !linked.some((w) => is(w, 'ProperNoun')))
    )
      add(words.slice(start, end), start);
    if (end > run) add(words.slice(start, run), start);
    for (let from = start + 1; from < run - 1; from++) {
      const cut = words[from - 1]!;
      if (is(cut, 'ProperNoun') && is(words[from], 'ProperNoun')) continue;
      if (is(cut, 'Determiner') && from - 1 === start) continue;
      // "the returning officer's budget": a tail does not open on an owner cut from its own modifier.
      if (is(words[from], 'Possessive')) continue;
      add(words.slice(from, run), start);
    }
    i = end;
  }
  return out;
}

/**
 * Whether the word at `i` is a verb the tagger took for a modifier: an "-ed" or "-ing" word after
 * a noun, a name, a number or a comma ("had first received reports", "2025 used cells", "months,
 * saying inflation") rather than after a determiner or preposition ("the finishing hall"); any
 * word after "been" ("has been set back").
 */
function verbLike(words: readonly TaggedWord[], i: number): boolean {
  const w = words[i];
  const before = words[i - 1];
  if (!w || !before) return false;
  // "has been set back": after "been" a word is a participle, whatever its ending.
  if (before.normal === 'been' || before.normal === 'being') return true;
  if (!/^[\p{L}]+(?:ed|ing)$/u.test(w.text)) return false;
  if (endsClause(before)) return true;
  if (is(before, 'Determiner', 'Preposition', 'Possessive', 'Adjective')) return false;
  return is(before, 'Noun', 'Value', 'Ordinal', 'Adverb', 'Verb');
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

function lowerCase(w: TaggedWord): boolean {
  return w.text === w.text.toLowerCase();
}

function endsClause(w: TaggedWord): boolean {
  return /[,;:.!?)"”—–]/.test(w.post);
}

function format(phrase: Phrase): string {
  // A lone noun is named as the thing the sentences speak of: "The machines".
  if (phrase.stems.length === 1)
    return `The ${phrase.words
      .at(-1)!
      .text.toLowerCase()
      .replace(/["”’),.;:!?]+$/u, '')}`;
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
