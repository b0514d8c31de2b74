import type { Entity, Span } from '../analyze/types.js';
import type { RawValue } from './quantities.js';

/**
 * A person's title or role as each article gives it: the words before the name ("Deputy Prime
 * Minister Tomas Reinholt") or in an apposition after it ("Leonard Brisk, chief executive of the
 * SMTA,"). Honorifics (Dr, Professor) are a fact of their own.
 */

// Words that make a phrase an office or a role (not a description such as "a bus driver").
const ROLE = new Set(
  (
    'minister secretary president vice chair chairman chairwoman chairperson chief executive ceo cfo coo ' +
    'director manager governor mayor councillor councilor senator commissioner spokesperson spokesman ' +
    'spokeswoman head leader captain coach treasurer chancellor premier ambassador judge superintendent ' +
    'inspector general deputy officer administrator prosecutor sheriff speaker editor founder dean rector ' +
    'registrar curator keeper trustee marshal commander admiral colonel lieutenant sergeant constable ' +
    'envoy attorney auditor comptroller provost principal secretary-general director-general'
  ).split(' '),
);
const HONORIFIC: Record<string, string> = {
  dr: 'dr',
  doctor: 'dr',
  professor: 'professor',
  prof: 'professor',
};
// Words that say nothing about which office (compatible with any title).
const GENERIC = new Set(['head', 'leader', 'chief', 'boss', 'official']);
const SYNONYMS: Record<string, string> = {
  ceo: 'chief executive',
  spokesman: 'spokesperson',
  spokeswoman: 'spokesperson',
  chairman: 'chair',
  chairwoman: 'chair',
  chairperson: 'chair',
  councilor: 'councillor',
  'director-general': 'director general',
  'secretary-general': 'secretary general',
};
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'at', 'on']);
const FORMER = /\b(?:former|ex|then|outgoing|late|onetime|one-time)\b/i;

