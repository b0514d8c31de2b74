import { createHash } from 'node:crypto';
import type { Config } from '../config/config.js';
import type { Executor } from '../store/db.js';
import { getSetting } from '../store/site.js';
import { listTopics } from '../store/topics.js';
import type { SiteAssets } from './assets.js';

/** What every page's frame needs: site name and URL, menu topics, the demo flag, asset URLs. */
export interface SiteContext {
  name: string;
  url: string;
  demo: boolean;
  topics: { slug: string; name: string }[];
  assets: SiteAssets;
  /** Changes whenever anything above changes: part of every cached page's key. */
  stamp: string;
}

/** Loads the site context; `peek()` answers without waiting while the last load is fresh. */
export interface SiteLoader {
  (): Promise<SiteContext>;
  peek(): SiteContext | undefined;
}

/**
 * Returns a loader of the site context that reads the database at most once per `ttlMs`
 * (every page needs it; it changes only when an operator edits topics).
 */
export function siteContextLoader(
  { config, db, assets }: { config: Config; db: Executor; assets: SiteAssets },
  { ttlMs = 5000, now = () => Date.now() }: { ttlMs?: number; now?: () => number } = {},
): SiteLoader {
  let cached: { at: number; value: SiteContext } | undefined;
  const fresh = () => (cached && now() - cached.at < ttlMs ? cached.value : undefined);
  const load = async function loadSiteContext() {
    const hit = fresh();
    if (hit) return hit;
    const [topics, demo] = await Promise.all([listTopics(db), getSetting(db, 'demo')]);
    const base = {
      name: config.siteName,
      url: config.siteUrl.replace(/\/$/, ''),
      demo: Boolean(demo),
      topics: topics.map((t) => ({ slug: t.slug, name: t.name })),
      assets,
    };
    const stamp = createHash('sha256')
      .update(JSON.stringify([base.name, base.url, base.demo, base.topics, assets.css.etag, assets.js.etag]))
      .digest('hex')
      .slice(0, 10);
    cached = { at: now(), value: { ...base, stamp } };
    return cached.value;
  } as SiteLoader;
  load.peek = fresh;
  return load;
}
