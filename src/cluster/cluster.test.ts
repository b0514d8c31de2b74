import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFrequencyCache } from '../analyze/run.js';
import type { Database } from '../db/connect.js';
import type { NewArticle } from '../db/schema.js';
import { openTestDatabase } from '../db/testing.js';
import { analysesForArticles } from '../store/analyses.js';
import { insertArticles, markDuplicate } from '../store/articles.js';
import { upsertSourceByKey } from '../store/sources.js';
import { storyById } from '../store/stories.js';
import { type ClusterDeps, clusterArticle, clusterArticles } from './cluster.js';
import type { ArticleFeatures } from './features.js';
import { placeAll } from './link-passes.js';
import { newProfile } from './profile.js';
import { defaultClusterSettings, isPublishable } from './settings.js';
import { slugify } from './slug.js';
import { WorkingSet } from './working-set.js';

// Two outlets on one event (MultiLing M002: the Iranian seizure of 15 Royal Navy sailors), one on
// another (M001: the London bombings), paraphrased from the WikiNews articles.
const SAILORS_1 = {
  title: '15 Royal Navy sailors captured at gunpoint by Iranian guards',
  text: 'Iranian Revolutionary Guards seized 15 Royal Navy sailors and marines at gunpoint in the Shatt al-Arab waterway on Friday. The Ministry of Defence said the sailors from HMS Cornwall were in Iraqi territorial waters. Britain demanded the immediate return of the sailors and their boats.',
};
const SAILORS_2 = {
  title: 'Iran holds 15 British sailors, Britain demands their return',
  text: 'Britain demanded the return of 15 Royal Navy sailors and marines seized by Iranian Revolutionary Guards. Iran said the sailors from HMS Cornwall had entered Iranian waters; the Ministry of Defence said they were in Iraqi territorial waters.',
};
const LONDON = {
  title: 'London bombing: police search houses in Leeds',
  text: 'West Yorkshire Police searched six houses in Leeds on Tuesday in connection with the London bombings. Officers from the Metropolitan Police anti-terrorist branch joined the search, and a controlled explosion was carried out in Burley.',
};

