import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.js';
import * as ingest from './0002_ingest.js';
import * as analyze from './0003_analyze.js';
import * as write from './0004_write.js';
import * as site from './0005_site.js';
import * as discuss from './0006_discuss.js';
import * as discussBackoff from './0006_discuss_backoff.js';
import * as ingestSearch from './0007_ingest_search.js';
import * as admin from './0011_admin.js';
import * as review from './0012_review.js';
import * as ingestEdits from './0013_ingest_edits.js';
import * as analyzeStore from './0014_analyze_store.js';
import * as clusterEvidence from './0015_cluster_evidence.js';
import * as disagree from './0017_disagree.js';
import * as feedItems from './0022_feed_items.js';

/**
 * Every migration, by name. Forward-only: a migration, once released, is never edited; a change
 * is a new entry. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_ingest': ingest,
  '0003_analyze': analyze,
  '0004_write': write,
  '0005_site': site,
  '0006_discuss': discuss,
  '0006_discuss_backoff': discussBackoff,
  '0007_ingest_search': ingestSearch,
  '0011_admin': admin,
  '0012_review': review,
  '0013_ingest_edits': ingestEdits,
  '0014_analyze_store': analyzeStore,
  '0015_cluster_evidence': clusterEvidence,
  '0017_disagree': disagree,
  '0022_feed_items': feedItems,
};
