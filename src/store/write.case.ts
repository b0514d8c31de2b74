import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import type { StoryBody } from '../db/schema.js';
import { openTestDatabase } from '../db/testing.js';
import { insertArticles } from './articles.js';
import { correctionsLog } from './corrections.js';
import { findingsForVersion, insertFindings } from './findings.js';
import {
  articleWithSource,
  countPublishedStories,
  latestPublishedVersion,
  publishedStories,
  relatedCandidates,
  setCurrentVersion,
  setStoryState,
  setVersionStatus,
  storySourceArticles,
  supersedeVersions,
} from './published.js';
import { relatedStories, replaceRelated } from './related.js';
import { upsertSourceByKey } from './sources.js';
import { assignArticle, insertStory, insertStoryVersion, storyById } from './stories.js';

const body: StoryBody = {
  lede: [{ text: 'A.', citations: [{ article_id: 1, start: 0, end: 2 }] }],
  sections: [],
  quotes: [],
  figures: [],
};

function version(
  storyId: number,
  headline: string,
  extra: { status?: 'published' | 'review' | 'held'; correction_reason?: string } = {},
) {
  return {
    story_id: storyId,
    headline,
    dek: `${headline} dek`,
    body,
    writer: 'extractive',
    model: null,
    source_count: 1,
    publisher_count: 1,
    change_note: null,
    correction_reason: extra.correction_reason ?? null,
    generated_at: new Date('2026-01-30T12:00:00Z'),
    status: extra.status ?? 'published',
  };
}

/** The storage contract for write, verify and publish: run against one engine. */
export function writeStoreContract(engine: Engine): void {
  describe(`write storage contract on ${engine}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('stores versions, findings, states, corrections and related stories', async () => {
      const db = database.db;
      const now = new Date('2026-01-30T10:00:00Z');
      const source = await upsertSourceByKey(db, { key: 'name:ledger', kind: 'import', name: 'Ledger' });
      const { inserted } = await insertArticles(db, [
        {
          source_id: source.id,
          url: 'https://l.example/1',
          canonical_url: 'https://l.example/1',
          title: 'T1',
          text: 'Text one.',
          fetched_at: now,
          published_at: now,
          content_hash: 'h1',
        },
      ]);
      const articleId = inserted.get('https://l.example/1')!;
      const one = await insertStory(db, { slug: 'one', first_seen_at: now, last_seen_at: now });
      const two = await insertStory(db, { slug: 'two', first_seen_at: now, last_seen_at: now });
      await assignArticle(db, { storyId: one.id, articleId, score: 1 });
      const sources = await storySourceArticles(db, one.id);
      expect(sources.map((a) => [a.id, a.source_name, a.text])).toEqual([[articleId, 'Ledger', 'Text one.']]);
      expect((await articleWithSource(db, articleId))?.source_name).toBe('Ledger');
      expect(await articleWithSource(db, 999_999)).toBeUndefined();

      const v1 = await insertStoryVersion(db, version(one.id, 'First'));
      await setStoryState(db, one.id, 'published');
      const published = (await storyById(db, one.id))!;
      expect(published.state).toBe('published');
      expect(published.published_at).toBeInstanceOf(Date);
      await setStoryState(db, one.id, 'published', null);
      expect((await storyById(db, one.id))!.published_at).toEqual(published.published_at);

      const v2 = await insertStoryVersion(db, version(one.id, 'Second', { status: 'review' }));
      expect((await latestPublishedVersion(db, one.id))!.id).toBe(v1.id);
      await setCurrentVersion(db, one.id, v1.id);
      await setVersionStatus(db, v2.id, 'published');
      await supersedeVersions(db, one.id, v2.id);
      expect((await latestPublishedVersion(db, one.id))!.id).toBe(v2.id);
      await setCurrentVersion(db, one.id, v2.id);

      await insertFindings(db, v2.id, [
        {
          location: 'lede.0',
          check: 'figure',
          severity: 'error',
          message: 'figure 5% is not in any cited source',
          detail: { figure: '5%' },
        },
        { location: 'headline', check: 'support', severity: 'warning', message: 'low support' },
      ]);
      await insertFindings(db, v2.id, []);
      const findings = await findingsForVersion(db, v2.id);
      expect(findings.map((f) => [f.location, f.check, f.severity, f.detail])).toEqual([
        ['lede.0', 'figure', 'error', { figure: '5%' }],
        ['headline', 'support', 'warning', null],
      ]);

      await insertStoryVersion(db, version(one.id, 'Third', { correction_reason: 'Wrong date.' }));
      expect((await correctionsLog(db)).map((c) => [c.slug, c.version, c.reason])).toEqual([
        ['one', 3, 'Wrong date.'],
      ]);
      expect(await correctionsLog(db, { storyId: two.id })).toEqual([]);

      const t1 = await insertStoryVersion(db, version(two.id, 'Other'));
      await setStoryState(db, two.id, 'published');
      expect(await countPublishedStories(db)).toBe(2);
      const list = await publishedStories(db, { limit: 10 });
      expect(list.map((s) => [s.slug, s.version.headline])).toEqual([
        ['two', 'Other'],
        ['one', 'Third'],
      ]);
      expect((await publishedStories(db, { limit: 1, offset: 1 })).map((s) => s.slug)).toEqual(['one']);
      expect(
        (await relatedCandidates(db, one.id)).map((c) => [c.id, c.headline, c.body.lede.length]),
      ).toEqual([[two.id, 'Other', 1]]);

      await replaceRelated(db, one.id, [{ story_id: two.id, score: 0.4, teaser: 'Other dek.' }]);
      await replaceRelated(db, one.id, [{ story_id: two.id, score: 0.5, teaser: 'Other dek again.' }]);
      expect(await relatedStories(db, one.id)).toEqual([
        { story_id: two.id, slug: 'two', headline: t1.headline, teaser: 'Other dek again.', score: 0.5 },
      ]);
      await setStoryState(db, two.id, 'held', 'held: figure');
      expect(await relatedStories(db, one.id)).toEqual([]);
      expect((await storyById(db, two.id))!.write_note).toBe('held: figure');
    });
  });
}
