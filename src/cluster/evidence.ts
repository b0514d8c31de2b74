import type { StoryProfile } from '../db/schema.js';
import { type ArticleFeatures, isHeadline, type Rarity } from './features.js';

/** Why an article does or does not belong to a story: each signal, and the score they make. */
export interface Evidence {
  /** Keyword cosine between the article and the story's centroid. */
  text: number;
  /** How far who and where agree: the share of names found on both sides, in [0, 1]. */
  names: number;
  /** Name words both sides use, rarest first. */
  sharedNames: string[];
  /** Specific figures and dates both sides report. */
  sharedFigures: string[];
  /** Cosine of the article's embedding and the story's, when both have one. */
  embedding: number | null;
  /** Hours between the article and the story's time span (0 inside it or when undated). */
  hours: number;
  /** The combined score the join threshold applies to. */
  score: number;
  /** Why the article may not join whatever the score, or null. */
  veto: 'different-names' | 'too-far-apart' | null;
}

/** Tuning of the evidence; defaults in settings.ts. */
export interface EvidenceWeights {
  /** Share of the score given to what the texts say; the rest goes to who and where. */
  text: number;
  /** Hours over which the weight of shared words halves, measured from the story's time span. */
  halfLifeHours: number;
  /** Stories further apart than this from the article are no candidates. */
  windowHours: number;
}

// Each agreeing specific figure adds this much, up to FIGURE_CAP: outlets on one event repeat the
// toll, the sum, the date; another event of the same kind rarely has the same ones.
const FIGURE_BONUS = 0.08;
const FIGURE_CAP = 0.16;
// Who and where must agree: with this little of the names in common two full reports are two events,
// however alike their words.
const NAME_FLOOR = 0.12;
// The words of full reports decay this many half-lives slower than a headline's.
const FULL_TEXT_HALF_LIFE = 12;
// A name word in more than about one article in twenty (a country in a national archive, a
// president, "city") says little about which event a full report is about.
const COMMON_NAME_IDF = 1 + Math.log(20);
// Below this much name weight a side names too little (a headline) to be judged by its names.
const NAME_MASS = 6;
// The least share of an article's rare-name weight a story's core is weighed against (see nameAgreement).
const CORE_FLOOR = 0.5;

/**
 * The evidence that an article belongs to a story: what (keyword cosine), who and where (rare
 * name words on both sides: the article's share found in the story and the story's core names
 * found in the article), agreeing figures, and when (decay with the time between them).
 */
export function evidenceFor(
  article: ArticleFeatures,
  profile: StoryProfile,
  rarity: Rarity,
  weights: EvidenceWeights,
): Evidence {
  const text = cosine(article.terms, asMap(profile.terms));
  const names = nameAgreement(article, profile, rarity);
  const entities = asMap(profile.entities);
  const sharedFigures = [...article.figures].filter((f) => (entities.get(f) ?? 0) > 0);
  const embedding = article.embedding && profile.embedding ? dot(article.embedding, profile.embedding) : null;
  const hours = hoursApart(article.time, profile);
  const judged = !isHeadline(article) && names.articleMass >= NAME_MASS && names.storyMass >= NAME_MASS;
  const what = embedding === null ? text : 0.5 * text + 0.5 * Math.max(0, embedding - 0.5) * 2;
  // Words drift as a story develops (fire, inquiry, resignation); the names it keeps do not
  // fade within the window.
  // Headlines say little beyond their words, so their words decay fastest; full reports that agree
  // on names hold together over days.
  const wordDecay = 0.5 ** (hours / (weights.halfLifeHours * (judged ? FULL_TEXT_HALF_LIFE : 1)));
  const base = judged
    ? weights.text * what * wordDecay + (1 - weights.text) * names.score
    : headlineScore(what, names) * wordDecay;
  const figures = Math.min(FIGURE_CAP, FIGURE_BONUS * sharedFigures.length) * wordDecay;
  const score = Math.min(1, base + figures);
  let veto: Evidence['veto'] = null;
  if (hours > weights.windowHours) veto = 'too-far-apart';
  else if (judged && names.score < NAME_FLOOR && sharedFigures.length === 0) veto = 'different-names';
  return {
    text: round(text),
    names: round(names.score),
    sharedNames: names.shared,
    sharedFigures,
    embedding: embedding === null ? null : round(embedding),
    hours: round(hours),
    score: round(score),
    veto,
  };
}

/**
 * A headline's score: its words, with the share of its names the story holds (common names count
 * here: a headline has few), scaled so that one threshold serves headlines and full reports.
 */
function headlineScore(what: number, names: NameAgreement): number {
  const base = names.named > 0 ? HEADLINE_TEXT * what + (1 - HEADLINE_TEXT) * names.headline : what;
  return Math.min(1, base * HEADLINE_SCALE);
}

const HEADLINE_TEXT = 0.7;
const HEADLINE_SCALE = 1.6;
const HEADLINE_NAMES = 8;

interface NameAgreement {
  /** The mean of the two shares of rare names (see nameAgreement). */
  score: number;
  shared: string[];
  articleMass: number;
  storyMass: number;
  /** How many names the article has, and the share of them (common or rare) the story holds. */
  named: number;
  headline: number;
}

/**
 * How far who and where agree: the mean of two shares of rare names, of the article's name weight
 * that the story holds, and of the story's core names (named by at least a third of its articles)
 * that the article holds, the latter out of at least half the article's rare-name weight. Common
 * names (a country, a president) are left to the words.
 */
