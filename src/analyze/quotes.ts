import { SPEECH_VERBS } from './gazetteer.js';
import { sentenceAt } from './text.js';
import type { Entity, Quote, Span } from './types.js';

// Opening mark → closing marks that end it. Straight double quotes pair with each other.
const PAIRS: Record<string, string> = { '"': '"', '“': '”"', '«': '»', '„': '“”' };
const MIN_WORDS = 3;

const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*)(?:[ -](?:of |de |van |von |al |bin )?\p{Lu}[\p{L}'’.-]*){0,4}`;
const TITLE = String.raw`(?:(?:the |a |an )?(?:[\p{Ll}-]+ ){0,3})`;
const PRONOUN = 'he|she|they';
// After the quote: `," said Kim`, `," Kim said`, `," the minister said`, `," he said`.
const AFTER = new RegExp(
  String.raw`^[\s,.]*(?:(?:${SPEECH_VERBS}) ${TITLE}(?<n1>${NAME}|${PRONOUN})|(?<n2>${NAME}|${PRONOUN}) (?:${SPEECH_VERBS})\b)`,
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
    const speaker = findSpeaker(text, span, people, entities);
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

function findSpeaker(
  text: string,
  span: Span & { close: number },
  people: PersonMention[],
  entities: Entity[],
): { name: string; key: string | null } | null {
  const after = text.slice(span.close + 1, span.close + 120);
  // A quote that ends its sentence ('…on Saturday."') or its paragraph is not attributed by what
  // follows: 'The board said…' there opens the next sentence and speaks of something else.
  const ended = /\.\s*$/.test(text.slice(span.start, span.close)) || /^[^\p{L}]*\n/u.test(after);
  const a = ended ? null : AFTER.exec(after);
  if (a) {
    const name = (a.groups!.n1 ?? a.groups!.n2)!;
    const at = span.close + 1 + a.index + a[0].lastIndexOf(name);
    return resolve(name, at, people, entities, span.start);
  }
  const lineStart = Math.max(text.lastIndexOf('\n', span.start - 2) + 1, span.start - 160);
  const before = text.slice(lineStart, span.start - 1);
  const b = BEFORE.exec(before);
  if (b) {
    const name = (b.groups!.n1 ?? b.groups!.n2)!;
    const at = lineStart + b.index + b[0].indexOf(name);
    return resolve(name, at, people, entities, span.start);
  }
  return null;
}

function resolve(
  name: string,
  at: number,
  people: PersonMention[],
  entities: Entity[],
  quoteStart: number,
): { name: string; key: string | null } | null {
  if (/^(he|she|they)$/i.test(name)) {
    // A pronoun speaks for the last person named before the quote.
    let last: PersonMention | undefined;
    for (const p of people) if (p.start < quoteStart && p.entity.kind === 'person') last = p;
    return last ? { name: last.entity.name, key: last.entity.key } : null;
  }
  const hit = people.find((p) => p.start <= at + name.length && p.end >= at);
  if (hit) return { name: hit.entity.name, key: hit.entity.key };
  const byName = entities.find((e) => e.name.endsWith(name) || name.endsWith(e.name));
  if (byName) return { name: byName.name, key: byName.key };
  return { name, key: null };
}
