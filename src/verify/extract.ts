import type { ArticleAnalysis, Entity, Figure, Quote, Span } from '../analyze/types.js';
import { findNumbers } from './numbers.js';
import { splitSentences } from './text.js';

/**
 * Stand-in extraction for texts that have no stored analysis yet (and for LLM sentences, which are
 * never analysed). It follows the ArticleAnalysis contract so the analyze stage's own extractors
 * swap in here without touching the verifier or the writers.
 */

const TITLES = new Set(
  'Mr Mrs Ms Dr Prof President Minister Prime Secretary Senator Sen Rep Governor Gov Chancellor Mayor Judge Chief Officer Director Spokesman Spokeswoman Spokesperson General Gen King Queen Prince Pope CEO Chairman Chairwoman Professor Sir Lady Lord'.split(
    ' ',
  ),
);
const NOT_NAMES = new Set(
  'The A An And But Or If In On At By For From Of To With As It Its This That These Those He She They We I You His Her Their Our My There Here When Where While What Who Why How After Before Since During Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Yesterday Today Tomorrow However Meanwhile Also According Some Many Most Other Both One Two Three Last Next Earlier Later Now Then'.split(
    ' ',
  ),
);
const SPEECH =
  /\b(?:said|says|told|added|stated|warned|asked|explained|wrote|tweeted|announced|according to)\b/i;
const NAME =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|van|von|al|bin|da|del|la|le)\s+)?\p{Lu}[\p{L}'’-]*)*/gu;
const QUOTE = /[“"]([^“”"\n]{2,}?)[”"]/g;

/** Proper-name mentions: runs of capitalized words, minus sentence-initial function words and titles. */
export function namesIn(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(NAME)) {
    const words = m[0].split(/\s+/).filter((w) => !TITLES.has(w) && !NOT_NAMES.has(w));
    if (words.length === 0) continue;
    const name = words.join(' ');
    if (name.length < 2 || /^[\p{Lu}]$/u.test(name)) continue;
    out.push({
      key: name.toLowerCase(),
      name,
      kind: 'other',
      mentions: [{ start: m.index, end: m.index + m[0].length }],
    });
  }
  return out;
}

/** Direct quotes with the speaker named in the same sentence near a speech verb, or null. */
export function quotesIn(text: string, sentences: Span[] = splitSentences(text)): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(QUOTE)) {
    const start = m.index + 1;
    const end = start + m[1]!.length;
    const index = sentences.findIndex((s) => s.start <= m.index && m.index < s.end);
    const span = sentences[index] ?? { start: 0, end: text.length };
    const speaker = speakerNear(text.slice(span.start, span.end).replace(QUOTE, ' ¶ '));
    out.push({
      start,
      end,
      text: m[1]!,
      speaker,
      speaker_key: speaker?.toLowerCase() ?? null,
      sentence: index,
    });
  }
  return out;
}

function speakerNear(rest: string): string | null {
  const verb = SPEECH.exec(rest);
  if (!verb) return null;
  let best: { name: string; distance: number } | null = null;
  for (const entity of namesIn(rest)) {
    const at = entity.mentions[0]!.start;
    const distance = Math.abs(at - verb.index);
    if (!best || distance < best.distance) best = { name: entity.name, distance };
  }
  return best?.name ?? null;
}

/** Figures as the analysis contract has them. */
export function figuresIn(text: string): Figure[] {
  return findNumbers(text).map((n) => ({
    start: n.start,
    end: n.end,
    text: n.text,
    kind: n.percent ? 'percent' : /^[$€£¥₩]/.test(n.text) ? 'amount' : 'count',
    value: n.value,
    unit: n.percent ? '%' : null,
  }));
}

/** A whole analysis from the stand-in extractors, for articles that were not analysed. */
export function fallbackAnalysis(text: string): ArticleAnalysis {
  const sentences = splitSentences(text);
  return {
    language: 'und',
    sentences,
    entities: namesIn(text),
    quotes: quotesIn(text, sentences),
    figures: figuresIn(text),
    keywords: [],
  };
}
