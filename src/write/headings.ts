import { is, type TaggedWord } from './nlp.js';
import { DROPPED_DETERMINERS, lowerCase, type Phrase, phrasesIn, wordStem } from './noun-phrases.js';

/**
 * Section headings a reader would write: a noun phrase built from the section's own words ("Pay
 * increase over three years", "The recount's scanners"), never a lone noun, a weekday or month, or
 * an upper-case dateline word; or a function heading for sentences that report speech, look ahead
 * or go back.
 */

/**
 * The function headings, in the order their sections close an article: the aspects of a story a
 * newsroom gives a section of its own (how markets took it, the police inquiry, the court case),
 * then reactions, speech, background and what comes next.
 */
export const FUNCTION_HEADINGS = [
  'Markets',
  'The investigation',
  'In court',
  'Reaction',
  'What was said',
  'Background',
  'What comes next',
] as const;
export type FunctionHeading = (typeof FUNCTION_HEADINGS)[number];
/** The aspects among them: a section of one only beside the story's other sub-topics. */
export const ASPECTS: readonly FunctionHeading[] = ['Markets', 'The investigation', 'In court'];

// Markets: a traded thing and how its price moved ("The two-year government bond yield fell 6
// basis points", "Shares in Pellham fell 11.4 percent").
const TRADED =
  /\b(?:shares|stocks?|stock market|index|bond yields?|yield|currency|dollar|euro|pound|yen|crown|franc|money markets|investors|traders)\b/i;
const PRICED =
  /\b(?:rose|rise|rises|fell|falls|slipped|slips|gained|gains|closed|jumped|dropped|climbed|tumbled|plunged|surged|edged|rallied|price|prices|priced|betting)\b/i;
