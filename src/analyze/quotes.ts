import { entityKey } from './entities.js';
import { PERSON_TITLES, SPEECH_VERBS } from './gazetteer.js';
import { sentenceAt } from './text.js';
import type { Entity, Quote, Span } from './types.js';
import { escapeRegExp } from '../lib/regexp.js';

// Opening mark → closing marks that end it. Straight double quotes pair with each other.
const PAIRS: Record<string, string> = { '"': '"', '“': '”"', '«': '»', '„': '“”' };
const MIN_WORDS = 3;

const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*)(?:[ -](?:of |de |van |von |al |bin )?\p{Lu}[\p{L}'’.-]*){0,4}`;
const TITLE = String.raw`(?:(?:the |a |an )?(?:[\p{Ll}-]+ ){0,3})`;
const PRONOUN = 'he|she|they';
// A role before the name it is given to, between commas: `its chair, `, `the museum's director, `.
const ROLE_APPOSED = String.raw`(?:(?:the|a|an|its|their|his|her) )?(?:[\p{Ll}-]+['’]s )?(?:[\p{Ll}-]+ ){0,3}[\p{Ll}-]+, `;
// After the quote: `," said its chair, Osei`, `," said Kim`, `," Kim said`, `," the minister said`,
// `," he said`.
const AFTER = new RegExp(
  String.raw`^[\s,.]*(?:(?:${SPEECH_VERBS}) ${ROLE_APPOSED}(?<n3>${NAME})|(?:${SPEECH_VERBS}) ${TITLE}(?<n1>${NAME}|${PRONOUN})|(?<n2>${NAME}|${PRONOUN}) (?:${SPEECH_VERBS})\b)`,
  'u',
);
// Before the quote: `Kim said: "`, `Kim said "`, `According to Kim, "`.
const BEFORE = new RegExp(
  String.raw`(?:(?<n1>${NAME}|${PRONOUN}) (?:${SPEECH_VERBS})(?: [\p{L}.'’]+){0,4}[,:]?|[Aa]ccording to ${TITLE}(?<n2>${NAME}),?)\s*$`,
  'u',
);

/** Options: the article's entities, so a speaker resolves to its key and pronouns to the last person. */
export interface QuoteOptions {
  entities?: Entity[];
  sentences?: Span[];
}

/**
 * Direct quotes in `text`: the exact words between quote marks (straight or curly, across sentences;
 * three words or more, so scare quotes are left out) with the speaker named by the attribution.
 */
export function extractQuotes(text: string, options: QuoteOptions = {}): Quote[] {
  const entities = options.entities ?? [];
  const sentences = options.sentences ?? [{ start: 0, end: text.length }];
  const people = personMentions(entities);
  const out: Quote[] = [];
  for (const span of quoteSpans(text)) {
    const words = text.slice(span.start, span.end).trim();
    if (words.split(/\s+/).length < MIN_WORDS) continue;
    const found = findSpeaker(text, span, { text, people, entities, sentences: options.sentences ?? [] });
    const speaker = found && namesThemself(words, found, entities) ? null : found;
    out.push({
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      speaker: speaker?.name ?? null,
      speaker_key: speaker?.key ?? null,
      sentence: Math.max(0, sentenceAt(sentences, span.start)),
    });
  }
  return out;
}

/**
 * Whether a person would be naming themself in the quote ("Fatima Johnson, may u Rest In Peace",
 * "… to implement Mr Annan's proposal"): people speak of others by surname, so the attribution
 * found the wrong person. An organisation names itself ("Northwestern believes …") and stays.
 */
function namesThemself(
  quote: string,
  speaker: { name: string; key: string | null },
  entities: Entity[],
): boolean {
  const surname = speaker.name
    .split(/\s+/)
    .at(-1)!
    .replace(/[.,]+$/, '');
  // Most quotes do not hold the name at all; building the word-bounded pattern costs far more.
  if (surname.length <= 2 || !quote.includes(surname)) return false;
  const person = entities.some(
    (e) => e.kind === 'person' && (e.key === speaker.key || e.name === speaker.name),
  );
  return person && new RegExp(`(?<![\\p{L}])${escapeRegExp(surname)}(?![\\p{L}])`, 'u').test(quote);
}

/** Spans inside quote marks; an unclosed quote ends with its paragraph. */
function quoteSpans(text: string): (Span & { close: number })[] {
  const spans: (Span & { close: number })[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const closers = PAIRS[ch];
    // A straight quote glued to a letter before it closes something else (or is an inch mark).
    if (!closers || (ch === '"' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!))) {
      i++;
      continue;
    }
    const para = text.indexOf('\n', i + 1);
    const limit = para === -1 ? text.length : para;
    let j = i + 1;
    while (j < limit && !closers.includes(text[j]!)) j++;
    let end = j;
    while (end > i + 1 && /[\s,]/.test(text[end - 1]!)) end--;
    if (end > i + 1) spans.push({ start: i + 1, end, close: j });
    i = j + 1;
  }
  return spans;
}

interface PersonMention extends Span {
  entity: Entity;
}

function personMentions(entities: Entity[]): PersonMention[] {
  const out: PersonMention[] = [];
  for (const entity of entities) {
    if (entity.kind !== 'person' && entity.kind !== 'other') continue;
    for (const m of entity.mentions) out.push({ ...m, entity });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What a speaker resolves against: the article's people, its entities and its sentences. */
interface Cast {
  text: string;
  people: PersonMention[];
  entities: Entity[];
  sentences: Span[];
}

// After the verb, a clause of its own closed by a full stop ("said it had acted. "), not where or to
// whom it was said ("told reporters. ", "said in a statement. "), which introduces the quote.
const SAID_CLAUSE = new RegExp(
  String.raw`(?:${SPEECH_VERBS}) (?:that |it |he |she |they |we |there )[^"“]*\p{Ll}{2}\.\s*$`,
  'u',
);
// Abbreviations whose full stop does not end the attribution ("said Dr. Ilse Varga").
const ABBREVIATION = /\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|Gen|Lt|Col|Sgt|Capt|Rev|Sen|Rep|Gov)$/;

/** Where an attribution after a speech verb ends: a comma, colon, quote mark, line or full stop. */
function attributionEnd(text: string): number {
  for (const m of text.matchAll(/[,;:\n"“”]|\.(?=\s|$)/g)) {
    if (m[0] === '.' && ABBREVIATION.test(text.slice(0, m.index))) continue;
    return m.index;
  }
  return text.length;
}

function findSpeaker(
  text: string,
  span: Span & { close: number },
  cast: Cast,
): { name: string; key: string | null } | null {
  const after = text.slice(span.close + 1, span.close + 120);
  // A quote that ends its sentence ('…on Saturday."') or its paragraph is not attributed by what
  // follows: 'The board said…' there opens the next sentence and speaks of something else.
  const ended = /\.\s*$/.test(text.slice(span.start, span.close)) || /^[^\p{L}]*\n/u.test(after);
  const a = ended ? null : AFTER.exec(after);
  if (a) {
    const name = (a.groups!.n3 ?? a.groups!.n1 ?? a.groups!.n2)!;
    const at = span.close + 1 + a.index + a[0].lastIndexOf(name);
    // "said former Rovers captain Stefan Marek, now a pundit", "said Estmark's Minister for Foreign
    // Trade Tomas Reinholt after the session": the last person the attribution names speaks; the
    // names before are whom they work or played for, or their title.
    // "said Siddharth Rao of the Fair Medicines Campaign": after a person, "of" names whom they speak for.
    if (a.groups!.n1) {
      const clause = text.slice(at, at + attributionEnd(text.slice(at, at + 120)));
      // "said Hayes's attorney, John Fuller": a name owning the role is not who speaks; the person in
      // apposition is, and without one the speaker is not named.
      const owner = POSSESSIVE.test(name);
      const role = holdsRole(clause.slice(name.length));
      const named = cast.people.filter(
        (p) =>
          p.entity.kind === 'person' &&
          p.start >= at &&
          p.start < at + clause.length &&
          !(role && p.start === at),
      );
      const of = clause.search(/\sof\s/);
      const before = of < 0 ? [] : named.filter((p) => p.start < at + of);
      const speaker = owner ? undefined : (before.length > 0 ? before : named).at(-1);
      if (speaker) return { name: speaker.entity.name, key: speaker.entity.key };
      // "said the museum's director, Dr. Cordelia Fane": the person in apposition speaks.
      const next = at + clause.length;
      if (text[next] === ',') {
        const apposition = next + 1 + attributionEnd(text.slice(next + 1, next + 60));
        const named = cast.people.find(
          (p) => p.entity.kind === 'person' && p.start > next && p.start < apposition,
        );
        if (
          named &&
          (owner ||
            role ||
            !cast.people.some((p) => p.entity.kind === 'person' && p.start <= at && p.end > at))
        ) {
          return { name: named.entity.name, key: named.entity.key };
        }
      }
      if (owner) return null;
    }
    return resolve(name, at, cast, span.start);
  }
  const lineStart = Math.max(text.lastIndexOf('\n', span.start - 2) + 1, span.start - 160);
  const before = text.slice(lineStart, span.start - 1);
  const b = BEFORE.exec(before);
  // "Lumora said it had acted. \"…\"": the words after the verb end a sentence of their own, and
  // the quote that follows is not theirs.
  if (b && !SAID_CLAUSE.test(b[0])) {
    const name = (b.groups!.n1 ?? b.groups!.n2)!;
    const at = lineStart + b.index + b[0].indexOf(name);
    return resolve(name, at, cast, span.start);
  }
  return null;
}

/**
 * "said Facebook founder and CEO, Mark Zuckerberg": words after the name that are a role ("founder
 * and CEO") make the name whom the role is held at, whatever the name was read as.
 */
function holdsRole(rest: string): boolean {
  const words = rest
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const title = (w: string) => PERSON_TITLES.has(w.toLowerCase());
  return words.some(title) && words.every((w) => title(w) || /^[\p{Ll}-]+$/u.test(w));
}

// A sentence that opens on "he" or "she" (after a time or a conjunction at most).
const PRONOUN_SUBJECT = /^\W*(?:(?:and|but|then|later|also|now)\W+)?(?:he|she)\b/i;
// A name that owns what follows it ("Hayes's attorney", "Price’s mother").
const POSSESSIVE = /['’]s$/;
// Someone a possessive names by whose they are: the person speaks for, or of, the name before.
const KIN_OR_AGENT =
  /^['’]s\s+(?:\p{Ll}+\s+){0,2}(?:mother|father|parents|wife|husband|widow|partner|son|daughter|brother|sister|aunt|uncle|cousin|grandmother|grandfather|family|friend|girlfriend|boyfriend|fianc[ée]e?|neighbou?r|lawyer|attorney|spokes(?:man|woman|person)|agent|manager|representative|publicist|doctor|colleague|boss|bandmate|teammate|producer|aide|adviser|advisor)\b/u;

function resolve(
  name: string,
  at: number,
  { people, entities, sentences, text }: Cast,
  quoteStart: number,
): { name: string; key: string | null } | null {
  if (/^(he|she|they)$/i.test(name)) {
    // A pronoun speaks for the person the last sentence naming someone is about: the first it names
    // (its subject), not the last ("Chairman Lionel Hargreaves gave Dane his backing. '…,' he said").
    const before = people.filter((p) => p.start < quoteStart && p.entity.kind === 'person');
    const last = before.at(-1);
    if (!last) return null;
    // Without the article's sentences, the last person named.
    const sentence = sentences.length > 0 ? sentences[sentenceAt(sentences, last.start)] : undefined;
    // "He added that … Mitch McConnell to …. '…,' he said": a sentence whose subject is itself "he"
    // or "she" names someone else; who the pronoun is, only the article before it tells.
    const opening = sentence ? text.slice(sentence.start, last.start).replace(/["“][^"”]*["”]/g, '') : '';
    if (PRONOUN_SUBJECT.test(opening)) return null;
    const subject = sentence ? before.find((p) => p.start >= sentence.start) : undefined;
    const speaker = subject ?? last;
    // "Price's mother, who could be a key witness, said …. '…,' she said": the subject is the mother,
    // not Price.
    if (KIN_OR_AGENT.test(text.slice(speaker.end, speaker.end + 40))) {
      // "Erin Stoffel's friend, Tari Schroth, 36, described …": the one named in apposition speaks.
      const named = before.find(
        (p) => p.start > speaker.end && p.start - speaker.end < 40 && text[p.start - 2] === ',',
      );
      return named ? { name: named.entity.name, key: named.entity.key } : null;
    }
    return { name: speaker.entity.name, key: speaker.entity.key };
  }
  const hit = people.find((p) => p.start <= at + name.length && p.end >= at);
  if (hit) return { name: hit.entity.name, key: hit.entity.key };
  // "Dr. Ilse Varga of Sable City University" read as one organisation: the person is the name
  // before "of", without the titles before it.
  const person = personName(name);
  const byName = entities.find(
    (e) => e.kind === 'person' && (e.name.endsWith(person) || person.endsWith(e.name)),
  );
  if (byName) return { name: byName.name, key: byName.key };
  const other = entities.find((e) => e.name.endsWith(name) || name.endsWith(e.name));
  if (other && person === name) return { name: other.name, key: other.key };
  return { name: person, key: person === name ? null : entityKey(person) };
}

/**
 * A speaker's own name in an attribution: after the last title ("Dr.", "Area Manager") and before
 * any "of" that follows it ("of Sable City University"). "Ministry of Labour" has no title and stays.
 */
function personName(name: string): string {
  const words = name.split(' ');
  const title = words.findLastIndex(
    (w, i) => i < words.length - 1 && PERSON_TITLES.has(w.toLowerCase().replace(/\.$/, '')),
  );
  if (title < 0) return name;
  const own = words.slice(title + 1);
  const of = own.indexOf('of');
  return (of > 0 ? own.slice(0, of) : own).join(' ');
}
