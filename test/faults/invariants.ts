import { type Kysely, sql } from 'kysely';
import type { DB, StoryBody } from '../../src/db/schema.js';

type Expect = typeof import('vitest').expect;

/**
 * What must hold in any newsroom after any fault: no article stored twice, no article in two
 * stories, no story version twice, and every version's sentences carry citations and cite (like its
 * quotes and figures) articles that exist. Returns counts.
 */
export async function checkNewsroom(
  db: Kysely<DB>,
  expect: Expect,
): Promise<{ articles: number; versions: number }> {
  const dupUrls = await sql<{ url: string }>`
    SELECT url FROM articles GROUP BY url HAVING count(*) > 1`.execute(db);
  expect(dupUrls.rows, 'articles stored twice').toEqual([]);
  const dupVersions = await sql<{ story_id: number }>`
    SELECT story_id FROM story_versions GROUP BY story_id, version HAVING count(*) > 1`.execute(db);
  expect(dupVersions.rows, 'story versions stored twice').toEqual([]);
  const dupMembership = await sql<{ article_id: number }>`
    SELECT article_id FROM story_articles GROUP BY article_id HAVING count(*) > 1`.execute(db);
  expect(dupMembership.rows, 'articles in two stories').toEqual([]);

  const versions = await db.selectFrom('story_versions').select(['id', 'story_id', 'body']).execute();
  const articleIds = new Set((await db.selectFrom('articles').select('id').execute()).map((r) => r.id));
  for (const version of versions) {
    const body = version.body as StoryBody;
    const sentences = [...body.lede, ...body.sections.flatMap((s) => s.sentences)];
    expect(sentences.length, `version ${version.id} has sentences`).toBeGreaterThan(0);
    const citations = [
      ...sentences.flatMap((s) => {
        expect(s.citations.length, `sentence of version ${version.id} without citation`).toBeGreaterThan(0);
        return s.citations;
      }),
      ...body.quotes.map((q) => q.citation),
      ...body.figures.map((f) => f.citation),
    ];
    for (const citation of citations) {
      expect(articleIds.has(citation.article_id), `version ${version.id} cites a missing article`).toBe(true);
    }
  }
  const articles = articleIds.size;
  return { articles, versions: versions.length };
}
