import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/analyze.js';
import type { Database, Engine } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import {
  addDocumentFrequencies,
  analysesForArticles,
  analysisByArticleId,
  documentFrequencies,
  storeAnalyses,
  storeAnalysis,
} from './analyses.js';
import { insertArticles } from './articles.js';
import { upsertSourceByKey } from './sources.js';

/** The storage contract for analyses and document frequencies, run against one engine. */
export function analysesContract(engine: Engine): void {
  describe(`analyses storage on ${engine}`, () => {
    let database: Database;
    let ids: number[];
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      const source = await upsertSourceByKey(database.db, { key: 'name:an', kind: 'import', name: 'An' });
      const { inserted } = await insertArticles(
        database.db,
        [1, 2, 3].map((n) => ({
          source_id: source.id,
          url: `https://an.example/${n}`,
          canonical_url: `https://an.example/${n}`,
          title: `Title ${n}`,
          text: `Minister Kim said "talks go on" in Seoul, where $${n} billion was pledged.`,
          fetched_at: new Date('2026-01-30T10:00:00Z'),
          content_hash: `an-${n}`,
        })),
      );
      ids = [...inserted.values()];
    });
    afterAll(async () => {
      await database?.close();
    });

    it('stores one analysis per article and replaces it on re-analysis', async () => {
      const db = database.db;
      const analysis = analyzeArticle({ title: 'Talks', text: 'Minister Kim said "talks go on" in Seoul.' });
      await storeAnalysis(db, ids[0]!, analysis);
      expect(await analysisByArticleId(db, ids[0]!)).toEqual(analysis);
      const again = { ...analysis, language: 'de' };
      await storeAnalysis(db, ids[0]!, again);
      expect((await analysisByArticleId(db, ids[0]!))?.language).toBe('de');
      expect(await analysisByArticleId(db, ids[2]!)).toBeUndefined();
    });

    it('stores and reads analyses in batches', async () => {
      const db = database.db;
      const rows = ids.slice(1).map((articleId, i) => ({
        articleId,
        analysis: analyzeArticle({ title: `T${i}`, text: `It rose ${i + 2}% in Seoul.` }),
      }));
      await storeAnalyses(db, rows);
      await storeAnalyses(db, []);
      const map = await analysesForArticles(db, [...ids, 999_999]);
      expect([...map.keys()].sort()).toEqual([...ids].sort());
      expect(map.get(ids[1]!)?.figures[0]?.value).toBe(2);
      expect((await analysesForArticles(db, [])).size).toBe(0);
    });

    it('reads analyses stored in the plain form before the compact one', async () => {
      const db = database.db;
      const analysis = analyzeArticle({ title: 'Talks', text: 'Minister Kim said "talks go on" in Seoul.' });
      await sql`
        INSERT INTO article_analyses (article_id, language, analysis)
        VALUES (${ids[2]!}, 'en', ${JSON.stringify(analysis)})
        ON CONFLICT (article_id) DO UPDATE SET analysis = excluded.analysis`.execute(db);
      expect(await analysisByArticleId(db, ids[2]!)).toEqual(analysis);
      expect((await analysesForArticles(db, [ids[2]!])).get(ids[2]!)).toEqual(analysis);
    });

    it('adds up document frequencies and reads them back', async () => {
      const db = database.db;
      expect((await documentFrequencies(db, ['seoul'])).docs).toBe(0);
      await addDocumentFrequencies(
        db,
        2,
        new Map([
          ['seoul', 2],
          ['talks', 1],
        ]),
      );
      await addDocumentFrequencies(db, 1, new Map([['seoul', 1]]));
      const df = await documentFrequencies(db, ['seoul', 'talks', 'unknown']);
      expect(df.docs).toBe(3);
      expect(df.get('seoul')).toBe(3);
      expect(df.get('talks')).toBe(1);
      expect(df.get('unknown')).toBe(0);
    });

    it('counts terms that need quoting in an array literal as they are', async () => {
      const db = database.db;
      const odd = ['o"brien', 'back\\slash', 'a,b', '{brace}', 'null', 'two words', "o'neill"];
      const before = (await documentFrequencies(db, [])).docs;
      await addDocumentFrequencies(db, 1, new Map(odd.map((t) => [t, 1])));
      await addDocumentFrequencies(db, 1, new Map(odd.map((t) => [t, 2])));
      const df = await documentFrequencies(db, odd);
      expect(df.docs).toBe(before + 2);
      for (const t of odd) expect(df.get(t)).toBe(3);
    });
  });
}
