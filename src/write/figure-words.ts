import { is, type TaggedWord } from './nlp.js';

/**
 * Runs of tagged words that figure labels are read from: the noun phrase after or before a number,
 * the hedge before it ("an estimated"), the verb acting on it and the phrase that owns it.
 */

// Nouns for a group that a count is the size of ("a trial of 2,340 patients", "a delegation of 46").
export const COLLECTIVE =
  /^(?:trial|study|survey|sample|poll|delegation|team|group|crowd|fleet|panel|cohort|class|convoy|workforce|set|community|town|village|city)$/;
// Words that hedge a figure ("about 9,500", "an estimated 18,400", "up to 90"): what it measures is read past them.
const HEDGES = new Set([
  'about',
  'around',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'some',
  'estimated',
]);
const HEDGE_PAIRS = new Set(['more than', 'less than', 'fewer than', 'at least', 'at most', 'up to']);

// What someone expects a value to be: "her estimate of the drug's peak sales" is no sales figure.
const GUESS = /^(?:estimates?|forecasts?|projections?|predictions?|guesses|guess|guidance|outlook)$/;

/**
 * The noun phrase that owns the one at [first, last] when it is a prepositional phrase's object:
 * "its grant to national museums had risen" is about the grant, "a tariff increase on Estmark
 * goods to 15 percent" about the increase, and "raised her estimate of the drug's peak annual
 * sales to $2.4 billion" about the estimate of them.
 */
export function ownerOf(words: readonly TaggedWord[], first: number, last: number): [number, number] {
  if (first < 0) return [first, last];
  let j = first - 1;
  while (j >= 0 && is(words[j], 'Determiner', 'Value') && !endsClause(words[j]!)) j--;
  if (j >= 1 && words[j]!.normal === 'of' && GUESS.test(words[j - 1]!.normal) && !endsClause(words[j - 1]!))
    return [j - 1, last];
  if (j < 1 || !/^(?:to|on|for|at|in)$/.test(words[j]!.normal) || endsClause(words[j - 1]!))
    return [first, last];
  const owner = nounRunBackward(words, j - 1);
  return owner >= 0 ? [owner, j - 1] : [first, last];
}

// -ing words that join a clause rather than act on what follows ("…, meaning 1.3 million households").
const CONNECTIVE_ING =
  /^(?:meaning|including|according|following|involving|excluding|regarding|concerning|considering|representing|totall?ing|affecting|leaving)$/;

/**
 * Whether word `i` is an -ing verb acting on what follows ("…, killing one worker", "after burning
 * 22,500 acres"), not one that describes the noun before it ("a trial involving 2,340 patients").
 */
export function isGerund(words: readonly TaggedWord[], i: number): boolean {
  const w = words[i];
  if (!w || !/ing$/.test(w.normal) || CONNECTIVE_ING.test(w.normal)) return false;
  const prior = words[i - 1];
  const clauseStart = !prior || endsClause(prior);
  // After a comma the tagger may call the verb a noun ("…, killing one worker").
  if (!is(w, 'Gerund') && !(clauseStart && is(w, 'Noun'))) return false;
  return clauseStart || !is(prior, 'Noun') || is(prior, 'Pronoun');
}

/** The index of the word before the hedge that ends at word `i` ("burned about" → "burned"), or `i`. */
export function hedgeStart(words: readonly TaggedWord[], i: number): number {
  let j = i;
  for (;;) {
    const w = words[j];
    if (!w || endsClause(w)) return j;
    const pair = j > 0 ? `${words[j - 1]!.normal} ${w.normal}` : '';
    if (HEDGE_PAIRS.has(pair) && !endsClause(words[j - 1]!)) j -= 2;
    else if (HEDGES.has(w.normal)) j -= w.normal === 'estimated' && words[j - 1]?.normal === 'an' ? 2 : 1;
    else return j;
  }
}