describe('clusterArticles', () => {
  let database: Database;
  let deps: ClusterDeps;
  let sources: number[];
  let n = 0;
  const at = (hours: number) => new Date(Date.UTC(2007, 2, 23) + hours * 3_600_000);

  async function add(
    article: { title: string; text: string },
    source: number,
    extra: Partial<NewArticle> = {},
  ) {
    n++;
    const row: NewArticle = {
      source_id: sources[source]!,
      url: `https://news.example/${n}`,
      canonical_url: `https://news.example/${n}`,
      title: article.title,
      text: article.text,
      published_at: at(0),
      fetched_at: at(0),
      content_hash: `h${n}`,
      ...extra,
    };
    const { inserted } = await insertArticles(database.db, [row]);
    return inserted.get(row.canonical_url)!;
  }

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    deps = { db: database.db, settings: defaultClusterSettings, frequencies: newFrequencyCache() };
    sources = [];
    for (const name of ['BBC', 'Reuters', 'AP'])
      sources.push((await upsertSourceByKey(database.db, { key: `name:${name}`, kind: 'import', name })).id);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('puts two outlets on one event in one story, and another event in a new one', async () => {
    const a = await add(SAILORS_1, 0);
    const b = await add(SAILORS_2, 1, { published_at: at(3) });
    const c = await add(LONDON, 2, { published_at: at(4) });
    const [ra, rb, rc] = await clusterArticles(deps, [a, b, c]);
    expect(ra!.created).toBe(true);
    expect(rb!.storyId).toBe(ra!.storyId);
    expect(rb!.created).toBe(false);
    expect(rb!.score).toBeGreaterThan(defaultClusterSettings.threshold);
    expect(rc!.storyId).not.toBe(ra!.storyId);
    const story = (await storyById(database.db, ra!.storyId))!;
    expect(story.article_count).toBe(2);
    expect(story.publisher_count).toBe(2);
    expect(story.slug).toBe('15-royal-navy-sailors-captured-at-gunpoint-by-iranian-guards');
    expect(isPublishable(story, defaultClusterSettings)).toBe(true);
    expect(isPublishable((await storyById(database.db, rc!.storyId))!, defaultClusterSettings)).toBe(false);
  });

  it('joins a story placed by an earlier call (one article at a time)', async () => {
    const d = await add(SAILORS_2, 2, {
      published_at: at(5),
      title: 'Iran says British sailors entered its waters',
    });
    const first = await clusterArticle(deps, d);
    const again = await clusterArticle(deps, d);
    expect(first!.created).toBe(false);
    expect((await storyById(database.db, first!.storyId))!.title).toBe(SAILORS_1.title);
    expect(again!.storyId).toBe(first!.storyId);
  });

  it('joins two short reports of one event met one at a time, as one batch would', async () => {
    const crews = await add(
      {
        title: 'Ferry crews walk out over rota changes',
        text: 'Ferry crews on the Selby crossing stopped work on Monday morning. The union says a new rota would add two night shifts a week. Operator Tidewater Lines said it regretted the disruption.',
      },
      0,
      { published_at: at(400) },
    );
    const commuters = await add(
      {
        title: 'Selby ferry strike strands commuters',
        text: 'About 3,000 commuters were stranded as the Selby ferry strike began. "We had no choice," said union steward Maren Holt.',
      },
      1,
      { published_at: at(402.5) },
    );
    const first = await clusterArticle(deps, crews);
    const second = await clusterArticle(deps, commuters);
    const story = async (id: number) => (await storyById(database.db, id))!;
    const into = (await story(second!.storyId)).merged_into ?? second!.storyId;
    const from = (await story(first!.storyId)).merged_into ?? first!.storyId;
    expect(into).toBe(from);
  });

  it('starts a new story for the same words outside the time window', async () => {
    const late = await add(SAILORS_1, 1, { published_at: at(24 * 30) });
    const r = (await clusterArticle(deps, late))!;
    expect(r.created).toBe(true);
    // Same headline, so the slug gets a suffix.
    expect((await storyById(database.db, r.storyId))!.slug).toBe(
      '15-royal-navy-sailors-captured-at-gunpoint-by-iranian-guards-2',
    );
  });

  it('treats undated articles as simultaneous', async () => {
    const x = await add(LONDON, 0, { published_at: null, fetched_at: at(24 * 60) });
    const y = await add(LONDON, 1, {
      published_at: null,
      fetched_at: at(24 * 60 + 1),
      title: 'Police search Leeds houses',
    });
    const [rx, ry] = await clusterArticles(deps, [x, y]);
    expect(ry!.storyId).toBe(rx!.storyId);
  });

  it('puts a duplicate in its original’s story whatever its words', async () => {
    const original = await add(LONDON, 0, { published_at: at(24 * 90) });
    const [ro] = await clusterArticles(deps, [original]);
    const copy = await add({ title: 'Unrelated words entirely', text: 'Nothing alike here at all.' }, 2, {
      published_at: at(24 * 90),
    });
    await markDuplicate(database.db, copy, original);
    const rc = (await clusterArticle(deps, copy))!;
    expect(rc.storyId).toBe(ro!.storyId);
    expect(rc.score).toBe(1);
  });

  it('analyzes what has no analysis yet and degrades on odd text', async () => {
    const korean = await add(
      { title: '이란, 영국 해군 15명 억류', text: '이란 혁명수비대가 영국 해군 15명을 억류했다.' },
      0,
    );
    const empty = await add({ title: 'Title only', text: ' ' }, 1);
    const results = await clusterArticles(deps, [korean, empty]);
    expect(results).toHaveLength(2);
    expect(await clusterArticles(deps, [])).toEqual([]);
  });

  it('keeps two celebrities entering rehab in the same week in two stories', async () => {
    const rehab = (who: string, where: string, days: number, speaker: string) => ({
      title: `${who} enters rehab in ${where}`,
      text: `${who} has checked into a rehabilitation facility in ${where}, a spokesman said. The star will stay at the treatment center for ${days} days. "We are committed to getting better," said ${speaker}.`,
    });
    const week = 24 * 150;
    const ids = [
      await add(rehab('Lindsay Lohan', 'Malibu', 90, 'Steve Honig'), 0, { published_at: at(week) }),
      await add(rehab('Justin Bieber', 'Arizona', 30, 'Scooter Braun'), 1, { published_at: at(week + 20) }),
      await add(rehab('Lohan', 'Malibu', 90, 'Honig'), 1, { published_at: at(week + 30) }),
      await add(rehab('Bieber', 'Arizona', 30, 'Braun'), 2, { published_at: at(week + 40) }),
    ];
    const [lohan, bieber, lohan2, bieber2] = await clusterArticles(deps, ids);
    expect(lohan2!.storyId).toBe(lohan!.storyId);
    expect(bieber2!.storyId).toBe(bieber!.storyId);
    expect(bieber!.storyId).not.toBe(lohan!.storyId);
  });

  // Bad input: scripts without capitals, mixed scripts and 1 MB of text are analyzed
  // (language recorded, fewer features) and still clustered by their words.
  it('clusters Korean, Japanese, Arabic and 1 MB articles, recording each language', async () => {
    const when = { published_at: at(24 * 120) };
    const seized = await add(
      {
        title: '이란, 영국 해군 15명 억류',
        text: '이란 혁명수비대가 걸프 해역에서 영국 해군 15명을 억류했다. 영국 국방부는 즉각 석방을 요구했다.',
      },
      0,
      when,
    );
    const seizedToo = await add(
      {
        title: '영국, 이란에 억류 해군 15명 석방 요구',
        text: '영국 국방부는 이란 혁명수비대가 억류한 영국 해군 15명의 석방을 요구했다.',
      },
      1,
      when,
    );
    const japanese = await add(
      { title: '東京で日米貿易交渉', text: '東京で日米の貿易交渉が開かれ、大臣は「合意は近い」と述べた。' },
      2,
      when,
    );
    const arabic = await add(
      { title: 'محادثات في واشنطن', text: 'قال الوزير إن المحادثات ستستمر في واشنطن يوم الاثنين' },
      1,
      when,
    );
    const huge = await add(
      {
        title: 'Minister says talks go on',
        text: 'The minister said "talks will go on" in Seoul on Monday. '.repeat(18_000),
      },
      2,
      when,
    );
    const ids = [seized, seizedToo, japanese, arabic, huge];
    const [rs, rt, rj, ra, rh] = await clusterArticles(deps, ids);
    expect(rt!.storyId).toBe(rs!.storyId);
    expect(new Set([rs!.storyId, rj!.storyId, ra!.storyId, rh!.storyId]).size).toBe(4);
    const analyses = await analysesForArticles(database.db, ids);
    expect(ids.map((id) => analyses.get(id)!.language)).toEqual(['ko', 'ko', 'ja', 'ar', 'en']);
    expect(analyses.get(seized)!.entities).toEqual([]);
    expect(analyses.get(huge)!.quotes.length).toBeGreaterThan(100);
  });
});

