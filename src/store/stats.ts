import { sql } from 'kysely';
import type { Executor } from './db.js';

/** Row counts an operator looks at first. */
export interface Counts {
  sources: number;
  articles: number;
  stories: number;
  published_stories: number;
}

/** Counts sources, articles, stories and published stories in one round trip. */
export async function countAll(db: Executor): Promise<Counts> {
  const { rows } = await sql<Counts>`
    SELECT
      (SELECT count(*) FROM sources)::int AS sources,
      (SELECT count(*) FROM articles)::int AS articles,
      (SELECT count(*) FROM stories WHERE state <> 'merged')::int AS stories,
      (SELECT count(*) FROM stories WHERE state = 'published')::int AS published_stories`.execute(db);
  return rows[0]!;
}
