import { credit, dateline, personCue } from './entity-context.js';
import {
  AFFILIATIONS,
  DEMONYMS,
  FIRST_NAMES,
  NOBODY,
  NOT_ACRONYMS,
  OPENERS,
  ORG_HEADS,
  PLACE_NAMES,
  ROLE_WORDS,
} from './entity-cues.js';
import { link, type Mention } from './entity-link.js';
import { capitalRuns, isCap, isConnector, type Run, runWords, sentenceInitial } from './entity-runs.js';
import {
  BUSINESS_CHIEFS,
  BUSINESS_NOUNS,
  BUSINESS_TITLES,
  EVENT_WORDS,
  MULTIWORD_PLACES,
  NOT_NAMES,
  ORG_LEADS,
  ORG_WORDS,
  PERSON_TITLES,
  PLACE_LEADS,
  PLACE_WORDS,
  PLACES,
  PUBLIC_OFFICES,
  SPEECH_VERBS,
  TITLE_MODIFIERS,
} from './gazetteer.js';
import { STOPWORDS } from './stopwords.js';
import { fold, type Token, tokenize } from './text.js';
import type { Entity, EntityKind } from './types.js';

const SPEECH = new Set(SPEECH_VERBS.split('|'));
const PLACE_PREPOSITIONS = new Set(['in', 'from', 'near', 'across', 'outside', 'inside']);
const ALIASES: Record<string, string> = {
  'u.s': 'united states',
  'u.s.': 'united states',
  us: 'united states',
  usa: 'united states',
  'u.k': 'united kingdom',
  'u.k.': 'united kingdom',
  uk: 'united kingdom',
  britain: 'united kingdom',
  'great britain': 'united kingdom',
  eu: 'european union',
  un: 'united nations',
  'u.n': 'united nations',
  'u.n.': 'united nations',
};

/** Options for entity extraction: places learned elsewhere (folded names). */
export interface EntityOptions {
  places?: ReadonlySet<string>;
}

/** The key that links mentions of one entity: folded words, with common aliases ("U.S." → "united states"). */
// Words for a kind of body that, alone, name none: "the Association", "Council".
const GENERIC_BODIES = new Set(
  'association associations council committee company corporation group union institute agency board department authority commission ministry foundation society federation'.split(
    ' ',
  ),
);

export function entityKey(name: string): string {
  const key = fold(name)
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}\p{N}.\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ALIASES[key] ?? key.replace(/\.$/, '');
}

/** People, organisations and places named in `text`, linked within it ("Minister Kim" → "Kim Jung-kwan"). */
export function extractEntities(
  text: string,
  options: EntityOptions = {},
  tokens = tokenize(text),
): Entity[] {
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (!isCap(t.text)) lowerSeen.add(t.text);
  const seen = { lower: lowerSeen, mixed: mixedCase(tokens) };
  const mentions: Mention[] = [];
  for (const run of capitalRuns(text, tokens)) {
    const mention = classify(text, run, tokens, seen, options.places);
    if (mention) mentions.push(mention);
  }
  return link(mentions);
}

/** A body's word stands before "of" or "for" inside the name ("Federation of Industrial Workers"). */
function bodyBeforeConnector(words: string[]): boolean {
  for (let k = 1; k < words.length - 1; k++) {
    if (!isConnector(words[k]!)) continue;
    const w = fold(words[k - 1]!);
    if (ORG_WORDS.has(w) || ORG_HEADS.has(w)) return true;
  }
  return false;
}

/**
 * Words also written in small letters ("Lumora"), against which one in capitals alone ("LUMORA") is
 * no acronym; built on first need, as few articles have a word in capitals.
 */
function mixedCase(tokens: Token[]): () => Set<string> {
  let mixed: Set<string> | undefined;
  return () => {
    if (mixed) return mixed;
    mixed = new Set();
    for (const t of tokens) {
      if (t.text.length > 1 && isCap(t.text) && t.text !== t.text.toUpperCase())
        mixed.add(t.text.toLowerCase());
    }
    return mixed;
  };
}