/** The normalized words of a title: role words and their modifiers, without names or function words. */
export function titleKey(phrase: string, names: ReadonlySet<string> = new Set()): string {
  const words: string[] = [];
  for (const raw of phrase.split(/[\s,]+/)) {
    const bare = raw.replace(/['’]s$/, '').replace(/[^\p{L}-]/gu, '');
    const lower = bare.toLowerCase();
    if (!lower || CONNECTORS.has(lower) || /^(?:a|an|its|his|her|their)$/.test(lower)) continue;
    if (/^\p{Lu}{2,}$/u.test(bare) || names.has(lower)) continue; // an acronym or a name: whose office, not which
    words.push(...(SYNONYMS[lower] ?? lower).split(' '));
  }
  return [...new Set(words)].sort().join(' ');
}

/** True when two title keys can both be true of one person: equal, one inside the other, or generic. */
export function titlesAgree(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.every((w) => GENERIC.has(w)) || y.every((w) => GENERIC.has(w))) return true;
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

/** Titles and honorifics of the people named in one sentence. */
export function titleValues(text: string, sentence: Span, entities: readonly Entity[]): RawValue[] {
  const out: RawValue[] = [];
  const names = new Set(
    entities.filter((e) => e.kind !== 'person').flatMap((e) => e.name.toLowerCase().split(/\s+/)),
  );
  for (const person of entities) {
    if (person.kind !== 'person' || !person.key.includes(' ')) continue;
    // "Talia Brennan of the Progressive Coalition" is Talia Brennan; "Councillor Edda Voss" is Edda Voss.
    const words = person.key.split(/ (?:of|for|from|at) /)[0]!.split(' ');
    const titled = words.findIndex((w) => !ROLE.has(w) && HONORIFIC[w] === undefined);
    const key = words.slice(Math.max(0, titled)).join(' ');
    if (!key.includes(' ')) continue;
    for (const m of person.mentions) {
      if (m.start < sentence.start || m.end > sentence.end) continue;
      const before = leadingTitle(
        text,
        sentence.start,
        m.start + nameOffset(text.slice(m.start, m.end), titled),
      );
      if (before) {
        const honorific = HONORIFIC[before.words[before.words.length - 1]!.toLowerCase().replace('.', '')];
        const role = honorific ? before.words.slice(0, -1) : before.words;
        if (honorific) out.push(value(`honorific:${key}`, honorific, before.honorificSpan!, text));
        if (role.some((w) => ROLE.has(w.toLowerCase())))
          out.push(value(`title:${key}`, titleKey(role.join(' '), names), before.roleSpan, text));
      }
      const after = apposition(text, m.end, sentence.end);
      if (after) out.push(value(`title:${key}`, titleKey(after.phrase, names), after.span, text));
    }
  }
  return out.filter((v) => v.value !== '');
}

/** Where the name starts inside a mention that opens with title words ("Councillor Edda Voss"). */
function nameOffset(mention: string, titleWords: number): number {
  if (titleWords <= 0) return 0;
  const parts = [...mention.matchAll(/\S+/g)];
  return parts[titleWords]?.index ?? 0;
}

function value(unit: string, key: string, span: Span, text: string): RawValue {
  return { kind: 'title', unit, value: key, text: text.slice(span.start, span.end), span };
}

/** The title words right before a name, up to a possessive, punctuation or a lowercase non-role word. */
function leadingTitle(
  text: string,
  sentenceStart: number,
  nameStart: number,
): { words: string[]; roleSpan: Span; honorificSpan?: Span } | null {
  const head = text.slice(sentenceStart, nameStart);
  const tokens = [...head.matchAll(/[\p{L}][\p{L}.'’-]*/gu)];
  const kept: RegExpMatchArray[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    const between = head.slice(t.index! + t[0].length, kept[0]?.index ?? head.length);
    if (/[^\s]/.test(between) || /['’]s$/.test(t[0])) break;
    const lower = t[0].toLowerCase().replace(/\.$/, '');
    const titled = /^\p{Lu}/u.test(t[0]) || ROLE.has(lower) || HONORIFIC[lower];
    if (!titled && !(CONNECTORS.has(lower) && kept.length > 0)) break;
    kept.unshift(t);
    if (kept.length >= 6) break;
  }
  while (kept.length > 0 && CONNECTORS.has(kept[0]![0].toLowerCase())) kept.shift();
  if (kept.length === 0 || FORMER.test(head.slice(Math.max(0, kept[0]!.index! - 12), kept[0]!.index!)))
    return null;
  const words = kept.map((t) => t[0].replace(/\.$/, ''));
  const spanOf = (from: number, to: number): Span => ({
    start: sentenceStart + kept[from]!.index!,
    end: sentenceStart + kept[to]!.index! + kept[to]![0].length,
  });
  const last = words[words.length - 1]!.toLowerCase();
  const honorific = HONORIFIC[last] !== undefined;
  return {
    words,
    roleSpan: honorific && kept.length > 1 ? spanOf(0, kept.length - 2) : spanOf(0, kept.length - 1),
    ...(honorific ? { honorificSpan: spanOf(kept.length - 1, kept.length - 1) } : {}),
  };
}

/** ", chief executive of the SMTA," after a name: a phrase holding a role word. */
function apposition(
  text: string,
  nameEnd: number,
  sentenceEnd: number,
): { phrase: string; span: Span } | null {
  const rest = text.slice(nameEnd, Math.min(sentenceEnd, nameEnd + 90));
  const m =
    /^,\s+((?:the |a |an )?[^,;.()"“”]+?)(?=\s*(?:[,;.()"“”]|$| who | which | and | said | says ))/u.exec(
      rest,
    );
  if (!m) return null;
  const phrase = m[1]!.replace(/^(?:the|a|an) /, '');
  const words = phrase.toLowerCase().split(/\s+/);
  if (FORMER.test(phrase) || words.length > 8 || !words.some((w) => ROLE.has(w.replace(/['’]s$/, ''))))
    return null;
  const start = nameEnd + m.index + m[0].indexOf(phrase);
  return { phrase, span: { start, end: start + phrase.length } };
}
