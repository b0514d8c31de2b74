import { stem } from '../verify/text.js';
import { is, lexiconTag, type TaggedWord } from './nlp.js';

/**
 * Noun phrases in a tagged sentence, as candidates for a section heading: runs of modifiers closed
 * by a noun, with at most one linked phrase, never through a quote, a verb the tagger took for a
 * modifier, or a count the phrase opens on.
 */

export const DROPPED_DETERMINERS = new Set([
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
export interface Phrase {
  words: TaggedWord[];
  stems: string[];
  /** The sentence the phrase is in: a heading keeps its exact wording ("open-ended", "$350"). */
  sentence: string;
  /** Whether the phrase stands before the sentence's first verb: what the sentence is about. */
  subject: boolean;
}

// Nouns that name no subject of their own: "The company", "The officials".
const GENERIC_HEADS = new Set(
  'company companies people person government official officials year years day days week weeks month months time times number numbers country countries city cities state group groups part way statement report reports news thing things man men woman women case cases area areas place places site sites region'.split(
    ' ',
  ),
);

/**
 * Noun phrases: each maximal run of modifiers and a noun head with at most one linked phrase
 * ("damage to homes"), the run without its link, and the run's shorter tails ("security staff" in
 * "overnight security staff"), never cutting a name in two.
 */
export function phrasesIn(tagged: readonly TaggedWord[], sentence: string): Phrase[] {
  const all = withPluralNouns(tagged);
  // A speaker's words ("Our first thoughts are with…") are theirs, not a name for the section.
  const quoted = quotedSpans(sentence);
  const words = all.filter((w) => !quoted.some(([from, to]) => w.start >= from && w.end <= to));
  const place = new Map(all.map((w, k) => [w, k]));
  const adjacent = (phrase: readonly TaggedWord[]) =>
    phrase.every((w, k) => k === 0 || place.get(w) === place.get(phrase[k - 1]!)! + 1);
  const firstVerb = words.findIndex((w) => is(w, 'Verb'));
  const out: Phrase[] = [];
  const add = (slice: TaggedWord[], at: number) => {
    const phrase = withoutCount(slice);
    const opener = phrase.find((w) => !is(w, 'Ordinal', 'Determiner'));
    if (!opener || verbLike(words, words.indexOf(opener))) return;
    // "(argued) over steel quotas": a phrase opens on its noun's modifiers, never on a link.
    if (LINKS.has(phrase[0]!.normal)) return;
    // "his E. coli-addled brain": the tagger leaves an initial out of a run; the rest is cut from a name.
    const before = all[place.get(phrase[0]!)! - 1];
    if (before && /^\p{Lu}$/u.test(before.text) && before.post.startsWith('.')) return;
    // "The authoritative record of NPR’s (programming)", "a private member's (bill)": an owner
    // closes no phrase.
    if (/['’]s?$/u.test(phrase.at(-1)!.text) || /^['’]/u.test(phrase.at(-1)!.post)) return;
    const last = words.indexOf(phrase.at(-1)!);
    // Each noun that closes a part of the phrase (the head, the noun before a link) must be one.
    const closing = phrase.filter((_, k) => k === phrase.length - 1 || LINKS.has(phrase[k + 1]!.normal));
    if (closing.some((w) => verbHead(words, words.indexOf(w)))) return;
    // "his infamous made-for-television special", "a 300-foot yacht": a phrase is cut at a space,
    // never inside words joined by hyphens; nor does it run across a quote left out between two of
    // its words.
    const hyphen = /[-‐‑]/u;
    if (
      hyphen.test(sentence.charAt(phrase.at(-1)!.end)) ||
      hyphen.test(sentence.charAt(phrase[0]!.start - 1)) ||
      !adjacent(phrase)
    )
      return;
    // "a new headquarters (fit-out)": a hyphenated word after the phrase carries on its compound.
    const following = all[place.get(phrase.at(-1)!)! + 1];
    if (following && is(following, 'Hyphenated') && !is(following, 'Verb') && lowerCase(following)) return;
    // "Estmark commits to…": in a sentence with no verb, a plural after the name is its verb.
    if (firstVerb < 0 && is(words[last], 'Plural') && /^\p{Lu}/u.test(words[last - 1]?.text ?? '')) return;
    const next = words[last + 1];
    // "in the wake (of recent attacks)", "the Bank (of Calvera)": a phrase followed by "of" is the
    // first part of a longer one.
    if (next?.normal === 'of' && !endsClause(words[last]!)) return;
    // "The mission cost $410 million": a head followed by a sum is the verb of the sentence.
    if (phrase.length > 1 && is(next, 'Money', 'Value') && !is(next, 'Ordinal') && !endsClause(words[last]!))
      return;
    const content = phrase.filter((w) => !is(w, 'Determiner', 'Preposition') && !LINKS.has(w.normal));
    // A lone noun ("The inflation", "The authority") names a thing the section mentions, not what it
    // says of it: a heading says something of it ("Core inflation", "The authority's offer").
    if (content.length >= 2 && phrase.length <= MAX_WORDS + 1) {
      const subject = firstVerb < 0 || at < firstVerb;
      out.push({ words: phrase, stems: content.map(wordStem), sentence, subject });
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
      LINKS.has(words[end]?.normal ?? '') &&
      !secondObject(words, start, end)
    ) {
      let j = end + 1;
      if (is(words[j], 'Determiner')) j++;
      const linked = nounRun(words, j);
      if (linked > j && linked - start <= MAX_WORDS) end = linked;
    }
    // A link to a name or to a word of no subject ("in the area", "at the Coalition's offices")
    // is where something is, not what. A name with a link other than "of" ("asked Hjort for help",
    // "said Sanders in an interview") is someone and how a verb reached them: no phrase either.
    const linked = words.slice(run, end);
    if (
      end === run ||
      (!is(linked.at(-1), 'ProperNoun') &&
        !(is(words[run - 1], 'ProperNoun') && words[run]!.normal !== 'of') &&
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
      // "the box office juggernaut": a tail does not cut a compound of common nouns ("office
      // juggernaut"); it may drop an adjective ("local history collection") or an owner.
      if (compounded(cut)) continue;
      add(words.slice(from, run), start);
    }
    i = end;
  }
  return out;
}

// Words that open another clause, whose verb is not the sentence's.
const CLAUSE_WORDS = new Set([
  'who',
  'which',
  'that',
  'and',
  'or',
  'but',
  'when',
  'while',
  'because',
  'if',
  'as',
  'where',
]);

/**
 * The words with each plural noun the tagger took for a verb ("progress in the trade talks with
 * Estmark", "the peace talks in Geneva stalled") tagged as one: an "-s" word after a determiner and
 * a common noun that is no person, before a preposition, where the determiner follows a preposition
 * or a verb of the same clause comes later. "The man walks with a cane" keeps its verb: a man
 * walks, and no verb follows; so does "The dog barks at the postman who runs past", whose next verb
 * is another clause's.
 */
export function withPluralNouns(words: readonly TaggedWord[]): TaggedWord[] {
  return words.map((w, i) => {
    const [det, noun, next] = [words[i - 2], words[i - 1], words[i + 1]];
    if (!det || !noun || !next || !is(w, 'PresentTense') || !/^\p{Ll}+s$/u.test(w.text)) return w;
    if (!is(det, 'Determiner') || is(det, 'Value') || endsClause(det) || endsClause(noun) || endsClause(w))
      return w;
    if (
      !is(noun, 'Noun') ||
      is(noun, 'Actor', 'Person', 'Pronoun', 'ProperNoun', 'Plural') ||
      !lowerCase(noun)
    )
      return w;
    if (!is(next, 'Preposition')) return w;
    const governed = is(words[i - 3], 'Preposition');
    const rest = words.slice(i + 2);
    const clause = rest.findIndex((v) => CLAUSE_WORDS.has(v.normal));
    // A word right after a preposition or determiner is no verb, whatever its tag ("in caves").
    const verbLater = rest
      .slice(0, clause < 0 ? rest.length : clause)
      .some(
        (v, k) =>
          is(v, 'Verb') &&
          !is(v, 'Infinitive', 'Gerund') &&
          !is(k === 0 ? next : rest[k - 1], 'Preposition', 'Determiner', 'Adjective'),
      );
    if (!governed && !verbLater) return w;
    return { ...w, tags: new Set(['Noun', 'Plural']) };
  });
}

/**
 * Whether the link after the phrase from `start` to `end` takes a verb's second object ("dedicated
 * the win to families", "brought the meeting to a halt"), not the phrase's: a verb before a
 * phrase opening on "the" and "to" after it. "caused damage to homes" keeps its link.
 */
function secondObject(words: readonly TaggedWord[], start: number, end: number): boolean {
  return words[end]?.normal === 'to' && words[start]?.normal === 'the' && is(words[start - 1], 'Verb');
}

/**
 * Whether a word before a noun makes a compound with it ("box office", "carbon monoxide"): a common
 * noun, not one the lexicon lists as an adjective or a person ("cold air", "human blood vessels"),
 * nor an owner, a name or a quantity.
 */
function compounded(w: TaggedWord): boolean {
  const alone = lexiconTag(w.normal);
  return (
    is(w, 'Noun') &&
    !is(w, 'Adjective', 'Possessive', 'ProperNoun', 'Value') &&
    lowerCase(w) &&
    alone !== 'Adjective' &&
    alone !== 'Actor' &&
    !QUANTIFIERS.has(w.normal)
  );
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

// Auxiliaries the tagger takes for a noun after an adjective ("The three oldest have gone on").
const AUXILIARIES = new Set(['have', 'has', 'had', 'do', 'does', 'did']);

/**
 * Whether the head at `i` is a verb or an adjective the tagger took for a noun: an auxiliary, a
 * word that on its own reads as a past tense or an adjective ("most active had a lower risk",
 * "a big fat no"), a word followed by an object or a clause ("helped Americans understand
 * why"), or an "-ing" or "-ed" word after a plural or a name ("Officers responding to the scene").
 */
function verbHead(words: readonly TaggedWord[], i: number): boolean {
  const w = words[i]!;
  if (AUXILIARIES.has(w.normal)) return true;
  // "a big fat no": a word the lexicon lists as an adjective is one after another adjective, where
  // "Feld's future" (listed as an adjective too) is a noun.
  const alone = lexiconTag(w.normal);
  if (alone === 'PastTense' || (alone === 'Adjective' && is(words[i - 1], 'Adjective', 'Adverb')))
    return true;
  const next = words[i + 1];
  if (next && !endsClause(w) && (OBJECT_OPENERS.has(next.normal) || CLAUSE_OPENERS.has(next.normal)))
    return true;
  return /^\p{L}+(?:ed|ing)$/u.test(w.text) && is(words[i - 1], 'Plural', 'ProperNoun');
}

// Words that open a verb's object: a noun is not followed by one directly ("had a lower risk",
// "helped them", "The museum cut its overnight staff"). Not "the": a clause may follow a noun without
// "that" ("the plan the council approved").
const OBJECT_OPENERS = new Set(['a', 'an', 'him', 'her', 'them', 'us', 'me', 'its', 'their', 'his', 'our']);
// Words that open a verb's clause ("understand why"); not "where" or "when", which may follow a noun.
const CLAUSE_OPENERS = new Set(['why', 'how', 'whether', 'what']);

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
    if (is(w, 'Noun') && !is(w, 'Pronoun', 'Value', 'Date', 'Unit') && !QUANTIFIERS.has(w.normal))
      lastNoun = j + 1;
    if (endsClause(w)) break;
  }
  return lastNoun;
}

// Words the tagger may take for a noun that only say how many ("the league leaders in both").
const QUANTIFIERS = new Set(['both', 'either', 'neither', 'each', 'all']);

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

/** A word's stem, an owner's without its "'s" ("the museum's staff" holds "museum"). */
export function wordStem(w: TaggedWord): string {
  return stem(w.normal.replace(/['’]s?$/u, ''));
}

export function lowerCase(w: TaggedWord): boolean {
  return w.text === w.text.toLowerCase();
}

function endsClause(w: TaggedWord): boolean {
  return /[,;:.!?)"”—–]/.test(w.post);
}

/** Character spans of the sentence between quotation marks. */
function quotedSpans(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  const marks = [...sentence.matchAll(/["“”]/g)].map((m) => m.index!);
  for (let k = 0; k + 1 < marks.length; k += 2) spans.push([marks[k]!, marks[k + 1]! + 1]);
  return spans;
}
