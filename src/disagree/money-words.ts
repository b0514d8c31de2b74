import { STOPWORDS } from '../analyze/stopwords.js';
import { tokenize } from '../analyze/text.js';
import type { DetectionSource, Mention } from './types.js';

/** The words of money beside an amount: what it is ("cost", "damage"), and what was valued. */

// Nouns that say what an amount is ("cost", "damage"): the fact is named for them.
const MONEY =
  /^(?:cost|costs|costing|damage|value|valued|worth|price|pledge|investment|fine|budget|loss|losses|revenue|salary|bid|offer|deal|contract|funding|grant|compensation|bill|fee|fees|payout|profit|sales|debt|bonus|reward|ransom|settlement)$/i;

/** The money noun beside an amount with the word that qualifies it ("direct damage"), and whether what follows is its object ("costing businesses"). */
export function moneyPhrase(
  m: Mention,
  sources: ReadonlyMap<number, DetectionSource>,
): { phrase: string; words: string[]; object: string } | null {
  const text = sources.get(m.articleId)?.text ?? '';
  const tokens = tokenize(text.slice(m.sentence.start, m.sentence.end));
  const at = m.span.start - m.sentence.start;
  let best: { i: number; distance: number } | null = null;
  tokens.forEach((t, i) => {
    if (!MONEY.test(t.text)) return;
    // What an amount is comes before it more often than after ("cost businesses $85 million … in lost sales").
    const distance = t.start < at ? at - t.start : 2 * (t.start - at);
    if (distance <= 40 && (!best || distance < best.distance)) best = { i, distance };
  });
  if (!best) return null;
  const i = (best as { i: number }).i;
  const word = tokens[i]!.text.toLowerCase()
    .replace(/^valued$/, 'value')
    .replace(/^costing$|^costs$/, 'cost');
  const before = tokens[i - 1]?.text ?? '';
  const qualifier =
    /^[a-z]{4,}$/.test(before) && !STOPWORDS.has(before) && !/(?:ed|ing)$/.test(before) ? `${before} ` : '';
  // A cost that is done to someone ("costing businesses $85 million") names them after the verb.
  const object =
    /^cost(?:ing|s)?$/i.test(tokens[i]!.text) && /^[a-z]+s$/.test(tokens[i + 1]?.text ?? '')
      ? tokens[i + 1]!.text
      : '';
  return {
    phrase: `${qualifier}${word}`.replace(/^./, (c) => c.toUpperCase()),
    words: [tokens[i]!.text, ...(qualifier ? [before] : [])],
    object,
  };
}

export const VALUE_WORDS = /^(?:value|valued|worth)$/i;
// Words between a thing and the word that values it: "The objects were valued at", "paintings, valued together".
const LINKING = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'now', 'together', 'jointly']);

/**
 * The thing most reports say an amount is the value of: the noun before "valued" or "worth" ("The
 * paintings, valued at…", "a contract worth…"), after "value of" ("the value of the two paintings"),
 * or after the amount itself ("a $6 million astrolabe"); null when none is written.
 */
export function valuedThing(
  mentions: Mention[],
  sources: ReadonlyMap<number, DetectionSource>,
): string | null {
  const votes = new Map<string, number>();
  const noun = (t: { text: string } | undefined) =>
    t !== undefined &&
    /^[a-z][a-z-]{2,}$/.test(t.text) &&
    !STOPWORDS.has(t.text) &&
    !/(?:ly|ing|ed)$/.test(t.text)
      ? t.text
      : null;
  for (const m of mentions) {
    const text = sources.get(m.articleId)?.text ?? '';
    const tokens = tokenize(text.slice(m.sentence.start, m.sentence.end));
    const at = m.span.start - m.sentence.start;
    const end = m.span.end - m.sentence.start;
    let thing: string | null = null;
    for (const [i, t] of tokens.entries()) {
      if (!VALUE_WORDS.test(t.text) || Math.abs(t.start - at) > 60) continue;
      if (/^value$/i.test(t.text) && tokens[i + 1]?.text === 'of') {
        // "the value of the two objects": the first noun of the of-phrase that is no count or determiner.
        thing =
          tokens
            .slice(i + 2, i + 6)
            .map(noun)
            .find((w) => w !== null) ?? null;
      } else if (!/^value$/i.test(t.text)) {
        let j = i - 1;
        while (j >= 0 && LINKING.has(tokens[j]!.text.toLowerCase())) j--;
        thing = noun(tokens[j]);
      }
      if (thing) break;
    }
    // "a $6 million astrolabe": the noun written right after the amount.
    thing ??= noun(tokens.find((t) => t.start >= end));
    if (thing) votes.set(thing, (votes.get(thing) ?? 0) + 1);
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}
