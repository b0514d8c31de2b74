import { endsClause, nounRunForward } from './figure-words.js';
import { is, type TaggedWord } from './nlp.js';

// What was done to a count, read from the verb after it ("homes destroyed", "ballots set aside").

// Reporting verbs: "1,312 ballots, officials said" says who told, not what was done to the ballots.
export const SPEECH = /^(?:said|told|added|reported|announced|stated|confirmed)$/;

// Verbs that say a count was there, not what it did or what was done to it ("36 people remained").
export const STAYED = /^(?:remained|stayed|occurred|happened|existed|lived|came|went)$/;

// What people do on their own, whatever follows: "220 workers escaped the blaze" still says it.
const ON_THEIR_OWN =
  /^(?:escaped|fled|died|survived|gathered|marched|protested|attended|voted|resigned|participated|drowned|perished|returned|queued|rallied|walked)$/;

// Adverbs that belong to the clause, not to a verb's particle: "have died so far" is not "died so".
const CLAUSE_ADVERBS = new Set([
  'so',
  'far',
  'also',
  'still',
  'now',
  'then',
  'just',
  'even',
  'yet',
  'already',
  'only',
]);

// Forms of "be" that make a participle passive: "have combed" is done by the count, "were evacuated" to it.
const BE = new Set(['been', 'being', 'be', 'was', 'were', 'is', 'are']);
// Verb forms that agree with one thing only: after a plural count the verb is another noun's ("a
// flight carrying 239 people disappears", "the ban on 100 drugs was overturned").
const SINGULAR_VERB = new Set(['was', 'is', 'has']);
// Words after a verb that open a clause of their own ("3,000 onlookers watched as he climbed").
const CLAUSE_OPENERS = new Set(['as', 'when', 'while', 'after', 'before', 'until', 'because', 'since']);
// What may stand between a count and its verb: a form of "have" or of "be".
const PASSIVE_AUXILIARIES = new Set(['had', 'has', 'have', ...BE]);

// Past tenses of everyday verbs whose participle is another word ("ran", not "run").
const PAST_ONLY = new Set(
  'ran went came fell rose took gave saw ate grew flew drove wrote spoke broke chose froze stole woke wore tore threw knew drew began sang swam rang drank sank shook forgot became overtook withdrew arose rode blew'.split(
    ' ',
  ),
);

/**
 * The participle that says what was done to a count ("had been set aside", "were told to stay
 * indoors", "rejected by faulty scanners"), read from word `i`; undefined when none follows.
 */
export function doneTo(words: readonly TaggedWord[], i: number, text: string): string | undefined {
  // "640 workers, who…": the count's clause ends with it.
  if (i === 0 || endsClause(words[i - 1]!)) return undefined;
  if (is(words[i - 1], 'Plural') && (SINGULAR_VERB.has(words[i]?.normal ?? '') || singularPresent(words[i])))
    return undefined;
  let j = i;
  while (j < words.length && PASSIVE_AUXILIARIES.has(words[j]!.normal) && !endsClause(words[j]!)) j++;
  const passive = words.slice(i, j).some((w) => BE.has(w.normal));
  const verb = words[j];
  if (!verb) return undefined;
  // After "had been" the tagger may call a participle a noun ("set").
  const participle =
    is(verb, 'PastTense', 'Participle') || (passive && is(verb, 'Noun') && !is(verb, 'Plural'));
  if (!participle || is(verb, 'Auxiliary', 'Copula') || (!passive && SPEECH.test(verb.normal)))
    return undefined;
  // "214 people ran aground": a past tense that is no participle tells what the count did, and
  // without the rest of its clause it says nothing ("people ran"); so does a verb with its object
  // left behind ("100 people combed the hillside"), unless people do it on their own.
  if (!passive && (PAST_ONLY.has(verb.normal) || STAYED.test(verb.normal))) return undefined;
  const object = words[j + 1];
  // "198 youngsters admitted bullying others", "100 people have combed through the area": without
  // its object, or after "have" its place, the verb says nothing, unless people do it on their own.
  // A bare participle before a place is done to the count ("ballots rejected by scanners").
  const leftBehind =
    (is(object, 'Determiner', 'Possessive', 'Noun', 'Value', 'Gerund') && !is(object, 'Date')) ||
    (j > i && is(object, 'Preposition') && !CLAUSE_OPENERS.has(object!.normal));
  if (!passive && !endsClause(verb) && leftBehind && !ON_THEIR_OWN.test(verb.normal)) return undefined;
  let last = j;
  if (!endsClause(verb)) {
    const next = words[j + 1];
    if (is(next, 'Adverb') && !/ly$/.test(next!.normal) && !CLAUSE_ADVERBS.has(next!.normal)) last = j + 1;
    else if (next?.normal === 'to' && is(words[j + 2], 'Infinitive') && !endsClause(next)) {
      last = j + 2;
      if (!endsClause(words[last]!) && is(words[last + 1], 'Adverb')) last += 1;
      // "mink destined to become furs": an infinitive takes its object along, or it hangs.
      else if (
        !endsClause(words[last]!) &&
        is(words[last + 1], 'Determiner', 'Possessive', 'Noun', 'Adjective')
      ) {
        const object = nounRunForward(words, last + 1 + (is(words[last + 1], 'Determiner') ? 1 : 0));
        if (object < 0 || object - last > 3) return undefined;
        last = object;
      }
    } else if (passive && next?.normal === 'into' && !endsClause(next)) {
      // "200,000 women were forced into brothels": what they were made into or driven to completes the verb.
      const into = nounRunForward(words, j + 2 + (is(words[j + 2], 'Determiner', 'Possessive') ? 1 : 0));
      if (into < 0 || into - j > 4) return undefined;
      last = into;
    }
  }
  return text.slice(verb.start, words[last]!.end).replace(/[,;:.]+$/, '');
}

/** "disappears", "says": a verb in the present that agrees with one thing only. */
function singularPresent(word: TaggedWord | undefined): boolean {
  return is(word, 'PresentTense') && !is(word, 'Noun', 'Infinitive') && /[^s]s$/.test(word!.normal);
}
