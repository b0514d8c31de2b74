import type { Candidate } from './candidates.js';

/**
 * The full names of people `c` names only in part ("Rose is the first officer …" of Collin Rose,
 * as its article linked the mention): a reader who meets the surname first does not know who it is.
 */
export function partlyNamed(c: Candidate): string[] {
  return c.article.analysis.entities
    .filter(
      (e) =>
        e.kind === 'person' &&
        /\s/.test(e.name) &&
        !c.text.includes(e.name) &&
        e.mentions.some((m) => m.start >= c.start && m.end <= c.end),
    )
    .map((e) => e.name);
}

/**
 * Sentences in their order, except that one naming someone in part comes after the later sentence
 * that names them in full, unless `above` (the headline, the dek) or a sentence before already
 * does. The first sentence keeps its place: it leads.
 */
export function introducedFirst(sentences: readonly Candidate[], above: string): Candidate[] {
  const out = [...sentences];
  // Each move puts a sentence after one that introduces it; a bound keeps two sentences that each
  // wait for the other from trading places forever.
  for (let moves = 0, i = 1; i < out.length && moves < out.length * out.length; i++) {
    const c = out[i]!;
    const known = [above, ...out.slice(0, i).map((o) => o.text)].join(' ');
    const waiting = partlyNamed(c).filter((name) => !known.includes(name));
    const after = out.findLastIndex((o, j) => j > i && waiting.some((name) => o.text.includes(name)));
    if (after < 0) continue;
    out.splice(after + 1, 0, c);
    out.splice(i, 1);
    moves++;
    i--;
  }
  return out;
}
