import { subtlexCounts } from '../analyze/background.js';
import { stem } from './text.js';

/**
 * How rare a word is in English at large, from the SUBTLEX-US counts, on the Zipf scale turned
 * round: about 0 for the commonest words, 6.5 for words English hardly uses (names, places,
 * technical terms). A claim word absent from its sources matters by this measure: "announced" or
 * "rise" is paraphrase, a new name is an invention.
 */
let loaded: Map<string, number> | undefined;

/** Zipf value (log10 of occurrences per billion words) of the commonest English words. */
const ZIPF_TOP = 7.5;

function rarities(): Map<string, number> {
  if (loaded) return loaded;
  const { words, total } = subtlexCounts();
  const counts = new Map<string, number>();
  for (const w of words) {
    const s = stem(w.word.toLowerCase());
    counts.set(s, (counts.get(s) ?? 0) + w.count);
  }
  loaded = new Map();
  for (const [s, count] of counts) loaded.set(s, Math.max(0, ZIPF_TOP - Math.log10((count / total) * 1e9)));
  return loaded;
}

/** The rarity of a stem (see above); a stem the counts do not hold gets the rarity of a single occurrence. */
export function rarity(stemmed: string): number {
  return rarities().get(stemmed) ?? ZIPF_TOP - Math.log10(1e9 / subtlexCounts().total);
}
