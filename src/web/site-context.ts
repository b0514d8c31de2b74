import { createHash } from 'node:crypto';
import type { SettingsService } from '../admin/settings.js';
import type { Executor } from '../store/db.js';
import { getSetting } from '../store/site.js';
import { listTopics } from '../store/topics.js';
import type { SiteAssets } from './assets.js';

/** What every page's frame needs: site name and URL, menu topics, the demo flag, asset URLs. */
export interface SiteContext {
  name: string;
  /** The site's one-line description (console setting), used where a page has none of its own. */
  description: string;
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
 * (every page needs it; it changes only when an operator edits topics or the console's settings).
 */
export function siteContextLoader(
  { settings, db, assets }: { settings: SettingsService; db: Executor; assets: SiteAssets },
  { ttlMs = 5000, now = () => Date.now() }: { ttlMs?: number; now?: () => number } = {},
): SiteLoader {
  let cached: { at: number; version: number; value: SiteContext } | undefined;
  // A settings save (name, description) shows at once, not after the TTL.
  const fresh = () =>
    cached && now() - cached.at < ttlMs && cached.version === settings.version() ? cached.value : undefined;
  // The app's freshSettings middleware has already refreshed the settings for this request.
  const load = async function loadSiteContext() {
    const hit = fresh();
    if (hit) return hit;
    const live = settings.current();
    const { config } = live;
    const [topics, demo] = await Promise.all([listTopics(db), getSetting(db, 'demo')]);
    const base = {
      name: config.siteName,
      description: live.siteDescription,
      url: config.siteUrl.replace(/\/$/, ''),
      demo: Boolean(demo),
      topics: topics.map((t) => ({ slug: t.slug, name: t.name })),
      assets,
    };
    const stamp = createHash('sha256')
      .update(
        JSON.stringify([
          base.name,
          base.description,
          base.url,
          base.demo,
          base.topics,
          assets.css.etag,
          assets.js.etag,
        ]),
      )
      .digest('hex')
      .slice(0, 10);
    cached = { at: now(), version: settings.version(), value: { ...base, stamp } };
    return cached.value;
  } as SiteLoader;
  load.peek = fresh;
  return load;
}