function nameAgreement(article: ArticleFeatures, profile: StoryProfile, rarity: Rarity): NameAgreement {
  const entities = asMap(profile.entities);
  let headline = 0;
  for (const name of article.names.keys())
    headline += Math.min(1, (entities.get(name) ?? 0) / profile.articles);
  const { names: rare, mass: articleMass } = rareNames(article.names, rarity);
  let articleShared = 0;
  const shared: [string, number][] = [];
  for (const [name, weight] of rare) {
    if (!entities.has(name)) continue;
    articleShared += weight;
    shared.push([name, weight]);
  }
  const { names: core, mass: storyMass } = coreNames(profile, rarity);
  let storyShared = 0;
  for (const [name, weight] of core) if (article.names.has(name)) storyShared += weight;
  const a = articleMass > 0 ? articleShared / articleMass : 0;
  // A story whose core has worn down to a name or two (its reports agree on little but "Senate")
  // is not matched by an article that names those and much else: the core it holds counts against
  // at least half the article's own rare-name weight.
  const s = storyMass > 0 ? storyShared / Math.max(storyMass, CORE_FLOOR * articleMass) : 0;
  shared.sort((x, y) => y[1] - x[1]);
  const named = article.names.size;
  return {
    score: (a + s) / 2,
    shared: shared.map(([n]) => n),
    articleMass,
    storyMass,
    named,
    headline: named > 0 ? Math.min(1, headline / Math.min(named, HEADLINE_NAMES)) : 0,
  };
}

// An article is weighed against every candidate story: which of its names are rare is worked out
// once per article (its names map, shared by copies of its features) and rarity function.
const rareCache = new WeakMap<Rarity, WeakMap<Map<string, number>, Core>>();

/** The article's rare names (not common in the archive and English at large) with their weights. */
function rareNames(names: Map<string, number>, rarity: Rarity): Core {
  return memoized(rareCache, rarity, names, () => {
    const out: Core = { names: [], mass: 0 };
    for (const [name, weight] of names) {
      if (rarity(name) < COMMON_NAME_IDF) continue;
      out.names.push([name, weight]);
      out.mass += weight;
    }
    return out;
  });
}

/** `compute()` once per pair of keys, held only while both keys live. */
function memoized<A extends object, B extends object, V>(
  cache: WeakMap<A, WeakMap<B, V>>,
  a: A,
  b: B,
  compute: () => V,
): V {
  let inner = cache.get(a);
  if (!inner) {
    inner = new WeakMap();
    cache.set(a, inner);
  }
  let value = inner.get(b);
  if (value === undefined) {
    value = compute();
    inner.set(b, value);
  }
  return value;
}

interface Core {
  names: [string, number][];
  mass: number;
}

// A story is weighed against every article of a batch: its core names are worked out once per
// profile (profiles are replaced, never changed, when an article joins) and rarity function.
const coreCache = new WeakMap<Rarity, WeakMap<StoryProfile, Core>>();

/** The story's core names (named by at least a third of its articles, and rare) with their weights. */
function coreNames(profile: StoryProfile, rarity: Rarity): Core {
  return memoized(coreCache, rarity, profile, () => {
    const out: Core = { names: [], mass: 0 };
    const core = Math.max(1, profile.articles / 3);
    for (const [name, n] of Object.entries(profile.entities)) {
      if (name.startsWith('#') || n < core) continue;
      const r = rarity(name);
      if (r < COMMON_NAME_IDF) continue;
      const weight = r * Math.min(1, n / profile.articles);
      out.names.push([name, weight]);
      out.mass += weight;
    }
    return out;
  });
}

// Profiles come from JSON, where looking a term up in a plain object is slow; each one is read
// against a whole batch, so it is turned into a Map (with its norm) once. Profiles are replaced,
// never changed, when an article joins.
const mapCache = new WeakMap<Record<string, number>, WeightMap>();

interface WeightMap extends Map<string, number> {
  norm?: number;
}

function asMap(record: Record<string, number>): WeightMap {
  let map = mapCache.get(record);
  if (!map) {
    map = new Map(Object.entries(record));
    mapCache.set(record, map);
  }
  return map;
}

/** Keyword cosine of two articles (their keyword weights are unit length). */
export function textCosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let product = 0;
  for (const [t, w] of small) product += w * (large.get(t) ?? 0);
  return product;
}

/** Whether a name word is rare enough (in the archive and English at large) to tell events apart. */
export function isRareName(name: string, rarity: Rarity): boolean {
  return rarity(name) >= COMMON_NAME_IDF;
}

function cosine(a: Map<string, number>, b: WeightMap): number {
  if (b.norm === undefined) {
    let norm = 0;
    for (const w of b.values()) norm += w * w;
    b.norm = Math.sqrt(norm);
  }
  let product = 0;
  for (const [t, w] of a) product += w * (b.get(t) ?? 0);
  return b.norm > 0 ? product / b.norm : 0;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) s += a[i]! * b[i]!;
  return s;
}

/** Hours between a time and a story's span (0 inside it, or when either side is undated). */
export function hoursApart(time: number | null, profile: StoryProfile): number {
  if (time === null || profile.first === null || profile.last === null) return 0;
  if (time < profile.first) return (profile.first - time) / 3_600_000;
  if (time > profile.last) return (time - profile.last) / 3_600_000;
  return 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
