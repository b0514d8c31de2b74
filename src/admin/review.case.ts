import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFrequencyCache } from '../analyze/run.js';
import { clusterArticles } from '../cluster/cluster.js';
import { defaultClusterSettings } from '../cluster/settings.js';
import type { Database, Engine } from '../db/connect.js';
import type { NewArticle, Story } from '../db/schema.js';
import { openTestDatabase } from '../db/testing.js';
import { silentLogger } from '../lib/log.js';
import { addArticles, floodFrom, seedStory } from '../publish/testing.js';
import { writeStory } from '../publish/write-story.js';
import { insertArticles } from '../store/articles.js';
import { correctionsLog } from '../store/corrections.js';
import { listActions } from '../store/moderation.js';
import { storiesNeedingWrite } from '../store/pipeline.js';
import { storyPageKey } from '../store/site.js';
import { upsertSourceByKey } from '../store/sources.js';
import { storyArticleIds, storyById, storyVersions } from '../store/stories.js';
import { mergeStories, splitArticle } from './clustering.js';
import { publishCorrection } from './corrections.js';
import type { ReviewDeps } from './deps.js';
import { editHeadline, regenerateStory } from './rewrite.js';
import { storyReview } from './story-review.js';
import { storeHeldVersion } from './testing.js';
import { holdVersion, publishVersion, unpublishStory } from './versions.js';

const SAILORS = [
  {
    title: '15 Royal Navy sailors captured at gunpoint by Iranian guards',
    text: 'Iranian Revolutionary Guards seized 15 Royal Navy sailors and marines at gunpoint in the Shatt al-Arab waterway on Friday. The Ministry of Defence said the sailors from HMS Cornwall were in Iraqi territorial waters. Britain demanded the immediate return of the sailors and their boats.',
  },
  {
    title: 'Iran holds 15 British sailors, Britain demands their return',
    text: 'Britain demanded the return of 15 Royal Navy sailors and marines seized by Iranian Revolutionary Guards. Iran said the sailors from HMS Cornwall had entered Iranian waters; the Ministry of Defence said they were in Iraqi territorial waters.',
  },
  {
    title: 'Britain demands Iran free 15 Royal Navy sailors seized from HMS Cornwall',
    text: 'The Ministry of Defence said 15 Royal Navy sailors and marines from HMS Cornwall were seized by Iranian Revolutionary Guards in Iraqi territorial waters. Britain demanded Iran return the sailors.',
  },
];
const LONDON = {
  title: 'London bombing: police search houses in Leeds',
  text: 'West Yorkshire Police searched six houses in Leeds on Tuesday in connection with the London bombings. Officers from the Metropolitan Police anti-terrorist branch joined the search, and a controlled explosion was carried out in Burley.',
};

const EDITOR = { id: 'editor-1', role: 'editor' };
const READER = { id: 'reader-1', role: 'reader' };

