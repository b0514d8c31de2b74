import { NOT_NAMES, PERSON_TITLES, SPEECH_VERBS } from '../analyze/gazetteer.js';
import { FIRST_NAMES } from '../analyze/name-lists.js';
import type { StoryBody, StorySentence } from '../db/schema.js';
import { citedEvidence } from '../verify/evidence.js';
import type { PreparedSources } from '../verify/prepare.js';
import { checkSentence, sentenceContext } from '../verify/verify.js';
import { escapeRegExp } from '../lib/regexp.js';
import { rarity } from '../verify/rarity.js';
import { stem } from '../verify/text.js';
import type { SourceArticle } from '../verify/types.js';
import { withFirstReferences } from './first-references.js';
import { readingOrder } from './reading-order.js';
import { NAME_GOES_ON, organisationsByKind, quotedRanges, rewritten } from './reference-text.js';

/**
 * Later references. A source sentence names a person as its own report introduces them ("Governor
 * Helena Marsh said …"); copied into a story after another sentence already did, the full name and
 * title read as stitched extracts. A news article names a person in full once and then by the one
 * word its reports use for them ("Marsh said …", "Xi said …"): that word comes from the sources,
 * never from a guess at which word is the surname.
 */

// Words after which a bare surname reads as it does in a report: "said Marsh", "according to
// Marsh", "Marsh and Kell". A word not here ("the", "agency's", "of", "economist") belongs with
// the name and its title, so the sentence keeps them.
const BEFORE_SURNAME = new Set([
  ...SPEECH_VERBS.split('|'),
  ...'to by and or with from for that as when while but after before against at on in about into between among like including than whom'.split(
    ' ',
  ),
]);
// How rare in English the first word of a name not among the first names must be for a person's (see rarity.ts).
const RARE_WORD = 4.5;
// People a sentence names that make it a list.
const LIST = 3;
// The word just before a position, and the spaces after it.
const WORD_BEFORE = /([\p{L}][\p{L}.'’-]*)\s+$/u;

/**
 * Every person the sources name in full, with the one word their reports call them by on its own
 * ("Helena Marsh" → "Marsh") when that word is one of the name's and names no one else in them;
 * a name without one still counts when a sentence lists people.
 */
export function shortNames(sources: readonly SourceArticle[]): Map<string, string | undefined> {
  const counts = new Map<string, Map<string, number>>();
  // People one report names by one word only ("Marsh defended the decision"), as another names them in full.
  const alone = new Map<string, number>();
  const others = new Set<string>();
  for (const article of sources) {
    for (const entity of article.analysis.entities) {
      const name = untitled(entity.name);
      if (entity.kind !== 'person') others.add(name);
      else if (!/\s/.test(name)) alone.set(name, (alone.get(name) ?? 0) + entity.mentions.length);
      else {
        const words = name.split(/\s+/);
        const forms = counts.get(name) ?? new Map<string, number>();
        counts.set(name, forms);
        for (const m of entity.mentions) {
          const said = untitled(article.text.slice(m.start, m.end)).replace(/['’]s$/, '');
          if (words.slice(1).includes(said)) forms.set(said, (forms.get(said) ?? 0) + 1);
        }
      }
    }
  }
  for (const [name, forms] of counts)
    for (const word of name.split(/\s+/).slice(1))
      if (alone.has(word)) forms.set(word, (forms.get(word) ?? 0) + alone.get(word)!);
  const chosen = new Map<string, string | undefined>();
  for (const [name, forms] of counts) {
    const best = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    chosen.set(name, best && personal(name) ? best[0] : undefined);
  }
  // A word of two people's names ("Helena Marsh", "Tom Marsh"), or that is also a place's or an
  // organisation's name, names no one.
  const named = new Map<string, number>();
  for (const name of counts.keys())
    for (const word of new Set(name.split(/\s+/))) named.set(word, (named.get(word) ?? 0) + 1);
  for (const [name, word] of chosen)
    if (word && (named.get(word)! > 1 || others.has(word))) chosen.set(name, undefined);
  return chosen;
}

/**
 * Whether a name the analysis took for a person's opens as one: on a first name, or on a word
 * English hardly uses ("Tamsin", "Kwame"). "Upper Darby" and "Jefferson Starship" do not, and
 * "Darby said" or "returned to Starship" would name no one.
 */
function personal(name: string): boolean {
  const first = name.split(/\s+/)[0]!.toLowerCase();
  return FIRST_NAMES.has(first) || rarity(stem(first)) >= RARE_WORD;
}

/** A name without the titles before it ("Governor Helena Marsh" → "Helena Marsh"). */
function untitled(name: string): string {
  const words = name.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && PERSON_TITLES.has(bare(words[i]!))) i++;
  return words.slice(i).join(' ');
}

function bare(word: string): string {
  return word.replace(/\.$/, '').toLowerCase();
}

/**
 * Where the title before a name begins ("Calveran Finance Minister" of "… Ana Ruiz"), or undefined
 * when what stands before the name is not a title a surname may drop ("the agency's Dr.", "Bank of
 * Calvera Governor", "economist").
 */
function titleStart(text: string, at: number): number | undefined {
  let start = at;
  let afterTitle = false;
  for (let m = WORD_BEFORE.exec(text.slice(0, start)); m; m = WORD_BEFORE.exec(text.slice(0, start))) {
    const word = m[1]!;
    // A capitalised word just before a title qualifies it ("Lumora Chief Executive", "Calveran
    // Finance Minister"); a possessive ("Tallyform's"), a day or any other word does not belong to it.
    const qualifies =
      afterTitle && /^\p{Lu}/u.test(word) && !/['’]s$/.test(word) && !NOT_NAMES.has(bare(word));
    afterTitle = PERSON_TITLES.has(bare(word));
    if (!afterTitle && !qualifies) break;
    start = m.index;
  }
  const before = text.slice(0, start).trimEnd();
  // "(Bryce Dallas Howard)": a credit in brackets keeps the name in full.
  if (before.endsWith('(')) return undefined;
  if (before === '' || /[,;:—–"“]$/.test(before)) return start;
  const word = WORD_BEFORE.exec(`${before} `);
  const lower = word ? word[1]!.toLowerCase() : '';
  // "of" before a title may end an organisation's name ("Bank of Calvera Governor Helena Marsh").
  const ok = BEFORE_SURNAME.has(lower) || (lower === 'of' && start === at);
  if (!word || !ok) return undefined;
  // "Video editor and director Jakob Hernig": a title after "and" ends a role of two.
  if ((lower === 'and' || lower === 'or') && start !== at) return undefined;
  // "Dan and Fran Keller": a name after "and" may share its surname with the one before.
  const joined =
    (word[1] === 'and' || word[1] === 'or') && /\p{Lu}[\p{L}.'’-]*\s+$/u.test(before.slice(0, word.index));
  return joined ? undefined : start;
}

/**
 * Whether a short name at [start, end) stands for its person: not a thing named for them after an
 * article ("a Carpentier artificial heart", "the Perry announcement"), not a word of another name
 * ("King James"), nor the first part of a hyphenated word ("K-cups").
 */
function standsForPerson(text: string, start: number, end: number): boolean {
  if (end - start < 2 || /^[-‐‑\p{L}]/u.test(text.slice(end))) return false;
  const before = WORD_BEFORE.exec(text.slice(0, start))?.[1];
  if (!before) return true;
  if (/^(?:a|an|the)$/i.test(before)) return false;
  // A capital that opens the sentence is no name's ("Then Marsh said").
  const prior = text.slice(0, start).replace(/\S+\s+$/u, '');
  const opensSentence = prior.trim() === '' || /[.!?]["”’]?\s*$/u.test(prior);
  return !/^\p{Lu}/u.test(before) || PERSON_TITLES.has(bare(before)) || opensSentence;
}

/** A person the story may call by a short name, with how to find either name in a sentence. */
interface Person {
  name: string;
  short?: string;
  full: RegExp;
  brief?: RegExp;
}

function wordsPattern(words: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(words)}(?![\\p{L}\\p{N}])`, flags);
}

/** The people of `short` (a name without a short name counts towards a list), longest name first, so that a name inside a longer one is not read apart. */
function peopleOf(short: ReadonlyMap<string, string | undefined>): Person[] {
  return [...short]
    .sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]))
    .map(([name, word]) => ({
      name,
      full: wordsPattern(name, 'gu'),
      ...(word ? { short: word, brief: wordsPattern(word, 'u') } : {}),
    }));
}

/**
 * `text` with every full name of `introduced` (and the title before it) outside quotation marks
 * replaced by its short name, where nothing but a title stands between the name and the sentence
 * around it, and the first short name of someone not yet introduced written as their full name.
 * Names the text gives in full join `introduced`, so a second mention in one sentence is shortened
 * too. With `edit` false the text stays as it is and only `introduced` learns whom it names.
 */
function referLater(text: string, people: readonly Person[], introduced: Set<string>, edit = true): string {
  const found = people.flatMap((p) =>
    [...text.matchAll(p.full)].map((m) => ({ person: p, start: m.index, end: m.index + p.name.length })),
  );
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // A list of people ("Samuel L. Jackson, Brie Larson, Tom Hiddleston and John C. Reilly") keeps
  // every name in full: a list that names some by surname reads as if they were other people.
  const named = people.filter((p) => found.some((f) => f.person === p) || p.brief?.test(text));
  if (named.length >= LIST) {
    for (const f of found) introduced.add(f.person.name);
    return text;
  }
  const quoted = quotedRanges(text);
  const edits: { start: number; end: number; word: string }[] = [];
  // A short name before its person's full name ("… said Dane." before "Rovers manager Marcus
  // Dane"): a reader meets who it is first. The first such word outside quotation marks and
  // outside a full name is written in full.
  for (const p of people) {
    if (
      !edit ||
      !p.short ||
      introduced.has(p.name) ||
      !FIRST_NAMES.has(p.name.split(/\s+/)[0]!.toLowerCase())
    )
      continue;
    const all = new RegExp(p.brief!.source, 'gu');
    const early = [...text.matchAll(all)].find(
      (m) =>
        !found.some((f) => f.person === p && m.index >= f.start && m.index < f.end) &&
        !quoted.some(([s, e]) => m.index > s && m.index < e) &&
        (found.find((f) => f.person === p)?.start ?? Number.POSITIVE_INFINITY) > m.index &&
        standsForPerson(text, m.index, m.index + p.short!.length),
    );
    if (!early) continue;
    edits.push({ start: early.index, end: early.index + p.short.length, word: p.name });
    introduced.add(p.name);
  }
  let reached = 0;
  for (const f of found) {
    if (f.start < reached) continue; // inside a longer name
    reached = f.end;
    const inQuote = quoted.some(([s, e]) => f.start > s && f.end < e);
    const word = f.person.short;
    if (word && introduced.has(f.person.name) && !inQuote && !NAME_GOES_ON.test(text.slice(f.end))) {
      const start = titleStart(text, f.start);
      if (start !== undefined) edits.push({ start, end: f.end, word });
    }
    introduced.add(f.person.name);
  }
  if (!edit) return text;
  let out = text;
  for (const e of edits.sort((x, y) => y.start - x.start))
    out = out.slice(0, e.start) + e.word + out.slice(e.end);
  return out;
}

/**
 * For each organisation the sources name in full whose name ends on what it is ("Reserve Bank of
 * Calvera", "Consumer Product Safety Board"), that word as the sources write it after "the" ("the
 * bank", "the board").
 */
export function organisationNouns(sources: readonly SourceArticle[]): Map<string, string> {
  const out = new Map<string, string>();
  const saidOf = new Map<string, boolean>();
  const said = (head: string) => {
    let found = saidOf.get(head);
    if (found === undefined) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])[Tt]he ${head}(?![\\p{L}\\p{N}])`, 'u');
      found = sources.some((a) => pattern.test(a.text));
      saidOf.set(head, found);
    }
    return found;
  };
  for (const { name, head } of organisationsByKind(sources)) if (said(head)) out.set(name, head);
  return out;
}

/** `text` with "the" and the full name of every organisation of `introduced` read as "the bank". */
function referToOrganisations(
  text: string,
  organisations: readonly { name: string; head: string; pattern: RegExp }[],
  introduced: Set<string>,
): string {
  const quoted = quotedRanges(text);
  let out = text;
  for (const org of organisations) {
    let seen = introduced.has(org.name);
    out = out.replace(org.pattern, (match: string, the: string, at: number, whole: string) => {
      const end = at + match.length;
      const keep = !seen || quoted.some(([s, e]) => at > s && end < e) || NAME_GOES_ON.test(whole.slice(end));
      seen = true;
      return keep ? match : `${the} ${org.head}`;
    });
    if (seen) introduced.add(org.name);
  }
  return out;
}

/**
 * The body with later references shortened in reading order (the lede, then each section): people
 * by their short name, organisations by what they are. Also the location of each sentence it
 * changed, with the sentence as it was.
 */
export function withLaterReferences(
  body: StoryBody,
  short: ReadonlyMap<string, string | undefined>,
  nouns: ReadonlyMap<string, string> = new Map(),
  kept: ReadonlySet<string> = new Set(),
): { body: StoryBody; changed: Map<string, StorySentence> } {
  const people = peopleOf(short);
  // "The bank" is one bank only when the story names no other ("Consolidated Bank of Sable").
  const written = readingOrder(body)
    .map((s) => s.text)
    .join(' ');
  const heads = new Map<string, number>();
  for (const [name, head] of nouns) if (written.includes(name)) heads.set(head, (heads.get(head) ?? 0) + 1);
  const organisations = [...nouns]
    .filter(([, head]) => heads.get(head) === 1)
    .sort((a, b) => b[0].length - a[0].length)
    .map(([name, head]) => ({
      name,
      head,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(the|The) ${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu'),
    }));
  const introduced = new Set<string>();
  return rewritten(body, (s, location) => {
    // A sentence kept as its source wrote it still introduces whom it names in full.
    if (kept.has(location)) {
      referLater(s.text, people, introduced, false);
      referToOrganisations(s.text, organisations, introduced);
      return s.text;
    }
    return referToOrganisations(referLater(s.text, people, introduced), organisations, introduced);
  });
}

/**
 * The settled body naming an organisation in full where a sentence copied without its report's
 * introduction calls it "the agency", naming a person in full where the body first calls them by
 * their short name, and calling people and organisations by their short names after it names them
 * in full; a sentence so changed that the verifier would no longer hold keeps the words of its
 * source, and the passes run again around it.
 */
export function referredTo(
  body: StoryBody,
  sources: readonly SourceArticle[],
  prepared: PreparedSources,
): StoryBody {
  const short = shortNames(sources);
  const nouns = organisationNouns(sources);
  // A round after the first meets most changed sentences again as they were: each is checked once.
  const checked = new Map<string, boolean>();
  const holds = (s: StorySentence, location: string) => {
    const key = `${location}\n${s.text}`;
    const known = checked.get(key);
    if (known !== undefined) return known;
    const ok = check(s, location);
    checked.set(key, ok);
    return ok;
  };
  const check = (s: StorySentence, location: string) => {
    const ctx = sentenceContext(
      location,
      s.text,
      s.citations,
      citedEvidence(prepared, s.citations),
      prepared,
      true,
    );
    return !checkSentence(ctx).findings.some((f) => f.severity === 'error');
  };
  // A sentence the verifier would not hold keeps its source's words, and the passes run again
  // around it: a full name it no longer gives must not leave a later sentence a bare surname.
  const kept = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const first = withFirstReferences(body, sources, kept);
    const later = withLaterReferences(first.body, short, nouns, kept);
    const failing: string[] = [];
    const changed = (location: string) => later.changed.has(location) || first.changed.has(location);
    rewritten(later.body, (s, location) => {
      if (changed(location) && !holds(s, location)) failing.push(location);
      return s.text;
    });
    if (failing.length === 0) return later.body;
    for (const location of failing) kept.add(location);
  }
  return body;
}

// Rounds of the reference passes before the body stays as the sources wrote it.
const MAX_ROUNDS = 4;
