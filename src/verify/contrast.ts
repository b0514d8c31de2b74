import { stem } from './text.js';

/**
 * Words whose opposite turns a copied sentence round ("won" for "lost", "higher" for "lower",
 * "after" for "before", "his" for "her"). Content words are compared as stems; the comparatives,
 * prepositions and pronouns are stopwords to the scorer, so they are compared as written.
 */
const CONTENT_PAIRS =
  'win lose|won lost|beat lost|rise fall|rose fell|increase decrease|increase cut|higher lower|' +
  'raise cut|gain loss|accept reject|approve reject|allow ban|open close|start end|begin end|buy sell|' +
  'bought sold|guilty innocent|male female|husband wife|son daughter|brother sister|mother father|' +
  'man woman|men women|boy girl|north south|east west|alive dead|strong weak|success failure|' +
  'largest smallest|biggest smallest|oldest youngest|older younger|home away|victory defeat|' +
  'legal illegal|support oppose|arrive leave|enter exit|import export|maximum minimum|early late|' +
  'earlier later|birth death|married divorced|resign appoint|hire fire|condemn praise|deny confirm|' +
  'remove add|lowest highest|majority minority|full empty|true false|agree disagree|' +
  'larger smaller|bigger smaller|better worse|best worst|longer shorter|faster slower|richer poorer|' +
  'gained lost|rising falling|expand shrink|acquit convict|acquitted convicted|lift lower|' +
  'raise lower|surge plunge|safe dangerous|increased reduced|injured unharmed|public private|domestic foreign';
const WORD_PAIRS =
  'more less|more fewer|before after|above below|over under|up down|most least|first last|' +
  // A pronoun of the other sex puts the words in another person's mouth (FactCC's pronoun swaps).
  'he she|his her|him her|himself herself';

function opposites(pairs: string, normalize: (w: string) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const pair of pairs.split('|')) {
    const [a, b] = pair.split(' ').map(normalize) as [string, string];
    map.set(a, [...(map.get(a) ?? []), b]);
    map.set(b, [...(map.get(b) ?? []), a]);
  }
  return map;
}

const STEM_OPPOSITES = opposites(CONTENT_PAIRS, stem);
const WORD_OPPOSITES = opposites(WORD_PAIRS, (w) => w);

/** True when a claim uses a word whose opposite, and not the word, is in the evidence stems. */
export function opposes(terms: readonly string[], evidence: ReadonlySet<string>): boolean {
  return opposition(terms, evidence) !== undefined;
}

/** The first claim word whose opposite, and not the word, the evidence holds: [word, opposite]. */
export function opposition(
  terms: readonly string[],
  evidence: ReadonlySet<string>,
  table: ReadonlyMap<string, string[]> = STEM_OPPOSITES,
): [string, string] | undefined {
  for (const t of terms) {
    if (evidence.has(t)) continue;
    const opposite = table.get(t)?.find((o) => evidence.has(o) && !terms.includes(o));
    if (opposite) return [t, opposite];
  }
  return undefined;
}

/** The same for comparatives and prepositions, on lower-cased words as written. */
export function comparativeOpposition(
  words: readonly string[],
  evidence: ReadonlySet<string>,
): [string, string] | undefined {
  return opposition(words, evidence, WORD_OPPOSITES);
}
