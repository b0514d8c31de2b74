import {
  EVENT_WORDS,
  MULTIWORD_PLACES,
  NOT_NAMES,
  ORG_LEADS,
  ORG_WORDS,
  PERSON_TITLES,
  PLACES,
  PLACE_LEADS,
  PLACE_WORDS,
  SPEECH_VERBS,
} from './gazetteer.js';
import { STOPWORDS } from './stopwords.js';
import { fold, type Token, tokenize } from './text.js';
import type { Entity, EntityKind, Span } from './types.js';

const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'da',
  'van',
  'von',
  'der',
  'al',
  'bin',
  'for',
  'the',
  'du',
  'la',
]);
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

/** A run of capitalized words found in the text, before linking. */
interface Mention extends Span {
  words: string[];
  key: string;
  kind: EntityKind;
  /** The kind is certain (a title, an organisation word, a gazetteer hit), not a guess. */
  sure: boolean;
  /** The mention opens a sentence, where capitals say nothing. */
  initial: boolean;
}

/** Options for entity extraction: places learned elsewhere (folded names). */
export interface EntityOptions {
  places?: ReadonlySet<string>;
}

/** The key that links mentions of one entity: folded words, with common aliases ("U.S." → "united states"). */
export function entityKey(name: string): string {
  const key = fold(name)
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}\p{N}.\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ALIASES[key] ?? key.replace(/\.$/, '');
}

function isCap(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** People, organisations and places named in `text`, linked within it ("Minister Kim" → "Kim Jung-kwan"). */
export function extractEntities(
  text: string,
  options: EntityOptions = {},
  tokens = tokenize(text),
): Entity[] {
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (!isCap(t.text)) lowerSeen.add(t.text);
  const mentions: Mention[] = [];
  for (const run of capitalRuns(text, tokens)) {
    const mention = classify(text, run, tokens, lowerSeen, options.places);
    if (mention) mentions.push(mention);
  }
  return link(mentions);
}

/** Runs of capitalized tokens (with "of", "de"… inside), never crossing punctuation or a line break. */
function* capitalRuns(text: string, tokens: Token[]): Generator<{ from: number; to: number }> {
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && joined(text, tokens[j]!, tokens[j + 1]!)) {
      const next = tokens[j + 1]!.text;
      if (isCap(next)) j++;
      else if (
        CONNECTORS.has(next) &&
        j + 2 < tokens.length &&
        isCap(tokens[j + 2]!.text) &&
        joined(text, tokens[j + 1]!, tokens[j + 2]!)
      )
        j += 2;
      else break;
    }
    yield { from: i, to: j };
    i = j + 1;
  }
}

function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '-' || (gap === '' && a.text.endsWith('.'));
}

const SKIPPED_BEFORE = ' \t\r\n"\'“‘«([—–-';