describe('placeAll', () => {
  const features = (
    id: number,
    terms: Record<string, number>,
    names: string[],
    time: number | null = 0,
  ): ArticleFeatures => {
    const norm = Math.sqrt(Object.values(terms).reduce((s, w) => s + w * w, 0));
    return {
      id,
      sourceId: id,
      title: `a${id}`,
      time,
      seen: time ?? 0,
      terms: new Map(Object.entries(terms).map(([t, w]) => [t, w / norm])),
      names: new Map(names.map((n) => [n, 10])),
      figures: new Set(),
    };
  };
  // Full reports: more than a headline's ten keywords.
  const fire = (extra: Record<string, number>) => ({
    fire: 3,
    factory: 3,
    firefighter: 2,
    blaze: 2,
    worker: 2,
    injured: 1,
    smoke: 1,
    roof: 1,
    crew: 1,
    night: 1,
    shift: 1,
    ...extra,
  });
  const rare = () => 6;

  it('keeps two fires with different names apart, and puts a report of one with it', () => {
    const set = new WorkingSet();
    set.load(
      1,
      newProfile(features(1, fire({ caldmoor: 2, hartwell: 2 }), ['caldmoor', 'hartwell', 'penrose'])),
    );
    const result = placeAll(
      set,
      [
        features(2, fire({ pellridge: 2, orlan: 2 }), ['pellridge', 'orlan', 'haskel']),
        features(3, fire({ caldmoor: 2, hartwell: 1 }), ['caldmoor', 'hartwell', 'penrose', 'keel']),
      ],
      new Map(),
      new Map(),
      defaultClusterSettings,
      rare,
    );
    const [pellridge, caldmoor] = result.assignments;
    expect(pellridge).toMatchObject({ articleId: 2, created: true });
    expect(pellridge!.key).not.toBe(1);
    expect(caldmoor).toMatchObject({ articleId: 3, key: 1, created: false });
    expect(caldmoor!.evidence.shared_names).toEqual(
      expect.arrayContaining(['caldmoor', 'hartwell', 'penrose']),
    );
    expect(result.merges).toEqual([]);
  });

  it('joins two stories that turn out to be one event, the older keeping its identity', () => {
    const set = new WorkingSet();
    const names = ['caldmoor', 'hartwell', 'penrose'];
    set.load(4, newProfile(features(4, fire({ caldmoor: 2 }), names)));
    set.load(2, newProfile(features(2, fire({ hartwell: 2 }), names)));
    const result = placeAll(
      set,
      [features(5, fire({ caldmoor: 1, hartwell: 1 }), names)],
      new Map(),
      new Map(),
      defaultClusterSettings,
      rare,
    );
    expect(result.merges).toEqual([{ from: 4, into: 2 }]);
    expect(result.assignments[0]!.key).toBe(2);
    expect(set.stories.get(2)!.profile.articles).toBe(3);
  });

  // Two budget fights of one Congress: alike in words and in the topic's institutions ("Senate",
  // "GOP"), each with its own senators and states. Seen as one article, each story scores 0.36
  // against the other (over the merge threshold) with a third of their names in common.
  const budget = (extra: Record<string, number>) => ({
    budget: 3,
    senate: 3,
    vote: 2,
    spending: 2,
    deficit: 2,
    republican: 2,
    democrat: 1,
    cut: 1,
    bill: 1,
    floor: 1,
    plan: 1,
    ...extra,
  });

  it('does not join two stories of full reports that share a topic’s words and institutions only', () => {
    const set = new WorkingSet();
    const balanced = ['senate', 'gop', 'enzi', 'mikulski', 'wyoming', 'maryland'];
    set.load(
      1,
      newProfile(features(1, budget({ balanced: 5, amendment: 4, enzi: 4, wyoming: 3 }), balanced)),
    );
    set.load(
      2,
      newProfile(
        features(2, budget({ ceiling: 5, default: 4, reid: 4, nevada: 3 }), [
          'senate',
          'gop',
          'reid',
          'schumer',
          'nevada',
          'york',
        ]),
      ),
    );
    const result = placeAll(
      set,
      [features(3, budget({ balanced: 4, amendment: 5, enzi: 3, wyoming: 3 }), balanced)],
      new Map(),
      new Map(),
      defaultClusterSettings,
      rare,
    );
    expect(result.assignments[0]).toMatchObject({ key: 1, created: false });
    expect(result.merges).toEqual([]);
  });

  it('joins a story and its follow-up days later that name the same people and places', () => {
    const hours = 3_600_000;
    const mill = { mill: 3, worker: 2, caldmoor: 3 };
    const inquiry = (extra: Record<string, number>) => ({
      ...mill,
      inquiry: 3,
      hearing: 2,
      sprinkler: 2,
      evidence: 1,
      minister: 1,
      safety: 1,
      report: 1,
      witness: 1,
      regulator: 1,
      ...extra,
    });
    const set = new WorkingSet();
    set.load(
      1,
      newProfile(
        features(1, { ...fire({ hartwell: 2 }), ...mill }, [
          'caldmoor',
          'hartwell',
          'keel',
          'ostby',
          'penrose',
          'tarrow',
        ]),
      ),
    );
    const named = ['caldmoor', 'hartwell', 'keel', 'ostby', 'marchetti', 'solvay'];
    set.load(2, newProfile(features(2, inquiry({ marchetti: 2 }), named, 72 * hours)));
    // Seen as one article, each scores 0.36 against the other (the words fade over three days),
    // with two thirds of their names in common.
    const result = placeAll(
      set,
      [features(3, inquiry({ solvay: 2, caldmoor: 2 }), named, 74 * hours)],
      new Map(),
      new Map(),
      defaultClusterSettings,
      rare,
    );
    expect(result.merges).toEqual([{ from: 2, into: 1 }]);
    expect(result.assignments[0]!.key).toBe(1);
  });

  it('leaves stories of different events alone', () => {
    const set = new WorkingSet();
    set.load(1, newProfile(features(1, fire({ caldmoor: 2 }), ['caldmoor', 'hartwell'])));
    set.load(2, newProfile(features(2, fire({ pellridge: 2 }), ['pellridge', 'orlan'])));
    const result = placeAll(
      set,
      [features(3, fire({ caldmoor: 1 }), ['caldmoor', 'hartwell'])],
      new Map(),
      new Map(),
      defaultClusterSettings,
      rare,
    );
    expect(result.merges).toEqual([]);
    expect(result.assignments[0]!.key).toBe(1);
  });
});

describe('slugify', () => {
  it.each([
    ['London bombing: Police search houses in Leeds', 'london-bombing-police-search-houses-in-leeds'],
    ['Ahmadinejad’s pardon — “a gift”', 'ahmadinejads-pardon-a-gift'],
    ['이란, 영국 해군 억류', 'story'],
    ['A'.repeat(100), 'a'.repeat(60)],
  ])('%s', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });
});
