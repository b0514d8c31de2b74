/**
 * Import throughput: `importArticles` on the UCI dev file against a floor measured in the same run
 * (a bare multi-row INSERT of the same rows, pre-parsed, with no validation, canonicalization or
 * conflict handling). The ratio says how much the import path costs over raw storage.
 */
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Engine } from '../src/db/connect.js';
import { importArticles } from '../src/ingest/import.js';
import { freshDatabase, median, round, timed } from './lib.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const UCI_DEV = path.resolve(here, '../../shared/evaldata/clustering/uci-news/uci-dev.jsonl');

interface Row {
  url: string;
  title: string;
  text: string;
  published_at: string;
  source: { name: string; url: string };
}

/** Time to insert pre-parsed rows with plain multi-row INSERTs in batches of 500 (one transaction each). */
export async function storageFloor(engine: Engine, rows: Row[]): Promise<number> {
  const database = await freshDatabase(engine);
  try {
    const { rows: src } = await sql<{ id: number }>`
      INSERT INTO sources (key, kind, name) VALUES ('floor', 'import', 'floor') RETURNING id`.execute(
      database.db,
    );
    const sourceId = src[0]!.id;
    const fetched = new Date();
    const { seconds } = await timed(async () => {
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500).map((r, j) => ({
          source_id: sourceId,
          url: r.url,
          canonical_url: `${r.url}#${i + j}`,
          title: r.title,
          text: r.text,
          published_at: r.published_at,
          fetched_at: fetched,
          content_hash: String(i + j),
        }));
        await database.db.transaction().execute((tx) => tx.insertInto('articles').values(batch).execute());
      }
    });
    return seconds;
  } finally {
    await database.close();
  }
}

async function importOnce(engine: Engine, file: string): Promise<{ seconds: number; imported: number }> {
  const database = await freshDatabase(engine);
  try {
    const { result, seconds } = await timed(() => importArticles(database.db, createReadStream(file)));
    if (result.failed > 0) throw new Error(`import failed on ${result.failed} lines`);
    return { seconds, imported: result.imported };
  } finally {
    await database.close();
  }
}

/** Runs the import benchmark on one engine: median of `runs` runs for both the import and the floor. */
export async function benchImport(engine: Engine, runs = 3, file = UCI_DEV) {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  const importSeconds: number[] = [];
  const floorSeconds: number[] = [];
  let imported = 0;
  for (let i = 0; i < runs; i++) {
    // Alternate the two so that machine noise hits both alike.
    const run = await importOnce(engine, file);
    imported = run.imported;
    importSeconds.push(run.seconds);
    floorSeconds.push(await storageFloor(engine, rows));
  }
  const importRate = imported / median(importSeconds);
  const floorRate = rows.length / median(floorSeconds);
  return {
    engine,
    articles: imported,
    runs,
    import_articles_per_s: round(importRate),
    floor_articles_per_s: round(floorRate),
    ratio_to_floor: round(importRate / floorRate, 3),
    import_seconds: importSeconds.map((s) => round(s, 3)),
    floor_seconds: floorSeconds.map((s) => round(s, 3)),
  };
}
