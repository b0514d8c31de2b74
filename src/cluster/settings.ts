import type { Config } from '../config/config.js';

/** How clustering decides; every field comes from the config (see docs/configuration.md). */
export interface ClusterSettings {
  /** Minimum similarity for an article to join a story. */
  threshold: number;
  /** Centroid cosine above which two stories an article fits both are merged. */
  mergeThreshold: number;
  /** Stories last seen longer ago than this (before the article) are not candidates. */
  windowHours: number;
  /** The time factor halves every this many hours between an article and a story's span. */
  halfLifeHours: number;
  /** Share of the score given to keyword similarity; the rest to shared names and figures. */
  textWeight: number;
  /** A story is publishable with at least this many articles… */
  minArticles: number;
  /** …from at least this many publishers. */
  minPublishers: number;
}

/** Defaults measured on the dev sets: UCI headlines, Multi-News, the demo and the test newsroom (see the eval command). */
export const defaultClusterSettings: ClusterSettings = {
  threshold: 0.25,
  mergeThreshold: 0.3,
  windowHours: 168,
  halfLifeHours: 4,
  textWeight: 0.6,
  minArticles: 2,
  minPublishers: 2,
};

/** The clustering settings of a loaded config. */
export function clusterSettingsFrom(config: Config): ClusterSettings {
  return {
    threshold: config.clusterThreshold,
    mergeThreshold: config.clusterMergeThreshold,
    windowHours: config.clusterWindowHours,
    halfLifeHours: config.clusterHalfLifeHours,
    textWeight: config.clusterTextWeight,
    minArticles: config.storyMinArticles,
    minPublishers: config.storyMinPublishers,
  };
}

/** Whether a story has enough coverage to be written and published. */
export function isPublishable(
  story: { article_count: number; publisher_count: number },
  settings: Pick<ClusterSettings, 'minArticles' | 'minPublishers'>,
): boolean {
  return story.article_count >= settings.minArticles && story.publisher_count >= settings.minPublishers;
}
