import type { StoryProfile } from '../db/schema.js';
import { type ArticleFeatures, isHeadline, type Rarity } from './features.js';

const PROFILE_TERMS = 40;
const PROFILE_THINGS = 40;
const POSTING_TERMS = 15;
const POSTING_THINGS = 10;

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
  for (const k of article.names.keys()) entities[k] = (entities[k] ?? 0) + 1;
  for (const k of article.figures) entities[k] = (entities[k] ?? 0) + 1;
  return {
    terms: keepHeaviest(terms, PROFILE_TERMS),
    entities: keepHeaviest(entities, PROFILE_THINGS),
    articles: profile.articles + 1,
    headlines: (profile.headlines ?? 0) + (isHeadline(article) ? 1 : 0),
    first: minTime(profile.first, article.time),
    last: maxTime(profile.last, article.time),
    seen: Math.max(profile.seen, article.seen),
    title: profile.title,
    ...withEmbedding(profile, article.embedding ? [...article.embedding] : undefined, 1),
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
    headlines: (into.headlines ?? 0) + (from.headlines ?? 0),
    first: minTime(into.first, from.first),
    last: maxTime(into.last, from.last),
    seen: Math.max(into.seen, from.seen),
    title: into.title,
    ...withEmbedding(into, from.embedding, from.embedded ?? 0),
  };
}

/** The running mean embedding after adding `count` articles whose mean is `added`. */
function withEmbedding(
  profile: StoryProfile,
  added: number[] | undefined,
  count: number,
): Pick<StoryProfile, 'embedding' | 'embedded'> {
  if (!added || count === 0)
    return profile.embedding ? { embedding: profile.embedding, embedded: profile.embedded } : {};
  const before = profile.embedding && profile.embedded ? profile.embedded : 0;
  const sum = added.map((x, i) => x * count + (before > 0 ? profile.embedding![i]! * before : 0));
  const norm = Math.sqrt(sum.reduce((a, x) => a + x * x, 0)) || 1;
  return { embedding: sum.map((x) => Math.round((x / norm) * 1e5) / 1e5), embedded: before + count };
}

/**
 * A story seen as one article (its centroid, its names weighted by rarity and by how many of its
 * articles name them), so two stories are compared the way an article and a story are.
 */
export function profileAsArticle(profile: StoryProfile, key: number, rarity: Rarity): ArticleFeatures {
  let norm = 0;
  for (const w of Object.values(profile.terms)) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  const names = new Map<string, number>();
  const figures = new Set<string>();
  for (const [k, n] of Object.entries(profile.entities)) {
    if (k.startsWith('#')) figures.add(k);
    else names.set(k, rarity(k) * Math.min(1, (2 * n) / profile.articles));
  }
  return {
    id: key,
    sourceId: 0,
    title: profile.title,
    time: profile.first,
    seen: profile.seen,
    terms: new Map(Object.entries(profile.terms).map(([t, w]) => [t, w / norm])),
    names,
    figures,
    headlines: (profile.headlines ?? 0) * 2 > profile.articles,
    embedding: profile.embedding ? Float32Array.from(profile.embedding) : undefined,
  };
}

// A story's profile is indexed when it changes and unindexed at its next change: its terms are
// worked out once per profile (profiles are replaced, never changed).
const postingCache = new WeakMap<StoryProfile, string[]>();

/** The index terms of a profile: heaviest keywords and most shared names ("e:" prefixed). */
export function postingTerms(profile: StoryProfile): string[] {
  const cached = postingCache.get(profile);
  if (cached) return cached;
  const terms = postingTermsOf(profile);
  postingCache.set(profile, terms);
  return terms;
}

function postingTermsOf(profile: StoryProfile): string[] {
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

function keepHeaviest(map: Record<string, number>, limit: number): Record<string, number> {
  const entries = Object.entries(map);
  if (entries.length <= limit) return map;
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries.slice(0, limit));
}

function minTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