/** The editor's review operations on one engine: every action, its audit entry and its refusals. */
export function reviewContract(engine: Engine): void {
  describe(`editor review operations on ${engine}`, () => {
    let database: Database;
    let deps: ReviewDeps;
    const changed: string[] = [];
    let n = 0;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      const db = database.db;
      deps = {
        db,
        logger: silentLogger(),
        write: { db, logger: silentLogger(), policy: 'review' },
        analyze: { db, frequencies: newFrequencyCache() },
        onStoriesChanged: (stories) => changed.push(...stories.map((s) => s.slug)),
      };
    });
    afterAll(async () => {
      await database?.close();
    });

    async function article(outlet: string, a: { title: string; text: string }, at: Date): Promise<number> {
      n++;
      const source = await upsertSourceByKey(database.db, {
        key: `name:${outlet}`,
        kind: 'import',
        name: outlet,
      });
      const row: NewArticle = {
        source_id: source.id,
        url: `https://news.example/${engine}/${n}`,
        canonical_url: `https://news.example/${engine}/${n}`,
        title: a.title,
        text: a.text,
        published_at: at,
        fetched_at: at,
        content_hash: `${engine}-${n}`,
      };
      const { inserted } = await insertArticles(database.db, [row]);
      return inserted.get(row.canonical_url)!;
    }
    const cluster = (ids: number[]) =>
      clusterArticles(
        { db: database.db, settings: defaultClusterSettings, frequencies: deps.analyze.frequencies },
        ids,
      );
    const state = async (id: number): Promise<Story['state']> => (await storyById(database.db, id))!.state;

    it('publishes, holds and unpublishes, each logged with before and after, readers only', async () => {
      const { storyId } = await seedStory(database.db, `dorn-${engine}`, floodFrom(1));
      const written = await writeStory(deps.write, storyId);
      if (written.status !== 'review') throw new Error(`expected review, got ${written.status}`);
      const ref = { storyId, versionId: written.version.id };
      await expect(publishVersion(deps, READER, ref)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(publishVersion(deps, EDITOR, { storyId, versionId: 0 })).rejects.toMatchObject({
        code: 'invalid_input',
        message: 'pick a version',
      });

      await holdVersion(deps, EDITOR, { ...ref, note: 'check the count' });
      expect(await state(storyId)).toBe('held');
      await expect(holdVersion(deps, EDITOR, ref)).rejects.toMatchObject({ code: 'conflict' });

      await publishVersion(deps, EDITOR, ref);
      expect(await state(storyId)).toBe('published');
      expect((await storyPageKey(database.db, `dorn-${engine}`))?.versionId).toBe(written.version.id);
      expect(changed).toContain(`dorn-${engine}`);
      await expect(publishVersion(deps, EDITOR, ref)).rejects.toMatchObject({ code: 'conflict' });
      const [published, held] = await listActions(database.db, {
        targetKind: 'version',
        targetId: written.version.id,
      });
      expect(published).toMatchObject({
        actor_id: EDITOR.id,
        action: 'publish',
        before: { story_state: 'held', version_status: 'held' },
        after: { story_state: 'published', version_status: 'published' },
      });
      expect(held).toMatchObject({
        action: 'hold',
        note: 'check the count',
        before: { version_status: 'review' },
      });

      await expect(unpublishStory(deps, EDITOR, { storyId, reason: '' })).rejects.toMatchObject({
        message: 'say why the story comes down',
      });
      await unpublishStory(deps, EDITOR, { storyId, reason: 'legal review' });
      expect(await state(storyId)).toBe('held');
      expect((await storyPageKey(database.db, `dorn-${engine}`))?.versionId).toBeUndefined();
      // New articles do not bring it back: the pipeline leaves a story an editor took down alone.
      await addArticles(database.db, storyId, [
        {
          outlet: 'Valley Post 1',
          title: 'More rain due in Lower Dorn',
          text: 'Forecasters expect more rain over Lower Dorn this week, officials said on Monday.',
        },
      ]);
      const due = {
        minArticles: 1,
        minPublishers: 1,
        quietBefore: new Date(Date.now() + 60_000),
        limit: 1000,
      };
      expect(await storiesNeedingWrite(database.db, due)).not.toContain(storyId);
      const [down] = await listActions(database.db, { targetKind: 'story', targetId: storyId });
      expect(down).toMatchObject({
        action: 'unpublish',
        before: { story_state: 'published' },
        after: { story_state: 'held' },
      });
      await publishVersion(deps, EDITOR, ref);
      expect(await state(storyId)).toBe('published');
      expect(await storiesNeedingWrite(database.db, due)).toContain(storyId);
    });

    it('refuses a held version with a failing headline until the editor fixes it through the verifier', async () => {
      const { storyId } = await seedStory(database.db, `dorn-held-${engine}`, floodFrom(2));
      const held = await storeHeldVersion(deps.write, storyId);
      expect(held.status).toBe('held');
      const review = await storyReview(deps, storyId);
      expect(review.headline.verdict).toBe('figure-not-found');
      expect(review.dropped.map((d) => [d.text, d.verdict])).toEqual([
        ['The army built a bridge of boats across the river.', 'unsupported'],
      ]);
      expect(review.sentences.map((s) => s.verdict)).toEqual(['verified', 'verified']);
      expect(review.sentences[0]!.citations[0]!.passage).toBe(
        'Officials said 40 homes were evacuated overnight.',
      );

      await expect(publishVersion(deps, EDITOR, { storyId, versionId: held.version.id })).rejects.toThrow(
        /headline of version 1 failed verification .*edit it first/,
      );
      const edit = { storyId, versionId: held.version.id, dek: held.version.dek };
      await expect(
        editHeadline(deps, EDITOR, { ...edit, headline: 'Floods force 900 homes empty in Lower Dorn' }),
      ).rejects.toThrow(/The headline cannot be verified: figure 900/);
      await expect(editHeadline(deps, EDITOR, { ...edit, headline: 'Short' })).rejects.toMatchObject({
        code: 'invalid_input',
      });
      await expect(
        editHeadline(deps, READER, { ...edit, headline: 'Lower Dorn evacuates 40 homes' }),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
      expect(await storyVersions(database.db, storyId)).toHaveLength(1);
      const fixed = await editHeadline(deps, EDITOR, {
        ...edit,
        headline: 'Lower Dorn evacuates 40 homes as the river floods',
      });
      expect([fixed.version, fixed.status]).toEqual([2, 'review']);
      await publishVersion(deps, EDITOR, { storyId, versionId: fixed.id });
      expect((await storyPageKey(database.db, `dorn-held-${engine}`))?.versionId).toBe(fixed.id);
      const [logged] = await listActions(database.db, {
        targetKind: 'version',
        targetId: fixed.id,
        limit: 5,
      }).then((a) => a.filter((x) => x.action === 'edit-headline'));
      expect(logged).toMatchObject({
        before: { headline: 'Floods force 900 families from Lower Dorn' },
        after: { headline: 'Lower Dorn evacuates 40 homes as the river floods' },
      });
    });

    it('writes a story again with the extractive writer, and says when no model is configured', async () => {
      const { storyId } = await seedStory(database.db, `dorn-again-${engine}`, floodFrom(3));
      await expect(regenerateStory(deps, EDITOR, { storyId, writer: 'model' })).rejects.toThrow(
        /no model is configured/,
      );
      await expect(
        regenerateStory(deps, EDITOR, { storyId, writer: 'typewriter' as 'model' }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
      });
      const first = await regenerateStory(deps, EDITOR, { storyId, writer: 'extractive' });
      const second = await regenerateStory(deps, EDITOR, { storyId, writer: 'extractive' });
      expect([first.status, second.status]).toEqual(['review', 'review']);
      expect((await storyVersions(database.db, storyId)).map((v) => v.version)).toEqual([2, 1]);
      const [logged] = await listActions(database.db, { targetKind: 'story', targetId: storyId });
      expect(logged).toMatchObject({
        action: 'regenerate',
        before: { version: 1 },
        after: { version: 2, writer: 'extractive' },
      });
    });

    it('keeps a split-out article apart from its story when later articles would merge them', async () => {
      const at = new Date('2007-03-23T10:00:00Z');
      const later = new Date('2007-03-23T13:00:00Z');
      // Control, in a window of its own a year later: the same articles with the split undone merge back.
      for (const [year, keepSplit] of [
        [0, true],
        [1, false],
      ] as const) {
        const shift = (d: Date) => new Date(d.getTime() + year * 365 * 86_400_000);
        const a = await article('BBC', SAILORS[0]!, shift(at));
        const b = await article('Reuters', SAILORS[1]!, shift(at));
        const [pa, pb] = await cluster([a, b]);
        expect(pb!.storyId).toBe(pa!.storyId);
        const { newStoryId } = await splitArticle(deps, EDITOR, { storyId: pa!.storyId, articleId: b });
        expect((await storyArticleIds(database.db, newStoryId)).map((r) => r.article_id)).toEqual([b]);
        if (!keepSplit)
          await database.db
            .deleteFrom('story_separations')
            .where('other_story_id', '=', newStoryId)
            .execute();
        const c = await article('AP', SAILORS[2]!, shift(later));
        await cluster([c]);
        const states = [await state(pa!.storyId), await state(newStoryId)];
        if (keepSplit) expect(states).not.toContain('merged');
        else expect(states).toContain('merged');
      }
    });

    it('refuses to split a lone article or one from another story', async () => {
      const a = await article('BBC', LONDON, new Date('2005-07-12T10:00:00Z'));
      const [placed] = await cluster([a]);
      await expect(splitArticle(deps, EDITOR, { storyId: placed!.storyId, articleId: a })).rejects.toThrow(
        'a story of one article cannot be split',
      );
      await expect(
        splitArticle(deps, EDITOR, { storyId: placed!.storyId, articleId: a + 999 }),
      ).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(
        splitArticle(deps, READER, { storyId: placed!.storyId, articleId: a }),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
    });

    it('keeps merged stories merged: later articles of the merged-in story join the survivor', async () => {
      const at = new Date('2010-03-23T10:00:00Z');
      const london = await article('BBC', LONDON, at);
      const sailors = await article('Reuters', SAILORS[0]!, at);
      const [pl, ps] = await cluster([london, sailors]);
      expect(ps!.storyId).not.toBe(pl!.storyId);
      await expect(mergeStories(deps, EDITOR, { fromId: ps!.storyId, intoId: ps!.storyId })).rejects.toThrow(
        'pick two different stories',
      );
      const survivor = await mergeStories(deps, EDITOR, { fromId: ps!.storyId, intoId: pl!.storyId });
      expect(survivor.article_count).toBe(2);
      expect(await state(ps!.storyId)).toBe('merged');
      const [more] = await cluster([await article('AP', SAILORS[1]!, new Date('2010-03-23T12:00:00Z'))]);
      expect(more!.storyId).toBe(pl!.storyId);
      expect(await state(ps!.storyId)).toBe('merged');
      await expect(
        mergeStories(deps, EDITOR, { fromId: ps!.storyId, intoId: pl!.storyId }),
      ).rejects.toMatchObject({
        code: 'conflict',
      });
      const [logged] = await listActions(database.db, { targetKind: 'story', targetId: ps!.storyId });
      expect(logged).toMatchObject({
        action: 'merge',
        after: { [ps!.storyId]: { state: 'merged', merged_into: pl!.storyId } },
      });
    });

    it('publishes a correction on the editor’s initiative, refusing changes the sources do not support', async () => {
      const { storyId } = await seedStory(database.db, `dorn-fix-${engine}`, floodFrom(4));
      const written = await writeStory({ ...deps.write, policy: 'auto' }, storyId);
      if (written.status !== 'published') throw new Error(written.status);
      const body = written.version.body;
      const base = { storyId, reason: 'The evacuation figure was misattributed.' };
      await expect(publishCorrection(deps, EDITOR, { ...base, reason: 'oops' })).rejects.toThrow(
        /say in a sentence/,
      );
      await expect(publishCorrection(deps, EDITOR, base)).rejects.toThrow(/changes nothing/);
      await expect(publishCorrection(deps, EDITOR, { ...base, replace: { 'lede.9': 'x' } })).rejects.toThrow(
        'the published version has no sentence lede.9',
      );
      await expect(
        publishCorrection(deps, EDITOR, {
          ...base,
          replace: { 'lede.0': 'Officials said 900 homes were evacuated overnight.' },
        }),
      ).rejects.toThrow(/The sources do not support "Officials said 900 homes were evacuated overnight\."/);
      expect(await storyVersions(database.db, storyId)).toHaveLength(1);
      await expect(publishCorrection(deps, READER, { ...base, remove: ['lede.0'] })).rejects.toMatchObject({
        code: 'forbidden',
      });
      const corrected = await publishCorrection(deps, EDITOR, {
        ...base,
        remove: ['sections.0.0'].filter(() => body.sections[0]?.sentences.length),
        headline: 'Lower Dorn evacuates 40 homes after the floods',
      });
      expect(corrected.status).toBe('published');
      expect(corrected.correction_reason).toBe(base.reason);
      expect(corrected.headline).toBe('Lower Dorn evacuates 40 homes after the floods');
      expect((await correctionsLog(database.db, { storyId }))[0]).toMatchObject({
        reason: base.reason,
        version: 2,
      });
      const [logged] = await listActions(database.db, { targetKind: 'story', targetId: storyId });
      expect(logged).toMatchObject({
        action: 'correct',
        before: { version: 1 },
        after: { version: 2, status: 'published' },
      });
    });
  });
}
