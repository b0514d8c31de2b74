import type { SettingsService } from '../../admin/settings.js';
import type { Accounts } from '../../auth/accounts.js';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/connect.js';
import type { Fetcher } from '../../ingest/fetch/fetcher.js';
import type { Logger } from '../../lib/log.js';
import type { SiteDeps } from '../context.js';

/** What the editor console needs, wired once by `createApp`. */
export interface AdminDeps {
  accounts: Accounts;
  database: Database;
  config: Config;
  logger: Logger;
  /** The reader site's caches, dropped after an action that changes what readers see. */
  site: SiteDeps;
  /** The settings in force; the settings page saves through it. */
  settings: SettingsService;
  /** The process's fetcher: "fetch now" refreshes through the same path as the scheduler. */
  fetcher: Fetcher;
}
