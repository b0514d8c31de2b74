/**
 * The linking passes that follow placement (place.ts): the stories a batch touched, linked report
 * by report (linkBatch), then each story the batch started weighed against the stored stories its
 * reports came near (linkNear).
 */

import type { ArticleFeatures, Rarity } from './features.js';
import { linkStories } from './link.js';
import { merge } from './merge.js';
import { evidenceWeights, placeBatch } from './place.js';
import type { ClusterSettings } from './settings.js';
import type { BatchResult } from './types.js';
import type { WorkingSet } from './working-set.js';

/** What a linking pass works on: a placed batch and the earlier reports of stored stories. */
export interface LinkingInput {
  set: WorkingSet;
  features: ArticleFeatures[];
  /**
   * The latest reports of the stored stories the batch touched or came near (storedStoriesTouched,
   * storedStoriesNear), by story.
   */
  earlier: ReadonlyMap<number, readonly ArticleFeatures[]>;
  settings: ClusterSettings;
  rarity: Rarity;
  result: BatchResult;
}

/**
 * Decides every article of the batch in memory (pure apart from the working set it updates): see
 * placeBatch, then the linking passes with no earlier reports (a stored story takes no part).
 */
export function placeAll(...args: Parameters<typeof placeBatch>): BatchResult {
  const [set, features, , , settings, rarity = () => 1] = args;
  const result = placeBatch(...args);
  linkPasses({ set, features, earlier: new Map(), settings, rarity, result });
  return result;
}

/** Both linking passes, in order: linkBatch, then linkNear. */
export function linkPasses(input: LinkingInput): void {
  linkBatch(input);
  linkNear(input);
}

/**
 * Joins the stories the batch touched whose full reports, taken pair by pair, say they are one
 * event (see link.ts): what a story's centroid misses when a topic's reports each name different
 * people. Stories an editor split stay apart; the older story keeps its identity. Then every
 * assignment is resolved to the story that holds it now.
 *
 * A story stored by an earlier pass is judged by its `earlier` reports (its latest, which the
 * caller reads for storedStoriesTouched) as well as the batch's, and takes no part without them:
 * judged by the one or two reports this batch brought it, no fair sample of it, it would be joined
 * whole on what they share. That is how undated commentary on one presidency chained story after
 * story through each batch's newcomers.
 */
export function linkBatch({ set, features, earlier, settings, rarity, result }: LinkingInput): void {
  const byId = new Map(features.map((f) => [f.id, f]));
  const stories = new Map<number, ArticleFeatures[]>();
  for (const a of result.assignments) {
    const key = set.resolve(a.key);
    const article = byId.get(a.articleId);
    if (!article) continue;
    let list = stories.get(key);
    if (!list) {
      // An article of the batch that the story already held (an edited one, placed again) counts once.
      const before = (earlier.get(key) ?? []).filter((e) => !byId.has(e.id));
      if (set.isStored(key) && before.length === 0) continue;
      list = before;
      stories.set(key, list);
    }
    list.push(article);
  }
  const groups = linkStories(
    [...stories].map(([key, articles]) => ({ key, articles })),
    rarity,
    evidenceWeights(settings),
    (a, b) => set.isApart(a, b),
  );
  for (const [first, ...rest] of groups) {
    let into = first!;
    for (const key of rest) into = merge(set, into, key, result);
  }
  resolveKeys(set, result);
}

/**
 * Points every assignment and explained candidate at the story that holds it now; an article whose
 * story was joined to another is recorded as having come with it.
 */
function resolveKeys(set: WorkingSet, result: BatchResult): void {
  for (const a of result.assignments) {
    const key = set.resolve(a.key);
    // The story it started or joined was found to be one event with this one: say so, not "started".
    if (key !== a.key && a.evidence.reason !== 'duplicate') {
      a.created = false;
      a.evidence = { ...a.evidence, reason: 'merged' };
    }
    a.key = key;
  }
  for (const e of result.explained) for (const c of e.candidates) c.key = set.resolve(c.key);
}

/**
 * The stored stories that articles of stories the batch started came near (see BatchResult.near):
 * what linkNear weighs them against, once the caller has read their earlier reports.
 */
export function storedStoriesNear(set: WorkingSet, result: BatchResult): number[] {
  const keyOf = new Map(result.assignments.map((a) => [a.articleId, a.key]));
  const out = new Set<number>();
  for (const n of result.near) {
    if (set.isStored(set.resolve(keyOf.get(n.articleId)!))) continue;
    for (const s of n.stories) if (set.isStored(set.resolve(s))) out.add(set.resolve(s));
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Joins each story the batch started to the first stored story its articles came near (see
 * BatchResult.near and storedStoriesNear) whose earlier reports and the story's own, taken pair by
 * pair, say they are one event. One pair at a time, never in one pool: pooled, the stored stories
 * that a busy topic's new reports come near (commentary on one presidency) chain each other into one.
 */
export function linkNear({ set, features, earlier, settings, rarity, result }: LinkingInput): void {
  const byId = new Map(features.map((f) => [f.id, f]));
  const keyOf = new Map(result.assignments.map((a) => [a.articleId, a.key]));
  /** A story's reports: its earlier ones (of every stored story it now holds) and the batch's. */
  const reportsOf = (key: number): ArticleFeatures[] => {
    const reports = new Map<number, ArticleFeatures>();
    for (const [story, list] of earlier)
      if (set.resolve(story) === key) for (const r of list) reports.set(r.id, r);
    for (const a of result.assignments)
      if (set.resolve(a.key) === key) reports.set(a.articleId, byId.get(a.articleId)!);
    return [...reports.values()];
  };
  const weights = evidenceWeights(settings);
  // Judged without its earlier reports, by the batch's alone, a stored story is no fair sample.
  // (A stored story keeps its key when a new one joins it, so these stay as they are below.)
  const judged = new Set([...earlier.keys()].map((s) => set.resolve(s)));
  for (const { articleId, stories } of result.near) {
    const key = set.resolve(keyOf.get(articleId)!);
    if (set.isStored(key)) continue;
    for (const other of stories.map((s) => set.resolve(s))) {
      if (!set.isStored(other) || !judged.has(other) || set.isApart(key, other)) continue;
      const pair = [
        { key, articles: reportsOf(key) },
        { key: other, articles: reportsOf(other) },
      ];
      if (linkStories(pair, rarity, weights, () => false, NEAR_COHERENCE).length === 0) continue;
      merge(set, key, other, result);
      break;
    }
  }
  resolveKeys(set, result);
}

// A pair of stories judged alone has no rival to lose to, as it has in the batch's pool: their
// reports must agree with each other at least this share of how much the looser story's agree
// among themselves (the pool asks half). Reports of two stories of one busy topic (commentary on
// one presidency, two trials of one week) agree across about half to two thirds as much as within;
// one event's reports, arriving in two batches, about as much or more.
const NEAR_COHERENCE = 0.8;