/** " to leave their homes" when the noun at `last` is followed by what it was made to do, else ''. */
export function infinitiveAfter(words: readonly TaggedWord[], last: number, text: string): string {
  if (endsClause(words[last]!) || words[last + 1]?.normal !== 'to' || !is(words[last + 2], 'Infinitive'))
    return '';
  let end = last + 2;
  while (end < last + 5 && !endsClause(words[end]!) && is(words[end + 1], 'Noun', 'Possessive', 'Determiner'))
    end++;
  return ` ${text.slice(words[last + 1]!.start, words[end]!.end).replace(/[,;:.]+$/, '')}`;
}

// "taken 275 miles west": a direction after a distance says where, it names nothing counted.
const DIRECTIONS = new Set(
  'north south east west northeast northwest southeast southwest north-east north-west south-east south-west'.split(
    ' ',
  ),
);

/** Index of the last noun of a run of adjectives and nouns starting at `i`, or -1. */
export function nounRunForward(words: readonly TaggedWord[], i: number): number {
  let last = -1;
  for (let j = i; j < words.length && j - i < 4; j++) {
    const w = words[j]!;
    if (j > i && pluralReadAsVerb(words, j)) {
      last = j;
      break;
    }
    if (
      !is(w, 'Noun', 'Adjective') ||
      is(w, 'Pronoun', 'Date', 'Value') ||
      /^\p{Lu}{2,}$/u.test(w.text) ||
      (DIRECTIONS.has(w.normal) && w.text === w.normal)
    )
      break;
    if (is(w, 'Noun')) last = j;
    if (endsClause(w)) break;
  }
  return last;
}

/**
 * A plural noun the tagger read as a verb after a name or a noun ("110,000 Glide V2 bikes in
 * Calvera", "62,000 battery packs used in"): it ends the phrase, and a preposition or the clause's
 * end follows it.
 */
function pluralReadAsVerb(words: readonly TaggedWord[], j: number): boolean {
  const w = words[j]!;
  const next = words[j + 1];
  return (
    is(w, 'PresentTense') &&
    /[^s]s$/.test(w.normal) &&
    is(words[j - 1], 'Noun') &&
    // After a plural ("a flight carrying 239 people disappears") it is a verb agreeing with another noun.
    !is(words[j - 1], 'Plural') &&
    (endsClause(w) ||
      !next ||
      is(next, 'Preposition') ||
      PREPOSITIONS.has(next.normal) ||
      is(next, 'PastTense'))
  );
}

// Prepositions the tagger may read as something else after a verb ("requests over two years": an adjective).
const PREPOSITIONS = new Set(['over', 'in', 'on', 'at', 'for', 'from', 'since', 'across', 'during', 'about']);

/**
 * Like `nounRunForward`, but also through numbers and spans of time ("over three years"); -1 when
 * the run goes on past its four words ("copies of Margaret Mitchell's 1936 Pulitzer Prize-winning
 * novel"), since its end would cut a name or a compound.
 */
export function linkedRun(words: readonly TaggedWord[], i: number): number {
  let last = -1;
  for (let j = i; j < words.length; j++) {
    const w = words[j]!;
    if (!is(w, 'Noun', 'Adjective', 'Value') || is(w, 'Pronoun', 'WeekDay', 'Month')) break;
    // A number may end a name ("Transit Workers Union Local 212"); a fifth word would be cut off.
    if (j - i === 4) {
      if (is(w, 'Value')) break;
      return -1;
    }
    if (is(w, 'Noun') && !is(w, 'Value')) last = j;
    if (endsClause(w)) break;
  }
  return last;
}

/** Index of the first word of a run of modifiers ending in the noun at `i`, or -1. */
export function nounRunBackward(words: readonly TaggedWord[], i: number): number {
  if (!is(words[i], 'Noun') || is(words[i], 'Pronoun', 'Date')) return -1;
  let first = i;
  for (let j = i - 1; j >= 0 && i - j < 4; j--) {
    const w = words[j]!;
    if (!is(w, 'Noun', 'Adjective', 'Possessive') || is(w, 'Pronoun') || endsClause(w)) break;
    first = j;
  }
  // "lump-sum payment": a run that starts inside a hyphened word would cut it ("sum payment").
  return words[first - 1]?.post.endsWith('-') ? -1 : first;
}

export function endsClause(w: TaggedWord): boolean {
  return /[,;:.!?)"”—–]/.test(w.post);
}