const bare = (word: string) => fold(word).replace(/\.$/, '');
const ALL_CAPS = /^[\p{Lu}\p{N}.&'’-]+$/u;

function classify(
  text: string,
  run: Run,
  tokens: Token[],
  seen: { lower: Set<string>; mixed: () => Set<string> },
  learned: ReadonlySet<string> | undefined,
): Mention | null {
  let from = run.from;
  let to = run.to;
  let titled = false;
  let roled = false;
  // A capitalized common word at a sentence start ("Tsunami deaths mount…") is no name, nor a
  // shouted word of page furniture ("UPDATE II", "CLICK HERE").
  while (from <= to) {
    const w = tokens[from]!.text;
    const f = bare(w);
    const initial = sentenceInitial(text, tokens[from]!);
    // "Dr.", "Mr": a title as well as no name.
    if (NOT_NAMES.has(f) && PERSON_TITLES.has(f) && from < to) titled = true;
    if (initial && from < to && ROLE_WORDS.has(f)) roled = true;
    if (
      !(
        NOT_NAMES.has(f) ||
        NOBODY.has(f) ||
        (NOT_ACRONYMS.has(f) && ALL_CAPS.test(w)) ||
        (initial && (STOPWORDS.has(f) || seen.lower.has(w.toLowerCase()))) ||
        // "Photographer Odo Penhallow…": a role opening the sentence.
        (initial && from < to && (OPENERS.has(f) || ROLE_WORDS.has(f)))
      )
    )
      break;
    // "New York City officials": the place holds its first word.
    const pair = from < to ? `${f} ${bare(tokens[from + 1]!.text)}` : '';
    if (pair && (MULTIWORD_PLACES.has(pair) || PLACE_NAMES.has(pair))) break;
    from++;
  }
  while (from <= to && isConnector(tokens[from]!.text.toLowerCase())) from++;
  while (to >= from && (isConnector(tokens[to]!.text) || NOT_NAMES.has(bare(tokens[to]!.text)))) to--;
  if (from > to) return null;
  if (credit(text, tokens, from, to)) return null;
  let words = runWords(text, tokens, from, to);
  const first = fold(words[0]!);
  const last = fold(words[words.length - 1]!).replace(/['’]s$/, '');
  const isOrg =
    // "Association" alone (of "the Savers' Association") is a kind of body, not one.
    (ORG_WORDS.has(last) && !(words.length === 1 && GENERIC_BODIES.has(last))) ||
    (ORG_LEADS.has(first) && words.length > 1) ||
    words.includes('&') ||
    words.includes('and') ||
    // "Calveran Federation of Industrial Workers", "Institute for Economic Research".
    (words.length > 2 && bodyBeforeConnector(words)) ||
    // "Grace Church" may be a person; "Anne Arundel Medical Center" is not.
    (words.length > 1 && ORG_HEADS.has(last) && (words.length > 2 || !FIRST_NAMES.has(first)));
  if (!isOrg) {
    // "Japanese Prime Minister Junichiro Koizumi": the name starts after the last title word; a
    // role word is one before a first name and a surname ("District Attorney Jack Whelan"), not one
    // a name holds ("Baker Mayfield") nor a word of a title's ("Screen Actors Guild Awards"). So is
    // a party ("Democrat Wendy Davis").
    for (let k = to - 1; k >= from; k--) {
      const token = tokens[k]!.text;
      const word = bare(token);
      const fullName = to - k >= 2 && to - k <= 3 && FIRST_NAMES.has(bare(tokens[k + 1]!.text));
      const before = (ROLE_WORDS.has(word) || AFFILIATIONS.has(word)) && !ALL_CAPS.test(token);
      if (!PERSON_TITLES.has(word) && !(before && fullName)) continue;
      from = k + 1;
      titled = true;
      break;
    }
    // "Deputy Mayor for Transport Karin Holm": a portfolio after the title; the name is its last two words.
    if (titled && from < to && isConnector(tokens[from]!.text)) {
      // "Chief of Staff", "Secretary of State": a title alone.
      if (to - from < 2) return null;
      from = Math.max(from + 1, to - 1);
    }
    words = runWords(text, tokens, from, to);
    if (words.length === 1 && PERSON_TITLES.has(bare(words[0]!))) return null;
  }
  const lastToken = tokens[to]!;
  const possessive = /['’]s$/.test(lastToken.text) ? 2 : 0;
  const span = { start: tokens[from]!.start, end: lastToken.end - possessive };
  if (possessive) words[words.length - 1] = words[words.length - 1]!.slice(0, -2);
  const key = entityKey(words.join(' '));
  const prev = tokens[from - 1];
  const next = tokens[to + 1];
  const lone = words.length === 1;
  let kind: EntityKind = 'other';
  let sure = true;
  let person = false;
  let placeUse = false;
  const known = PLACES.has(key) || MULTIWORD_PLACES.has(key) || learned?.has(key) || ALIASES[key];
  const acronym = lone && /^\p{Lu}{2,6}$/u.test(words[0]!);
  if (dateline(text, tokens, from, to)) kind = 'place';
  else if (isOrg) kind = 'organization';
  else if (
    !titled &&
    !possessive &&
    !known &&
    !FIRST_NAMES.has(first) &&
    namedAsBusiness(text, tokens, from, to)
  )
    kind = 'organization';
  else if (lone && GENERIC_BODIES.has(last)) sure = false;
  else if (titled) kind = 'person';
  else if (known || (!lone && PLACE_NAMES.has(key))) kind = 'place';
  else if (acronym && !NOT_ACRONYMS.has(key) && !seen.lower.has(key) && !seen.mixed().has(key))
    kind = 'organization';
  // "PRESIDENT OBAMA:" over a transcript's answers: the article's other mentions say what it names.
  else if (acronym && seen.mixed().has(key)) sure = false;
  // "Critics say": one person says, a group say.
  else if (lone && DEMONYMS.has(key)) kind = 'other';
  else if (next && SPEECH.has(next.text) && !next.text.startsWith('says') && next.text !== 'say') {
    // "unions on both sides of the Strait warned", "negotiators in Varnholm argued": a place that
    // speaks is its government.
    if (
      lone &&
      (PLACE_WORDS.has(key) || PLACE_NAMES.has(key) || (prev && PLACE_PREPOSITIONS.has(prev.text)))
    ) {
      kind = 'place';
      sure = false;
      placeUse = true;
    } else if (prev?.text.toLowerCase() === 'the') {
      // "the Red Cross said", "the Kremlin said": a body, not a person.
      kind = 'organization';
      sure = false;
    } else {
      kind = 'person';
      // "Analysts said" opening a sentence is a group as much as a surname: a full name in the
      // article still claims it ("Evans said" → "Tom Evans"); alone, it names no one.
      sure = !(lone && /s$/.test(words[0]!) && sentenceInitial(text, tokens[from]!));
      person = sure;
    }
  }
  // "in Brennick", but also "in Aasen's workshop": a guess that the person's full name may overrule.
  else if (lone && ((prev && PLACE_PREPOSITIONS.has(prev.text)) || PLACE_NAMES.has(key))) {
    kind = 'place';
    sure = false;
    placeUse = true;
  }
  // Unknown capitalised words: their first or last word may still say what they name.
  else if (!lone && (PLACE_WORDS.has(last) || PLACE_LEADS.has(first) || PLACE_HEADS.has(last)))
    kind = 'place';
  else if (!lone && EVENT_WORDS.has(last)) sure = false;
  else if (!lone && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) {
    kind = 'person';
    sure = false;
  } else sure = false;
  if (kind === 'person' && !person) person = titled || roled || personCue(text, tokens, from, to, words);
  // "Estmark's Minister for Foreign Trade": a country before its minister; "Tallyform's chief
  // technology officer" is a company's.
  if (lone && possessive && next && PUBLIC_OFFICES.has(officeAt(tokens, to + 1))) placeUse = true;
  // Built field by field: spreading `span` here made this the costliest line of the analysis.
  const initial = sentenceInitial(text, tokens[from]!);
  const afterThe = prev?.text.toLowerCase() === 'the';
  const shouted = acronym && seen.mixed().has(key);
  return {
    start: span.start,
    end: span.end,
    words,
    key,
    kind,
    sure,
    initial,
    person,
    placeUse,
    afterThe,
    shouted,
  };
}

/**
 * Whether the word just before the name or the title just after it says it is a business:
 * "supplied by Calveran company Tallyform", "Aurelis Launch chief executive Victor Sallow" (not
 * "company founder Anders Kell", nor "Obama chief strategist David Axelrod"). Only a word with
 * nothing but a space between counts ("…this company," Levy said" is no cue).
 */
function namedAsBusiness(text: string, tokens: Token[], from: number, to: number): boolean {
  const beside = (a: Token | undefined, b: Token | undefined) =>
    !!a && !!b && /^ +$/.test(text.slice(a.end, b.start));
  const prev = tokens[from - 1];
  if (beside(prev, tokens[from]) && BUSINESS_NOUNS.has(prev!.text.toLowerCase())) return true;
  if (!beside(tokens[to], tokens[to + 1])) return false;
  const next = tokens[to + 1]?.text;
  const after = tokens[to + 2]?.text;
  // "Dinakar Singh, founder of TPG-Axon", "chairman of the committee": the title is the person's.
  if (next === undefined || after === 'of') return false;
  if (BUSINESS_TITLES.has(next)) return true;
  return next === 'chief' && BUSINESS_CHIEFS.has(after ?? '');
}

/** The title word at `k`, past a modifier ("Deputy Prime Minister" → "prime"), folded. */
function officeAt(tokens: Token[], k: number): string {
  const word = bare(tokens[k]?.text ?? '');
  return TITLE_MODIFIERS.has(word) ? bare(tokens[k + 1]?.text ?? '') : word;
}

// Last words of streets and grounds, beyond the gazetteer's place words.
const PLACE_HEADS = new Set(
  'drive lane row trail boulevard plaza terrace crescent downs tower stadium arena jail prison'.split(' '),
);