// The inquiry: who investigates, and what they do or found.
const INVESTIGATORS =
  /\b(?:police|investigators?|detectives?|prosecutors?|FBI|sheriff(?:'s office)?|coroner|medical examiner)\b/i;
const INQUIRY =
  /\b(?:investigat\w*|inquiry|suspects?|arrest\w*|charged|evidence|search(?:ed|ing)?|examin\w*|forensic|motive|custody|detained|questioned)\b/i;
// The court case: its judge or jury and what they decided, or a court and what it heard (not a
// judge's career on "the circuit court").
const JUDGED =
  /\b(?:judge|jury|jurors|tribunal|verdict|sentenced|pleaded|lawsuit|sued|indicted|indictment)\b/i;
const COURT = /\bcourts?\b/i;
const HEARD = /\b(?:ruled|ruling|case|hearing|appeal|charges?|trial|decision|filed|ordered)\b/i;

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
  if (TRADED.test(text) && PRICED.test(text)) return 'Markets';
  if (JUDGED.test(text) || (COURT.test(text) && HEARD.test(text))) return 'In court';
  if (INVESTIGATORS.test(text) && INQUIRY.test(text)) return 'The investigation';
  if (AHEAD.test(text)) return 'What comes next';
  if (EARLIER.test(text)) return 'Background';
  return undefined;
}

/** Stems a heading should not repeat: `used` by other headings (hard), `told` above the sections (soft). */
export interface HeadingContext {
  used: ReadonlySet<string>;
  told?: ReadonlySet<string>;
  /** Stems held by most of the story's body sentences ("museum"): they tell no section apart. */
  everywhere?: ReadonlySet<string>;
}

/**
 * The best noun phrase naming a group of sentences: the one that names most of them (its words
 * recur across the group, above all its head noun: what its sentences are about, not a detail of
 * one), short, in a sentence's subject, and not already a heading; words told above the sections
 * count a little against it, and a word of the whole story ("museum") names no section. Where no
 * phrase names more than one sentence of three or more, the group is named from the sentence that
 * shares most with the others. Undefined when no sentence holds a phrase of two content words that
 * names a topic.
 */
export function nounPhraseHeading(
  sentences: readonly { text: string; words: TaggedWord[] }[],
  avoid: ReadonlySet<string> | HeadingContext,
): string | undefined {
  const {
    used,
    told = new Set<string>(),
    everywhere = new Set<string>(),
  } = avoid instanceof Set ? { used: avoid } : (avoid as HeadingContext);
  const n = sentences.length;
  const groupStems = sentences.map(({ words }) => new Set(words.map(wordStem)));
  // A word every part of the story holds is in the section as it is in every other: it counts as
  // one sentence's.
  const share = (s: string) => (everywhere.has(s) ? 1 / n : groupStems.filter((g) => g.has(s)).length / n);
  // The sentences a phrase names: those holding one of its words that are the section's own, or a
  // word of one sense with it ("parliamentary" and "parliament").
  // A name ("Tidewater", "Anaheim") is who or where, in every part of a story: its common words
  // say what the phrase names.
  const reach = (phrase: Phrase) => {
    const own = phrase.words
      .filter((w) => lowerCase(w) && !is(w, 'Determiner', 'Preposition'))
      .map(wordStem)
      .filter((s) => !everywhere.has(s));
    return groupStems.filter((g) => own.some((s) => [...g].some((t) => oneSense(s, t)))).length;
  };
  // The sentence whose nouns the others share most tells what the group is about: its phrases
  // name the group better than a detail of a sentence that shares nothing.
  const nouns = sentences.map(
    ({ words }) => new Set(words.filter((w) => is(w, 'Noun') && !is(w, 'Pronoun')).map(wordStem)),
  );
  const shared = nouns.map((own, i) =>
    nouns.reduce((sum, other, j) => (j === i ? sum : sum + [...own].filter((s) => other.has(s)).length), 0),
  );
  const most = Math.max(0, ...shared);
  // The sentence that shares nouns with the most others, when it shares with two or more: the one
  // a section of three or more whose phrases each name one sentence is named from.
  const partners = nouns.map(
    (own, i) => nouns.filter((other, j) => j !== i && [...own].some((s) => other.has(s))).length,
  );
  const centre = partners.indexOf(Math.max(...partners));
  let best: { phrase: Phrase; value: number } | undefined;
  let bestCentral: { phrase: Phrase; value: number } | undefined;
  let widest: { phrase: Phrase; value: number } | undefined;
  for (const [i, { text, words }] of sentences.entries()) {
    const central = most > 0 ? shared[i]! / most : 0;
    const phrases = phrasesIn(words, text);
    // "(unrelated to the) HearthLink smart heater recall": its tails name the other event too.
    const passing = new Set(phrases.filter(anotherEvent).map((p) => p.words.at(-1)!.end));
    for (const phrase of phrases) {
      const k = phrase.stems.length;
      const head = phrase.stems.at(-1)!;
      const text = format(phrase);
      if (text.split(/\s+/).length < 2 || !namesATopic(phrase)) continue;
      // "Marco Rubio (R-Fla": a phrase cut inside brackets.
      if ((text.match(/\(/g)?.length ?? 0) !== (text.match(/\)/g)?.length ?? 0)) continue;
      if (listed(phrase) || negated(phrase) || saidBy(phrase) || passing.has(phrase.words.at(-1)!.end))
        continue;
      const cover = phrase.stems.reduce((sum, s) => sum + share(s), 0) / k;
      const fraction = (set: ReadonlySet<string>) => phrase.stems.filter((s) => set.has(s)).length / k;
      const common = is(phrase.words.at(-1), 'ProperNoun') ? 0 : 0.4;
      // A count or sum inside the phrase ("Power to 14,000 customers") makes it one sentence's detail.
      const counted = phrase.words.some((w) => is(w, 'Value', 'Money', 'Percent') && !is(w, 'Ordinal'));
      // "The player for 48 million crowns": a figure in digits names the sentence, never the section.
      if (counted && /\d/.test(text)) continue;
      const value =
        cover +
        share(head) +
        common +
        LENGTH_PRIOR[Math.min(k, LENGTH_PRIOR.length + 1) - 2]! +
        (phrase.subject ? 0.15 : 0) +
        CENTRAL_WEIGHT * central -
        (aside(phrase) ? ASIDE_WEIGHT : 0) -
        (counted ? 0.4 : 0) -
        0.5 * fraction(told) -
        1.5 * fraction(used);
      const names = reach(phrase);
      if (!best || value > best.value) best = { phrase, value };
      // A phrase of the section's own words that names several of its sentences beats any phrase
      // of one, unless it stands in an aside.
      if (names >= 2 && !aside(phrase) && (!widest || value > widest.value)) widest = { phrase, value };
      // Another heading's phrase is never taken from the central sentence over the group's best.
      const free = fraction(used) === 0;
      if (i === centre && free && partners[i]! >= 2 && (!bestCentral || value > bestCentral.value))
        bestCentral = { phrase, value };
    }
  }
  // A detail of one sentence names no section of three or more: its central sentence does.
  const chosen = widest ?? (best && n >= 3 && bestCentral ? bestCentral : best);
  return chosen ? format(chosen.phrase) : undefined;
}

/**
 * Whether two stems are words of one sense: the same, or one the other with an ending
 * ("parliament", "parliamentari"; "nation", "national"), the shorter of six letters or more.
 */
function oneSense(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 6 && long.length - short.length <= 4 && long.startsWith(short);
}

// What a phrase from the sentence that shares most with the others gains.
const CENTRAL_WEIGHT = 0.2;
// What a phrase of 2, 3, 4 and more content words is worth: a heading is two or three words.
const LENGTH_PRIOR = [0.3, 0.3, 0.1, -0.1];
// A phrase that describes someone or something else in passing ("Councillor Atherley, who chairs
// the county's culture committee, said"; "The strike, the first full stoppage since 2011, halted")
// is a detail of that, not what the section tells.
const ASIDE_WEIGHT = 0.3;

// Heads that name who speaks ("The board's chair"), not what a section is about.
const PERSON_HEADS = new Set(
  'chair chairman chairwoman chairperson principal teacher professor inspector detective superintendent captain councillor councilor commander sergeant constable chancellor ambassador attorney prosecutor lawyer officer spokesperson spokesman spokeswoman minister president director manager executive chief secretary official officials analyst analysts governor mayor commissioner leader leaders founder head spokespeople party speaker senator sen rep gov judge sheriff coach sources'.split(
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
  'end start beginning middle none all each most many much several few lot lots plenty rest mixture kind sort bit piece variety range host part half couple dozens hundreds thousands millions'.split(
    ' ',
  ),
);

// Prepositions the tagger may take for a modifier at the start of a sentence ("Under current
// rules, …"): a heading never opens on one.
const PREPOSITIONS = new Set(
  'under over above below beyond within without despite after before since during like unlike near amid among against across behind beneath between'.split(
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
    // A name alone ("Burke Ramsey", "The Treasury Department") says who, not what the section tells.
    phrase.words.some((w) => lowerCase(w) && is(w, 'Noun')) &&
    !PERSON_HEADS.has(head) &&
    // A person, a role ("headache specialist") or a place ("The River Harrow") is who or where.
    !is(phrase.words.at(-1), 'Person', 'Honorific', 'Actor', 'Place') &&
    !OPEN_ENDS.has(head) &&
    !UNIT_WORDS.has(head) &&
    !UNIT_WORDS.has(opener?.normal ?? '') &&
    !PARTITIVES.has(opener?.normal ?? '') &&
    !PREPOSITIONS.has(phrase.words[0]!.normal) &&
    // "(ran years late and) far over budget": a preposition taken for a modifier inside the phrase.
    !phrase.words.slice(0, -1).some((w) => PREPOSITIONS.has(w.normal) && !is(w, 'Preposition'))
  );
}

// Words that open a sentence on a phrase of where, when or how before its subject.
const OPENING_PHRASE =
  /^(?:in|on|at|after|before|when|while|as|because|although|though|if|since|despite|following|with|without|during|amid|under|for|by|from|like|unlike|meanwhile|however|but|and|yet|so|still|instead|now|today|yesterday)\b/i;

// What makes the words before a comma a clause or a time rather than a noun an apposition can follow.
const CLAUSE =
  /\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|said|says|\p{L}+ed|\p{L}+ing|week|month|year|day|night|morning|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|^\S+(?:\s+\S+){5,}$/iu;

/** Whether a phrase names what is not there ("it has no functional eyes"): no section is about that. */
function negated(phrase: Phrase): boolean {
  const before = phrase.sentence.slice(0, phrase.words[0]!.start);
  // "could not afford more without a fare increase": what a denial says is needed is there.
  if (
    /\b(?:not|never|cannot)\b[^,;]*\bwithout\s+$/i.test(before) ||
    /n['’]t\b[^,;]*\bwithout\s+$/i.test(before)
  )
    return false;
  return /\b(?:no|not|without|never|nor)\s+$/i.test(before);
}

// Words that set the story beside another event, before the phrase naming it: "The fire follows
// the Ridgeback wildfire", "The recall is unrelated to the HearthLink smart heater recall", "The
// vote comes two weeks after the budget deal". Not "would follow the recommendations" (keeping to),
// nor "followed a similar trajectory" (the past tense tells what happened, not a news peg).
const BESIDE = String.raw`(?:follows|(?<!\b(?:to|will|would|could|should|must|may|might|not|do|did|does)\s)follow|(?:comes|came)(?:\s+(?:just\s+)?\S+\s+(?:days?|weeks?|months?|years?))?\s+(?:after|amid)|(?:is|was|are|were)\s+(?:unrelated|not related|not connected|separate)\s+(?:to|from))`;
const BEFORE_ANOTHER_EVENT = new RegExp(String.raw`\b${BESIDE}\s+(?:the\s+|a\s+|an\s+)?$`, 'iu');
// A sentence whose subject is the story's own event and whose verb sets it beside another.
const SETS_BESIDE = new RegExp(String.raw`^(?:the|this|its|it)\b[^,.;]{0,40}?\b${BESIDE}\s`, 'iu');

/**
 * Whether a phrase names another event the sentence sets the story beside ("follows the Ridgeback
 * wildfire"): it is mentioned in passing, and no section is about it.
 */
function anotherEvent(phrase: Phrase): boolean {
  return BEFORE_ANOTHER_EVENT.test(phrase.sentence.slice(0, phrase.words[0]!.start));
}

/**
 * Whether a sentence sets the story beside another event ("The fire follows the Ridgeback
 * wildfire, which destroyed homes in nearby Kestrel Falls a week earlier"): a side note that
 * closes its section.
 */
export function setsBeside(text: string): boolean {
  return SETS_BESIDE.test(text);
}

/**
 * Whether a phrase stands in an aside about another noun or the sentence's own claim: a relative
 * clause ("who chairs the county's culture committee", "Pat Donnelly, who has held a season ticket
 * since 1979 and watched from the upper tier"), an apposition between commas ("The strike, the
 * first full stoppage on the network, halted"), a clause that adds what followed ("…, forcing
 * about 9,500 residents to leave their homes") or what the sentence is set against ("rather than a
 * single headline number").
 */
function aside(phrase: Phrase): boolean {
  const before = phrase.sentence.slice(0, phrase.words[0]!.start);
  // The clause the phrase stands in: from the last comma, semicolon, dash or bracket before it.
  const clause = before.slice(before.search(/[^,;:—–()]*$/u));
  if (/\bwho\s+\p{L}+\s+(?:[\p{L}'’]+\s+){0,3}$/iu.test(before)) return true;
  // A relative clause between commas ("Pat Donnelly, who has held a season ticket since 1979 and
  // watched from the upper tier"); not one that closed before the phrase ("Fans who exchange the
  // jersey will get a free ticket").
  if (/^[\s"“”'’]*(?:who|whom|whose|which|where)\b/iu.test(clause)) return true;
  // A clause of when or on what condition ("said it had acted as soon as it had enough
  // evidence", "until the review ends"): a circumstance of the claim, not the claim.
  if (/\b(?:as soon as|until|unless|once)\s+(?:[\p{L}'’]+\s+){0,4}$/iu.test(before)) return true;
  if (/\b(?:rather than|instead of)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before)) return true;
  // A clause opening on a participle after a comma, not one that reports speech ("…, saying
  // progress in the talks had reduced the risk"): what it says is the sentence's claim.
  const afterComma = before.slice(0, before.length - clause.length).endsWith(',');
  if (afterComma && /^\s*(?!(?:saying|adding|arguing|noting|warning)\b)\p{L}+ing\b/iu.test(clause))
    return true;
  // An apposition, from its article on or after it ("The strike, the first full stoppage on the
  // network, halted"), after a noun rather than a clause ("Once the message has been popped out, a
  // reader rolls over it") or an opening phrase ("In Calvera, the opposition party said").
  const article =
    /,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+)?$/iu.test(before) ||
    (/,\s+$/u.test(before) && /^(?:the|a|an)$/i.test(phrase.words[0]!.normal));
  const noun = before
    .slice(0, before.lastIndexOf(','))
    .split(/[,;:—–(]/u)
    .at(-1)!
    .trim();
  return article && !OPENING_PHRASE.test(before) && !OPENING_PHRASE.test(noun) && !CLAUSE.test(noun);
}

// Where or to whom something was said ("told Calveran television", "according to the buildings
// department", "wrote in a blog post"): the source of a statement, never what a section tells.
const SAID_TO =
  /\b(?:according to|told|tells|telling|interview with|speaking (?:to|with)|(?:said|says|wrote|writes|posted|spoke) (?:on|to|in))\s+(?:(?:the|a|an|his|her|their|its)\s+)?$/iu;
const saidBy = (phrase: Phrase) => SAID_TO.test(phrase.sentence.slice(0, phrase.words[0]!.start));

// Words around a phrase that make it one item of a list ("wildfires, factory closures and trade talks").
const ITEM = '[^,;:.()"“”]{1,40}';
const FIRST_OF_LIST = new RegExp(String.raw`^,\s${ITEM}(?:,\s${ITEM})*,?\s(?:and|or)\s`, 'u');
const LAST_OF_LIST = new RegExp(String.raw`,\s${ITEM},?\s(?:and|or)\s$`, 'u');

/**
 * Whether a phrase is one item of a list ("reading about wildfires, factory closures and trade
 * talks"): it names one of several things a sentence runs through in passing, not what a section
 * is about.
 */
function listed(phrase: Phrase): boolean {
  const before = phrase.sentence.slice(0, phrase.words[0]!.start);
  const after = phrase.sentence.slice(phrase.words.at(-1)!.end);
  const middle = /,\s*$/.test(before) && /^(?:,\s|\s(?:and|or)\s)/.test(after);
  return middle || FIRST_OF_LIST.test(after) || LAST_OF_LIST.test(before);
}

function format(phrase: Phrase): string {
  const words = [...phrase.words];
  // "that its solar panels": every leading determiner goes, not only the first.
  while (words.length > 1 && DROPPED_DETERMINERS.has(words[0]!.normal)) words.shift();
  // The tagger splits "2-1" into words of no text: a phrase may start on one, at a space.
  const text = phrase.sentence
    .slice(words[0]!.start, words.at(-1)!.end)
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}$£€]+|["”’),.;:!?]+$/gu, '')
    // "The 'black box’": a quotation mark whose close the phrase left behind.
    .replace(/(\s)['‘"“](?=\p{L})(?![^'’"”]*['’"”])/gu, '$1');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