function sentenceInitial(text: string, token: Token): boolean {
  let i = token.start - 1;
  while (i >= 0 && SKIPPED_BEFORE.includes(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || '.!?:;…'.includes(text[i]!);
}

function classify(
  text: string,
  run: { from: number; to: number },
  tokens: Token[],
  lowerSeen: Set<string>,
  learned: ReadonlySet<string> | undefined,
): Mention | null {
  let from = run.from;
  let to = run.to;
  // A capitalized common word at a sentence start ("Tsunami deaths mount…") is no name.
  while (from <= to) {
    const w = tokens[from]!.text;
    const f = fold(w).replace(/\.$/, '');
    const initial = sentenceInitial(text, tokens[from]!);
    if (NOT_NAMES.has(f) || (initial && (STOPWORDS.has(f) || lowerSeen.has(w.toLowerCase())))) from++;
    else break;
  }
  while (from <= to && CONNECTORS.has(tokens[from]!.text.toLowerCase())) from++;
  while (
    to >= from &&
    (CONNECTORS.has(tokens[to]!.text) || NOT_NAMES.has(fold(tokens[to]!.text).replace(/\.$/, '')))
  )
    to--;
  if (from > to) return null;
  let words = tokens.slice(from, to + 1).map((t) => t.text);
  const last = fold(words[words.length - 1]!).replace(/['’]s$/, '');
  const isOrg = ORG_WORDS.has(last) || ORG_LEADS.has(fold(words[0]!));
  let titled = false;
  if (!isOrg) {
    // "Japanese Prime Minister Junichiro Koizumi": the name starts after the last title word.
    for (let k = to - 1; k >= from; k--) {
      if (!PERSON_TITLES.has(fold(tokens[k]!.text).replace(/\.$/, ''))) continue;
      from = k + 1;
      titled = true;
      break;
    }
    // "Deputy Mayor for Transport Karin Holm": a portfolio after the title; the name is its last two words.
    if (titled && from < to && CONNECTORS.has(tokens[from]!.text)) from = Math.max(from + 1, to - 1);
    words = tokens.slice(from, to + 1).map((t) => t.text);
    if (words.length === 1 && PERSON_TITLES.has(fold(words[0]!).replace(/\.$/, ''))) return null;
  }
  const lastToken = tokens[to]!;
  const possessive = /['’]s$/.test(lastToken.text) ? 2 : 0;
  const span = { start: tokens[from]!.start, end: lastToken.end - possessive };
  if (possessive) words[words.length - 1] = words[words.length - 1]!.slice(0, -2);
  const key = entityKey(words.join(' '));
  const prev = tokens[from - 1];
  const next = tokens[to + 1];
  let kind: EntityKind = 'other';
  let sure = true;
  if (isOrg) kind = 'organization';
  else if (titled) kind = 'person';
  else if (PLACES.has(key) || MULTIWORD_PLACES.has(key) || learned?.has(key) || ALIASES[key]) kind = 'place';
  else if (/^\p{Lu}{2,6}$/u.test(words.join(''))) kind = 'organization';
  // "Critics say": one person says, a group say.
  else if (next && SPEECH.has(next.text) && !next.text.startsWith('says') && next.text !== 'say') {
    kind = 'person';
    // "Analysts said" opening a sentence is a group as much as a surname: a full name in the
    // article still claims it ("Evans said" → "Tom Evans"); alone, it names no one.
    sure = !(words.length === 1 && /s$/.test(words[0]!) && sentenceInitial(text, tokens[from]!));
  }
  // "in Brennick", but also "in Aasen's workshop": a guess that the person's full name may overrule.
  else if (words.length === 1 && prev && PLACE_PREPOSITIONS.has(prev.text)) {
    kind = 'place';
    sure = false;
  }
  // Unknown capitalised words: their first or last word may still say what they name.
  else if (words.length >= 2 && (PLACE_WORDS.has(last) || PLACE_LEADS.has(fold(words[0]!)))) kind = 'place';
  else if (words.length >= 2 && EVENT_WORDS.has(last)) sure = false;
  else if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) {
    kind = 'person';
    sure = false;
  } else sure = false;
  // Built field by field: spreading `span` here made this the costliest line of the analysis.
  const initial = sentenceInitial(text, tokens[from]!);
  return { start: span.start, end: span.end, words, key, kind, sure, initial };
}

/** Groups mentions by key, and folds a lone surname ("Kim") into the full name it belongs to. */
function link(mentions: Mention[]): Entity[] {
  const byKey = new Map<string, { entity: Entity; sure: boolean; initialOnly: boolean }>();
  const people: { key: string; parts: string[] }[] = [];
  for (const m of mentions) {
    const key = m.key;
    if (!key) continue;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        entity: { key, name: m.words.join(' '), kind: m.kind, mentions: [] },
        sure: m.sure,
        initialOnly: true,
      };
      byKey.set(key, entry);
      if (m.kind === 'person' && m.words.length > 1) people.push({ key, parts: key.split(/[ ]/) });
    }
    upgrade(entry, m);
    if (!m.initial) entry.initialOnly = false;
    entry.entity.mentions.push({ start: m.start, end: m.end });
  }
  let orgs: { key: string; parts: string[] }[] | undefined;
  const organizations = () =>
    (orgs ??= [...byKey.values()]
      .filter((e) => e.entity.kind === 'organization' && e.entity.key.includes(' '))
      .map((e) => ({ key: e.entity.key, parts: e.entity.key.split(' ') })));
  for (const [key, entry] of byKey) {
    if (key.includes(' ') || (entry.entity.kind === 'place' && entry.sure)) continue;
    if (entry.entity.kind === 'organization') {
      // A club or body by the one word it ends on ("Rovers" → "Sable City Rovers"), when only one
      // organisation of the article does.
      const ends = organizations().filter((o) => o.parts[o.parts.length - 1] === key);
      if (ends.length === 1) merge(byKey, key, ends[0]!.key);
      // "Government officials said", "Police are investigating": the kind of body, named by none.
      else if (entry.initialOnly && ORG_WORDS.has(key)) byKey.delete(key);
      continue;
    }
    // Surname last (Western) or first (Korean, Chinese): "Obama" → "Barack Obama", "Kim" → "Kim Jung-kwan".
    // A company's short name: "Crownline" → "Crownline Power".
    const owner =
      people.find((p) => p.parts[p.parts.length - 1] === key) ??
      people.find((p) => p.parts[0] === key) ??
      organizations().find((o) => o.parts[0] === key);
    if (!owner) {
      // A lone capitalized word seen only at sentence starts ("Despite") is most likely no name.
      if (entry.initialOnly && !entry.sure) byKey.delete(key);
      continue;
    }
    merge(byKey, key, owner.key);
  }
  return [...byKey.values()].map((e) => e.entity);
}

/** Moves the mentions of the entity under `key` to the one under `owner`, and drops it. */
function merge(byKey: Map<string, { entity: Entity }>, key: string, owner: string): void {
  const target = byKey.get(owner)!;
  target.entity.mentions.push(...byKey.get(key)!.entity.mentions);
  target.entity.mentions.sort((a, b) => a.start - b.start);
  byKey.delete(key);
}

function upgrade(entry: { entity: Entity; sure: boolean }, m: Mention): void {
  const name = m.words.join(' ');
  if (name.length > entry.entity.name.length) entry.entity.name = name;
  if (m.sure && (!entry.sure || entry.entity.kind === 'other')) {
    entry.entity.kind = m.kind;
    entry.sure = true;
  } else if (entry.entity.kind === 'other' && m.kind !== 'other') entry.entity.kind = m.kind;
}
