import type { StoryProfile } from '../db/schema.js';
import type { ArticleFeatures } from './features.js';

/** The weights similarity combines, and the time scale it decays over. */
export interface SimilarityWeights {
  /** Weight of the keyword cosine (the rest goes to shared names and figures). */
  text: number;
  /** Hours over which the time factor halves, measured from the story's time span. */
  halfLifeHours: number;
}

const PROFILE_TERMS = 40;
const PROFILE_THINGS = 40;
const POSTING_TERMS = 20;
const POSTING_THINGS = 12;

/** A new profile holding one article. */
export function newProfile(article: ArticleFeatures): StoryProfile {
  return addToProfile(
    {
      terms: {},
      entities: {},
      articles: 0,
      first: null,
      last: null,
      seen: article.seen,
      title: article.title,
    },
    article,
  );
}

/** The profile with one more article in it (terms summed, heaviest kept). */
export function addToProfile(profile: StoryProfile, article: ArticleFeatures): StoryProfile {
  const terms = { ...profile.terms };
  for (const [t, w] of article.terms) terms[t] = (terms[t] ?? 0) + w;
  const entities = { ...profile.entities };
  for (const k of article.things) entities[k] = (entities[k] ?? 0) + 1;
  return {
    terms: keepHeaviest(terms, PROFILE_TERMS),
    entities: keepHeaviest(entities, PROFILE_THINGS),
    articles: profile.articles + 1,
    first: minTime(profile.first, article.time),
    last: maxTime(profile.last, article.time),
    seen: Math.max(profile.seen, article.seen),
    title: profile.title,
  };
}

/** Two profiles as one (a merge). */
export function mergeProfiles(into: StoryProfile, from: StoryProfile): StoryProfile {
  const terms = { ...into.terms };
  for (const [t, w] of Object.entries(from.terms)) terms[t] = (terms[t] ?? 0) + w;
  const entities = { ...into.entities };
  for (const [k, n] of Object.entries(from.entities)) entities[k] = (entities[k] ?? 0) + n;
  return {
    terms: keepHeaviest(terms, PROFILE_TERMS),
    entities: keepHeaviest(entities, PROFILE_THINGS),
    articles: into.articles + from.articles,
    first: minTime(into.first, from.first),
    last: maxTime(into.last, from.last),
    seen: Math.max(into.seen, from.seen),
    title: into.title,
  };
}

/** The index terms of a profile: heaviest keywords and most shared names ("e:" prefixed). */
export function postingTerms(profile: StoryProfile): string[] {
  const terms = Object.entries(profile.terms)
    .sort((a, b) => b[1] - a[1])
    .slice(0, POSTING_TERMS)
    .map(([t]) => t);
  const things = Object.entries(profile.entities)
    .filter(([k]) => !k.startsWith('#'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, POSTING_THINGS)
    .map(([k]) => `e:${k}`);
  return [...terms, ...things];
}

/**
 * How well an article fits a story, in [0, 1]: keyword cosine against the story centroid plus the
 * share of the article's names and figures the story already has, decayed by the time between the
 * article and the story's span. Undated articles or stories are simultaneous with everything.
 */
export function similarity(
  article: ArticleFeatures,
  profile: StoryProfile,
  weights: SimilarityWeights,
): number {
  let dot = 0;
  let norm = 0;
  for (const w of Object.values(profile.terms)) norm += w * w;
  for (const [t, w] of article.terms) dot += w * (profile.terms[t] ?? 0);
  const cosine = norm > 0 ? dot / Math.sqrt(norm) : 0;
  let shared = 0;
  for (const k of article.things) shared += Math.min(1, (profile.entities[k] ?? 0) / profile.articles);
  // An article that names nothing (many headlines) is judged on its words alone.
  const base =
    article.things.size > 0
      ? weights.text * cosine + (1 - weights.text) * Math.min(1, shared / Math.min(article.things.size, 8))
      : cosine;
  return base * timeFactor(article.time, profile, weights.halfLifeHours);
}

/** Centroid cosine of two stories: whether they have converged on one event. */
export function profileCosine(a: StoryProfile, b: StoryProfile): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of Object.entries(a.terms)) {
    na += w * w;
    dot += w * (b.terms[t] ?? 0);
  }
  for (const w of Object.values(b.terms)) nb += w * w;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Hours between a time and a story's span (0 inside it, or when either side is undated). */
export function hoursApart(time: number | null, profile: StoryProfile): number {
  if (time === null || profile.first === null || profile.last === null) return 0;
  if (time < profile.first) return (profile.first - time) / 3_600_000;
  if (time > profile.last) return (time - profile.last) / 3_600_000;
  return 0;
}

function timeFactor(time: number | null, profile: StoryProfile, halfLifeHours: number): number {
  return 0.5 ** (hoursApart(time, profile) / halfLifeHours);
}

function keepHeaviest(map: Record<string, number>, limit: number): Record<string, number> {
  const entries = Object.entries(map);
  if (entries.length <= limit) return map;
  entries.sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(entries.slice(0, limit));
}

function minTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
