import { is, type TaggedWord, tagWords } from './nlp.js';

/**
 * A sentence cut to a headline: its main clause, and when that still reads as a paragraph, the
 * longest opening of it that ends at a clause boundary and still makes a statement.
 */

/** Tags a text's words; the writer passes its story's tagger, which tags each text once. */
export type Tagger = (text: string) => readonly TaggedWord[];

// Words that open a subordinate clause: what precedes them is a sentence of its own.
const SUBORDINATE =
  /^(.{40,120}?)\s+(?:after|because|while|when|whereas|although|though|since|amid|who|which|according)\s/u;
// An opening phrase of place, time or circumstance, up to its comma ("In a new study of 103 patients,").
const ADVERBIAL =
  /^(?:in|on|at|after|before|when|while|as|because|although|though|if|since|despite|following|with|without|during|amid|under|for|by|from|according to)\b[^,;:"“”]{3,120}?,\s+/iu;
// A name of two to four words, then a role between commas, then the verb (lower case).
const APPOSITIVE =
  /^((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}.'’-]*),\s+(\p{Ll}[^,;:"“”]{2,100}),\s+(?=\p{Ll})/u;
// A name (its last two words capitalised, a role or a band's name before them, or one capitalised
// word) and a comma, then a clause about them ("who co-founded …", "whose voice …", "a co-founder
// of …", "one of …").
const DESCRIBED =
  /^((?:[\p{L}.'’-]+\s+){0,3}\p{Lu}[\p{L}.'’-]*\s+\p{Lu}[\p{L}.'’-]*|\p{Lu}[\p{L}'’-]+)(?=,\s+(?:who|whose|a|an|the|one of)\s)/u;
// One comma-set part of the aside, up to the comma that ends it, that opens in lower case.
const ASIDE = /^,\s+\p{Ll}[^,;:"“”]{1,160}(?=,\s)/u;
// What follows a thing, not a person ("corn, which requires …"): no role of a name.
const RELATIVE = /\b(?:which|that)\b/i;
const LEANS =
  /^(?:(?:he|she|they|it|we|i|you|this|that|these|those|there|his|her|their|its)\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)/i;
// Tags of a verb that makes a clause a statement (not "facing", "published in").
const FINITE = ['PastTense', 'PresentTense', 'Modal', 'Copula', 'Auxiliary'];
// A headline longer than this reads as a paragraph.
const LONG_HEADLINE = 100;

/**
 * A sentence's opening clause, up to its first comma, semicolon or dash, when that says enough; a
 * long sentence without one is cut before its first subordinate clause ("… after …", "… who …").
 */
export function mainClause(text: string, tag: Tagger = tagWords): string {
  // "… their child.Less than a week later, …": extraction ran two sentences together; the first is the statement.
  const glued = /^(.{30,}?[\p{Ll}\d][.!?])(?=\p{Lu}\p{Ll})/u.exec(text);
  if (glued) return mainClause(glued[1]!, tag);
  // "In a new study of 103 patients, investigators found …": the opening phrase says where or when;
  // the statement follows it.
  // "Further, the public official denies …": a linking adverb ties the sentence to the one before;
  // the statement stands without it.
  const linked = /^\p{L}+,\s+/u.exec(text);
  const opening =
    ADVERBIAL.exec(text) ??
    (linked && is(tag(text)[0], 'Adverb') && !is(tag(text)[0], 'Noun') ? linked : null);
  if (opening) {
    const rest = text.slice(opening[0].length).trim();
    // Not when what follows leans on the phrase ("he noticed …") or the phrase ran on into a date.
    if (rest.length >= 30 && !LEANS.test(rest))
      return mainClause(rest.charAt(0).toUpperCase() + rest.slice(1), tag);
  }
  // "Aaron Klein, co-owner of the bakery, walked into …": the name and what it did, without the
  // role between commas (a clause cut at the first comma would be the name alone).
  const apposed = APPOSITIVE.exec(text);
  if (apposed && !RELATIVE.test(apposed[2]!)) {
    const name = apposed[1]!;
    const joined = `${name} ${text.slice(apposed[0].length)}`;
    // Only when a verb follows: "Mark Lane, a lawyer, social activist and author, …" lists roles.
    if (is(tag(joined)[name.split(/\s+/).length], ...FINITE)) return mainClause(joined, tag);
  }
  // "Jefferson Airplane vocalist-guitarist Marty Balin, who co-founded the band in 1965 and …,
  // including …, died Thursday": a person's name, what a clause or two between commas says of
  // them, then what they did.
  const described = DESCRIBED.exec(text);
  // One word is a name only as a noun ("Nola, one of just four northern white rhinos left, has
  // died"), not "Meanwhile, the company …".
  const opener = described ? tag(text)[0] : undefined;
  if (described && (/\s/.test(described[1]!) || (is(opener, 'Noun') && !is(opener, 'Pronoun')))) {
    const name = described[1]!;
    let rest = text.slice(name.length);
    for (let segment = ASIDE.exec(rest); segment; segment = ASIDE.exec(rest)) {
      rest = rest.slice(segment[0].length);
      const joined = `${name} ${rest.replace(/^,\s+/, '')}`;
      // The tagger may split a hyphenated word of the name: the verb is the first word past it.
      const verb = tag(joined).find((w) => w.start > name.length);
      if (is(verb, ...FINITE) && !is(verb, 'Gerund') && !/ing$/.test(verb!.normal))
        return mainClause(joined, tag);
    }
  }
  // A comma inside a number ("$50,000") does not end a clause.
  const clause = /^(.{30,140}?)\s*(?:[,;:](?=\s)|[—–]|\s-\s|--)/u.exec(text)?.[1];
  // A clause without a verb of its own ("Jane Doe, the mayor of …") names someone, it tells nothing.
  const enough = (c: string | undefined): c is string =>
    c !== undefined && c.split(/\s+/).length >= 6 && makesStatement(tag(c), c);
  const subordinate = text.length > LONG_HEADLINE ? SUBORDINATE.exec(text)?.[1] : undefined;
  const head = enough(clause) ? clause : enough(subordinate) ? subordinate : text;
  return headlineEnd(head);
}

// Words whose full stop is their own: "U.S.", "Jr.", "Inc.", "etc.".
const ABBREVIATION = /(?:^|\s)(?:\S*\.\S+|\p{Lu}\p{Ll}{0,2}|etc|vs|al)\.$/u;

/**
 * A headline's text without the full stop of the sentence it was (a headline has none; an
 * abbreviation keeps its own: "… in the U.S."), or a dash, colon or comma a cut left at its end.
 */
export function headlineEnd(text: string): string {
  const open = text.trim().replace(/\s*[,;:—–-]+$/u, '');
  return ABBREVIATION.test(open) ? open : open.replace(/[.!]+$/, '').trim();
}

/**
 * A sentence's opening clause that states on its own what the sentence does without the rest: its
 * main clause when that is a shorter prefix of it, of six words or more, with a verb of its own.
 * Undefined when the sentence has none (it is then told whole or not at all).
 */
export function openingClause(text: string, tag: Tagger = tagWords): string | undefined {
  const clause = mainClause(text, tag);
  if (!text.startsWith(clause) || clause.length >= text.replace(/[.!]+$/, '').length) return undefined;
  const words = tag(clause);
  return words.length >= MIN_WORDS && makesStatement(words, clause) ? clause : undefined;
}

// Prepositions of where, when and amid what: a sentence cut before one still says what it said
// ("won the final …, beating Rovers 2-1 after extra time" without "in front of 61,200
// spectators"), or by how much ("confirmed his victory" without "by 178 votes"). Not "without",
// "against", "than" or "for", whose phrase may turn what went before.
const SETTING = new Set(['in', 'at', 'on', 'by', 'near', 'during', 'across', 'throughout', 'around', 'amid']);
// What the rest of a sentence may hold that the opening cannot lose: who says so, or the condition
// it holds under.
const HOLDS_IT =
  /\b(?:said|says|told|according|reported|claimed|alleged|unless|except|if|only|until|provided)\b/i;

/**
 * The openings of a sentence that state on their own what it says up to a cut, longest first and
 * down to its opening clause: each ends before a comma or dash, a clause, or a phrase of where and
 * when, leaves out no one's attribution or condition, and reads as a statement. Empty when the
 * sentence has no opening clause. The lede takes the longest the sources settle.
 */
export function statementOpenings(text: string, tag: Tagger = tagWords): string[] {
  const clause = openingClause(text, tag);
  if (clause === undefined) return [];
  const body = text.replace(/[.!]+$/, '');
  const words = tag(body);
  const out: string[] = [];
  for (let i = words.length - 1; i >= MIN_WORDS; i--) {
    const end = words[i - 1]!.end + (/^["”’]+/u.exec(body.slice(words[i - 1]!.end))?.[0].length ?? 0);
    if (end <= clause.length) break;
    const cut = cutAtPunctuation(words, i) || cutAtClause(words, i) || SETTING.has(words[i]!.normal);
    if (!cut || HOLDS_IT.test(body.slice(end))) continue;
    const head = body.slice(0, end).trim();
    if (isStatement(words.slice(0, i), head)) out.push(head);
  }
  return [...out, clause];
}

/**
 * The longest a headline runs, in characters. The story page sets a headline at about 36
 * characters a line at desktop width: 110 is three lines, past which the dek and the lede drop
 * below the first screen; feed readers and search results cut it shorter still. It is also where
 * the title picker already counted a title as long; 86% of the Multi-News dev set's titles (median
 * 64) and every title of the demo corpus (longest 94) fit.
 */
export const MAX_HEADLINE = 110;
// Fewest words of a headline cut short: fewer name something without telling what happened.
const MIN_WORDS = 6;
// Words that open a clause of their own: what precedes them may stand as a statement.
const CLAUSE_OPENERS = new Set(
  'who whom whose which that after because while when as since amid although though whereas if before until unless following despite according but'.split(
    ' ',
  ),
);
// "of" completes the noun before it ("a variant of the gene"): a cut there leaves the noun empty.
const COMPLETES = new Set(['of']);
// Relative words: a verb after one belongs to a clause about a noun, not to the statement.
const RELATIVES = new Set(['who', 'whom', 'whose', 'which', 'that', 'where']);

/**
 * A sentence as a headline of at most `MAX_HEADLINE` characters: its main clause when that fits,
 * else the longest opening of it that ends before a comma or dash, else before a clause ("…, who",
 * "… after", "… making"), else before a prepositional phrase, and still makes a statement: six
 * words or more, a verb of its own before any relative clause, quotes and brackets closed, and
 * ending on a noun, a number or an adjective. Undefined when no such opening fits.
 */
export function headlineClause(text: string, tag: Tagger = tagWords): string | undefined {
  const main = mainClause(text, tag);
  const words = tag(main);
  if (main.length <= MAX_HEADLINE) return makesStatement(words, main) ? main : undefined;
  for (const strength of [cutAtPunctuation, cutAtClause, cutAtPhrase]) {
    for (let i = words.length - 1; i >= MIN_WORDS; i--) {
      // A closing quotation mark after the last word belongs to it ("of being “obsessed”").
      const end = words[i - 1]!.end + (/^["”’]+/u.exec(main.slice(words[i - 1]!.end))?.[0].length ?? 0);
      if (end > MAX_HEADLINE || !strength(words, i)) continue;
      const head = main.slice(0, end).trim();
      if (isStatement(words.slice(0, i), head)) return head;
    }
  }
  return undefined;
}

function cutAtPunctuation(words: readonly TaggedWord[], i: number): boolean {
  return /[,;:—–]/u.test(words[i - 1]!.post) || /^(?:-|--)$/.test(words[i]!.text);
}

function cutAtClause(words: readonly TaggedWord[], i: number): boolean {
  const w = words[i]!;
  // "a bill making it illegal", "a provider involving babies": a clause of "-ing" or "to" after a
  // noun says more of it; after a number or an adjective the word is inside a phrase ("a $1
  // trillion spending bill", "illegal to accuse").
  const afterNoun = is(words[i - 1], 'Noun') && !is(words[i - 1], 'Value', 'Pronoun');
  if (w.normal === 'to') return afterNoun;
  // "an apartment building in Coney Island": an -ing word the tagger reads as a noun, with no object
  // after it, is one ("a spending bill setting budgets" is not).
  if (/^\p{Ll}+ing$/u.test(w.text)) {
    const next = words[i + 1];
    const noun =
      is(w, 'Noun') &&
      !is(w, 'Verb', 'Gerund') &&
      (!next || /[,;:.!?)"”—–]/.test(w.post) || is(next, 'Preposition'));
    return afterNoun && !noun;
  }
  // "a diary (supposedly) written by …": a participle after a noun opens a clause about it.
  const participle = (x: TaggedWord | undefined) =>
    is(x, 'Participle', 'PastTense') && /^\p{Ll}+(?:ed|en|wn)$/u.test(x!.text);
  if (participle(w) || (/^\p{Ll}+ly$/u.test(w.text) && participle(words[i + 1]))) return afterNoun;
  return CLAUSE_OPENERS.has(w.normal);
}

function cutAtPhrase(words: readonly TaggedWord[], i: number): boolean {
  return is(words[i], 'Preposition') && !COMPLETES.has(words[i]!.normal);
}

// An opening that makes what follows it a subordinate clause ("Hours after police arrested …"), or
// a part of a whole ("Of the 12 arrested on Saturday, seven were booked …").
const SUBORDINATE_OPENING =
  /^(?:(?:hours|days|weeks|months|years|minutes|moments|shortly|just|soon|long)\s+)?(?:after|before|when|while|as|if|because|although|though|since|until|once|whereas|unless|of)\b/i;
// Participles that take no "-ed": "X, found in Tibet" is a phrase about X, not what X did.
const IRREGULAR_PARTICIPLES = new Set(
  'found known seen held made born caught built shot hit taken given led sent kept brought bought sold left lost won hung'.split(
    ' ',
  ),
);

/**
 * Whether word `i` is a participle that opens a phrase about the noun before it ("climbers, found
 * in Tibet", "Damon, described by the network as …", "as seen in …"), not the verb of the clause.
 */
function setOff(words: readonly TaggedWord[], i: number): boolean {
  const w = words[i]!;
  const before = words[i - 1];
  if (!before || is(w, 'Copula', 'Auxiliary', 'Modal')) return false;
  const participle = /^\p{Ll}+(?:ed|en|wn)$/u.test(w.text) || IRREGULAR_PARTICIPLES.has(w.text);
  // "a new study conducted by researchers at …": a participle and its agent, with no "was" before.
  // ("succeeded by growing …" tells how, not by whom).
  const agent =
    words[i + 1]?.normal === 'by' &&
    !is(words[i + 2], 'Gerund') &&
    !is(before, 'Auxiliary', 'Copula', 'Adverb');
  // "the largest dinosaur foot ever found": what was found, not what the foot did.
  return (
    participle && (/[,—–]/.test(before.post) || before.normal === 'as' || before.normal === 'ever' || agent)
  );
}

/**
 * Whether word `i`, opening a statement, is a verb with its object or phrase after it: a bid to the
 * reader ("Take your gang conflict away from a 7-year-old", "Talk about too many cooks"), or a word
 * the tagger misread ("Over the weekend, …"); either way no subject's verb. A headline's own noun
 * may open it ("Deal just a quickie for …").
 */
function bids(words: readonly TaggedWord[], i: number): boolean {
  return is(words[i], 'Verb') && is(words[i + 1], 'Determiner', 'Possessive', 'Pronoun', 'Preposition');
}

/** Whether word `i` follows "to" ("failing to produce minutes", "believed to be"): no verb of the clause. */
function infinitive(words: readonly TaggedWord[], i: number): boolean {
  const before = words[i - 1];
  if (before?.normal === 'to') return true;
  return is(before, 'Adverb') && words[i - 2]?.normal === 'to';
}

/**
 * Whether word `i` is a "’s" the tagger took for "is" (or another verb) that marks an owner ("The
 * summer’s Democratic hero, …"): after a noun, before the owned thing's words.
 */
function possessiveRead(words: readonly TaggedWord[], i: number): boolean {
  const w = words[i]!;
  const owned = words[i + 1];
  return (
    (w.text === '' || /^['’]s$/u.test(w.text)) &&
    is(w, 'Copula', 'Verb') &&
    is(words[i - 1], 'Noun') &&
    !is(words[i - 1], 'Pronoun') &&
    is(owned, 'Adjective', 'Noun', 'ProperNoun') &&
    !is(owned, 'Pronoun', 'Determiner')
  );
}

/**
 * Whether the opening `words` (written as `head`) stands as a headline's statement: a verb of its
 * own (not one inside an opening "after …" or a relative clause, not a participle about a noun), and
 * what it reports when it reports ("research suggests that …" needs the verb after "that").
 */
export function makesStatement(words: readonly TaggedWord[], head: string): boolean {
  const verb = statementVerb(words, head);
  if (verb === undefined) return false;
  const relative = words.findIndex((w) => RELATIVES.has(w.normal));
  if (relative >= 0 && relative < verb) return false;
  const that = words.findIndex((w, i) => i > verb && w.normal === 'that');
  // "Police said after the girl's mother discovered the messages …, she found …": what is reported
  // follows the clause that opens it, past its comma.
  const report = that >= 0 ? that + 1 : REPORTS.test(words[verb]!.normal) ? verb + 1 : -1;
  if (report >= 0 && OPENS_CLAUSE.test(words[report]?.normal ?? '')) {
    const comma = words.findIndex((w, i) => i >= report && /[,;]/.test(w.post));
    return comma >= 0 && words.slice(comma + 1).some((w) => is(w, ...FINITE));
  }
  return that < 0 || words.slice(that + 1).some((w) => is(w, ...FINITE));
}

// Verbs that report what someone said or wrote, and words that open a clause of time or condition.
const REPORTS = /^(?:says?|said|tells?|told|adds?|added|writes?|wrote|announced?|warned?|claimed?)$/;
const OPENS_CLAUSE =
  /^(?:after|before|when|while|if|because|since|although|though|once|until|unless|whereas)$/;

/**
 * The index of the verb of a statement's subject, past an opening clause ("Hours after police
 * arrested …, his attorney said"): not a participle about a noun, a relative clause's verb, an
 * infinitive, or a bid to the reader. Undefined when the words make no statement.
 */
function statementVerb(words: readonly TaggedWord[], head: string): number | undefined {
  if (words.length === 0) return undefined;
  const from = statementStart(words, head);
  if (from === undefined) return undefined;
  // "Take your gang conflict away from …" bids the reader; it tells of no one.
  if (bids(words, from) && is(words[from], 'Imperative')) return undefined;
  // The tagger gives "-ing" words a tense: "Exposing people to …" has no verb of its own.
  const finite = words.findIndex(
    (w, i) =>
      i >= from &&
      !(i === from && bids(words, i)) &&
      is(w, ...FINITE) &&
      !is(w, 'Gerund') &&
      !infinitive(words, i) &&
      !setOff(words, i) &&
      !possessiveRead(words, i),
  );
  return finite < 0 ? undefined : finite;
}

/** Where a statement's own words start: past an opening clause and its comma. Undefined when the opening runs on. */
function statementStart(words: readonly TaggedWord[], head: string): number | undefined {
  // "Hours after police arrested …, his attorney", "Faced with a flood of …": after an opening clause
  // the statement's verb comes after its comma.
  const [first, second] = words;
  const opening =
    SUBORDINATE_OPENING.test(head) ||
    (/^\p{L}+(?:ed|ing)$/u.test(first!.text) &&
      is(first, 'Verb') &&
      is(second, 'Preposition', 'Determiner', 'ProperNoun'));
  const from = opening ? words.findIndex((w) => /[,;]/.test(w.post)) + 1 : 0;
  // "Excavated in 1998 by an expedition, and described in a new study": the opening runs on.
  if (opening && (from === 0 || /^(?:and|or|but)$/.test(words[from]?.normal ?? ''))) return undefined;
  return from;
}

// Words that stand for something a sentence before told, for the page around it, or for its writer
// and reader ("You’ll have to wonder awhile longer"). Not "he" or "she", nor "that" or "those": the
// sentence that tells what a person did, or what officials say, may be the best one left.
const POINTERS = new Set('it its this here below above i we you my our your'.split(' '));

/**
 * Whether a statement's subject points back to what a sentence before it told ("For about a decade
 * it operated unhindered", "Although this is …, it is not the first"), to the page ("Here are 20
 * of …") or to its reader: a headline read alone does not say what.
 */
export function pointsBack(words: readonly TaggedWord[], head: string): boolean {
  const verb = statementVerb(words, head);
  if (verb === undefined) return false;
  // The subject is what comes after the last comma before the verb ("Just a month into their
  // marriage, Anderson accused …" names him).
  let from = statementStart(words, head) ?? 0;
  for (let i = from; i < verb; i++) if (/[,;]/.test(words[i]!.post)) from = i + 1;
  return words.slice(from, verb).some((w) => POINTERS.has(w.normal.replace(/['’]\p{L}+$|\s.*$/u, '')));
}

/** A statement cut short that still reads as a headline: six words or more, ending on a noun, a number or an adjective, nothing left open. */
function isStatement(words: readonly TaggedWord[], head: string): boolean {
  if (words.length < MIN_WORDS || !makesStatement(words, head)) return false;
  const last = words.at(-1)!;
  if (!is(last, 'Noun', 'Value', 'Adjective') || is(last, 'Pronoun', 'Determiner', 'Possessive'))
    return false;
  const count = (re: RegExp) => head.match(re)?.length ?? 0;
  return (
    count(/\(/g) === count(/\)/g) &&
    count(/“/g) === count(/”/g) &&
    count(/"/g) % 2 === 0 &&
    !/[,;:—–-]$/.test(head)
  );
}
