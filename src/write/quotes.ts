import { SPEECH_VERBS } from '../analyze/gazetteer.js';
import type { Quote } from '../analyze/types.js';
import type { StoryQuote } from '../db/schema.js';
import { findQuote, mentionsSpeaker } from '../verify/checks.js';
import { wholeSource } from '../verify/evidence.js';
import type { PreparedSources } from '../verify/prepare.js';
import { normalizeForMatch } from '../verify/text.js';
import type { SourceArticle } from '../verify/types.js';
import { roleOf, splitTitle } from './roles.js';

const MAX_QUOTES = 4;
const MIN_WORDS = 6;
const MAX_WORDS = 60;

/**
 * "What they said": up to four attributed quotes from distinct named speakers, the most central
 * first, each with the speaker's role as a source gives it. Quotes the body does not carry come
 * first; the caller drops body sentences that carry a quote shown here. A quote the verifier would not accept
 * (its words or its speaker not found in the cited article) is left out.
 */
export function pickQuotes(
  sources: readonly SourceArticle[],
  prepared: PreparedSources,
  rank: (article: SourceArticle, quote: Quote) => number,
  body: readonly { article: SourceArticle; start: number; end: number; text: string }[] = [],
): StoryQuote[] {
  const inBody = body.map((c) => normalizeForMatch(c.text));
  const carried = (article: SourceArticle, q: Quote) =>
    body.some((c) => c.article === article && q.start < c.end && q.end > c.start) ||
    inBody.some((text) => text.includes(normalizeForMatch(q.text)));
  const pool = sources.flatMap((article) =>
    article.analysis.quotes
      .filter((q) => usable(article, q, prepared))
      .map((q) => ({ article, quote: q, value: rank(article, q), carried: carried(article, q) })),
  );
  // Quotes from outside the body come first; the body's own only while none is found.
  pool.sort((a, b) => Number(a.carried) - Number(b.carried) || b.value - a.value);
  const out: StoryQuote[] = [];
  const speakers = new Set<string>();
  const seen = new Set<string>();
  for (const { article, quote, carried: inText } of pool) {
    if (inText && out.length >= 1) break;
    const key = quote.speaker_key ?? quote.speaker!.toLowerCase();
    const words = normalizeForMatch(quote.text);
    if (speakers.has(key) || [...seen].some((w) => w.includes(words) || words.includes(w))) continue;
    speakers.add(key);
    seen.add(words);
    const { name, title } = splitTitle(quote.speaker!);
    out.push({
      text: quote.text,
      speaker: name,
      role: title ?? roleOf(sources, article, quote.speaker!),
      citation: { article_id: article.id, start: quote.start, end: quote.end },
    });
    if (out.length === MAX_QUOTES) break;
  }
  return out;
}

/** A quote worth showing: a named person or organisation says six words or more, and it verifies. */
function usable(article: SourceArticle, quote: Quote, prepared: PreparedSources): boolean {
  if (!quote.speaker || !quote.speaker_key) return false;
  const words = quote.text.split(/\s+/).length;
  if (words < MIN_WORDS || words > MAX_WORDS || partial(quote.text) || split(article.text, quote))
    return false;
  const entity = article.analysis.entities.find((e) => e.key === quote.speaker_key);
  if (!entity || (entity.kind !== 'person' && entity.kind !== 'organization')) return false;
  // A speaker found through "he said" may be the wrong person: the name must be in the quote's sentence.
  const sentence = article.analysis.sentences[quote.sentence];
  const around = sentence ? article.text.slice(sentence.start, Math.max(sentence.end, quote.end + 80)) : '';
  if (!mentionsSpeaker(around, quote.speaker)) return false;
  const source = prepared.byId.get(article.id);
  const found = source ? findQuote([wholeSource(source)], quote.text) : undefined;
  return found !== undefined && (found.speaker === null || mentionsSpeaker(quote.speaker, found.speaker));
}

// A quote that opens inside its sentence ("are not driven by evidence …", "to ensure that …",
// "signed a new executive order …") or stops before its end ("… and the") is a
// phrase the writer built a sentence around: pulled out, it is no statement of the speaker's.
// One that opens on who speaks ("we might want to …") still is.
const OPENS_INSIDE =
  /^["“‘]?(?!(?:i|we|you|he|she|they|it|this|that|there|our|my|no|yes|if|when|but|and|so)\b)\p{Ll}/u;
// Words no sentence ends on (a preposition or "that" may: "everything he asked for").
const STOPS_INSIDE = /\b(?:the|a|an|and|or|but|because|than|whose|its|their|my|our|your)\W*$/iu;

// '"When you actually see your house," Dull said, "and you know it's not just your basement …"': a
// quote the attribution interrupts goes on in lower case after it.
const ATTRIBUTION = String.raw`[^"“”\n]{0,40}?\b(?:${SPEECH_VERBS})\b[^"“”\n]{0,40}?,[ \t]*["“][ \t]*`;
const GOES_ON = new RegExp(String.raw`^,?[ \t]*["”][ \t]*${ATTRIBUTION}\p{Ll}`, 'u');
const GOES_ON_FROM = new RegExp(String.raw`["”][ \t]*${ATTRIBUTION}$`, 'u');

/**
 * Whether the quote is one part of a quotation its attribution splits: either part alone leaves
 * the speaker's sentence unfinished ("An icky experience" without "would hurt any brand").
 */
function split(text: string, quote: Quote): boolean {
  const ends = /[.!?]$/.test(quote.text);
  const after = text.slice(quote.end, quote.end + 120);
  if (!ends && GOES_ON.test(after)) return true;
  return (
    /^\p{Ll}/u.test(quote.text) && GOES_ON_FROM.test(text.slice(Math.max(0, quote.start - 120), quote.start))
  );
}

function partial(text: string): boolean {
  return OPENS_INSIDE.test(text) || STOPS_INSIDE.test(text);
}
