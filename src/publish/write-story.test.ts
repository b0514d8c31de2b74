import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { silentLogger } from '../lib/log.js';
import { correctionsLog } from '../store/corrections.js';
import { findingsForVersion } from '../store/findings.js';
import { relatedCandidates } from '../store/published.js';
import { relatedStories } from '../store/related.js';
import { storyById, storyVersions } from '../store/stories.js';
import { sampleSources } from '../verify/fixtures.js';
import { correctStory } from './correct.js';
import { addArticles, FLOOD, seedStory } from './testing.js';
import { type WriteDeps, writeStory } from './write-story.js';

const [a, b] = sampleSources();
const rates = [
  { outlet: a!.outlet, title: a!.title, text: a!.text, published_at: a!.published_at! },
  { outlet: b!.outlet, title: b!.title, text: b!.text, published_at: b!.published_at! },
];
const flood = FLOOD;

describe('writeStory', () => {
  let database: Database;
  let deps: WriteDeps;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    deps = { db: database.db, logger: silentLogger(), policy: 'auto' };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('publishes a first version, then a new one only when sources are added', async () => {
    const { storyId } = await seedStory(database.db, 'freedonia-rates', rates.slice(0, 1));
    const first = await writeStory(deps, storyId);
    expect(first.status).toBe('published');
    expect(await writeStory(deps, storyId)).toEqual({
      status: 'unchanged',
      reason: 'no new or edited sources since version 1',
    });
    await addArticles(database.db, storyId, rates.slice(1));
    const second = await writeStory(deps, storyId);
    if (second.status !== 'published') throw new Error(second.status);
    expect(second.version.version).toBe(2);
    expect(second.version.source_count).toBe(2);
    expect(second.version.change_note).toMatch(/^1 source added \(now 2 from 2 publishers\)/);
    const versions = await storyVersions(database.db, storyId);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const story = (await storyById(database.db, storyId))!;
    expect(story.state).toBe('published');
    expect(story.current_version_id).toBe(second.version.id);
    expect(second.version.writer).toBe('extractive');
    expect(second.version.support_score).toBe(1);
  });

  it('holds every version under the review policy and keeps readers on the published one', async () => {
    const { storyId } = await seedStory(database.db, 'dorn-floods', flood.slice(0, 1));
    const held = await writeStory({ ...deps, policy: 'review' }, storyId);
    expect(held.status).toBe('review');
    expect((await storyById(database.db, storyId))!.state).toBe('review');
    const published = await writeStory(deps, storyId, { force: true });
    expect(published.status).toBe('published');
    await addArticles(database.db, storyId, flood.slice(1));
    const again = await writeStory({ ...deps, policy: 'review' }, storyId);
    if (again.status !== 'review' || published.status !== 'published') throw new Error('unexpected status');
    const story = (await storyById(database.db, storyId))!;
    expect(story.state).toBe('published');
    expect(story.current_version_id).toBe(published.version.id);
  });

  it('records "not enough material" for a story of one-line articles', async () => {
    const { storyId } = await seedStory(database.db, 'breaking', [
      { outlet: 'Wire', title: 'Breaking', text: 'Developing story.' },
    ]);
    const outcome = await writeStory(deps, storyId);
    expect(outcome.status).toBe('not_enough_material');
    expect((await storyById(database.db, storyId))!.write_note).toMatch(/^not enough material/);
  });

  it('links related stories and lists corrections', async () => {
    const { storyId } = await seedStory(database.db, 'dorn-roads', [
      {
        outlet: 'Road News',
        title: 'Lower Dorn roads stay closed',
        text: 'Roads into the flooded Lower Dorn valley stay closed after the river burst its banks. The council said repairs would take a week. Rescue teams are still checking homes in the valley.',
      },
    ]);
    const written = await writeStory(deps, storyId);
    if (written.status !== 'published') throw new Error(written.status);
    const related = await relatedStories(database.db, storyId);
    expect(related[0]?.slug).toBe('dorn-floods');
    expect(related.length).toBeLessThanOrEqual(4);
    expect(related[0]!.teaser.length).toBeGreaterThan(20);
    // The floods story, published first, listed fewer than four: the roads story joins its list.
    const floods = (await relatedCandidates(database.db, storyId)).find((c) => c.slug === 'dorn-floods')!;
    expect((await relatedStories(database.db, floods.id)).map((r) => r.slug)).toContain('dorn-roads');

    const corrected = await correctStory(deps, storyId, {
      reason: 'The repair estimate was attributed to the wrong body.',
      remove: ['sections.0.0'],
    });
    expect(corrected.version.correction_reason).toBe('The repair estimate was attributed to the wrong body.');
    expect(corrected.version.change_note).toMatch(/^Correction: /);
    const log = await correctionsLog(database.db);
    expect(log.map((c) => [c.slug, c.version])).toEqual([['dorn-roads', 2]]);
    expect(await findingsForVersion(database.db, corrected.version.id)).toEqual([]);
  });
});
