import { describe, expect, it } from 'vitest';
import type { ArticleFeatures } from './features.js';
import { linkStories, reportSimilarity } from './link.js';
import { linkBatch, linkNear, placeAll, storedStoriesNear } from './link-passes.js';
import { evidenceWeights, placeBatch, storedStoriesTouched } from './place.js';
import { addToProfile, newProfile } from './profile.js';
import { defaultClusterSettings } from './settings.js';
import { WorkingSet } from './working-set.js';

const DAY = 24 * 3_600_000;
const rare = () => 6;
const settings = defaultClusterSettings;

/** A full report: its words (all of weight 1, unit length together), the names it gives, its day. */
function report(id: number, words: string[], names: string[], day: number | null): ArticleFeatures {
  const weight = 1 / Math.sqrt(words.length);
  return {
    id,
    sourceId: id,
    title: `report ${id}`,
    time: day === null ? null : day * DAY,
    seen: (day ?? 0) * DAY,
    terms: new Map(words.map((w) => [w, weight])),
    names: new Map(names.map((n) => [n, 10])),
    figures: new Set(),
  };
}

// A topic that runs for days (aid after a tsunami): each report shares five of its 26 words
// with the others and names people and places the others do not.
const TOPIC = ['tsunami', 'aid', 'relief', 'donation', 'victim'];
const aid = (id: number, day: number | null, place: string) =>
  report(
    id,
    [...TOPIC, ...Array.from({ length: 21 }, (_, i) => `${place}word${i}`)],
    [place, `${place}official`],
    day,
  );
const topic = [aid(1, 0, 'aceh'), aid(2, 1, 'colombo'), aid(3, 2, 'chennai'), aid(4, 3, 'phuket')];

// Two factory fires on one day: the same words, but who and where differ.
const FIRE = ['factory', 'fire', 'blaze', 'firefighter', 'smoke', 'worker', 'evacuated', 'plant'];
const fire = (id: number, town: string, extra: string) =>
  report(id, [...FIRE, ...Array.from({ length: 4 }, (_, i) => `${extra}${i}`)], [town, `${town}mayor`], 0);
const fires = [
  fire(11, 'caldmoor', 'a'),
  fire(12, 'caldmoor', 'b'),
  fire(13, 'lowmoor', 'c'),
  fire(14, 'lowmoor', 'd'),
];

/** The articles of each story after placing `articles` as one batch, as sorted id lists. */
function stories(articles: ArticleFeatures[], set = new WorkingSet()): number[][] {
  const result = placeAll(set, articles, new Map(), new Map(), settings, rare);
  const byStory = new Map<number, number[]>();
  for (const a of result.assignments) byStory.set(a.key, [...(byStory.get(a.key) ?? []), a.articleId]);
  return [...byStory.values()].map((ids) => ids.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

describe('linking the stories of a batch', () => {
  it('joins the reports of a topic that name different people and places over days', () => {
    expect(stories(topic)).toEqual([[1, 2, 3, 4]]);
  });

  it('joins them whatever order they come in', () => {
    expect(stories([...topic].reverse())).toEqual([[1, 2, 3, 4]]);
    expect(stories([topic[2]!, topic[0]!, topic[3]!, topic[1]!])).toEqual([[1, 2, 3, 4]]);
  });

  it('keeps two same-kind events with different who and where apart', () => {
    expect(stories(fires)).toEqual([
      [11, 12],
      [13, 14],
    ]);
    expect(stories([...fires].reverse())).toEqual([
      [11, 12],
      [13, 14],
    ]);
  });

  it('keeps a topic apart from an unrelated event', () => {
    expect(stories([...topic, ...fires])).toEqual([
      [1, 2, 3, 4],
      [11, 12],
      [13, 14],
    ]);
  });

  // Reports of 26 words: five a kind of event shares, and words of their own.
  const own = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const KIND = ['rehab', 'facility', 'treatment', 'spokesman', 'stay'];
  const link = (groups: ArticleFeatures[][]) =>
    linkStories(
      groups.map((articles, i) => ({ key: -(i + 1), articles })),
      rare,
      evidenceWeights(settings),
      () => false,
    );

  it('keeps two same-kind stories apart when each holds together far better than with the other', () => {
    // Each story's reports share 15 words beyond the kind's five; across stories only those five
    // (cosine 0.19) agree. All name one city, so neither has a who of its own.
    const story = (tag: string, ids: number[]) =>
      ids.map((id) =>
        report(id, [...KIND, ...own(tag, 15), ...own(`${tag}${id}x`, 6)], ['city', `${tag}${id}`], 0),
      );
    expect(link([story('a', [1, 2]), story('b', [3, 4])])).toEqual([]);
  });

  it('keeps two same-kind stories apart when each has its own who and neither names the other’s', () => {
    // Within and across stories the reports share only the kind's five words (cosine 0.19), but
    // each story's reports name their star, and the other story's never do.
    const story = (star: string, ids: number[]) =>
      ids.map((id) => report(id, [...KIND, ...own(`w${id}`, 21)], [star, `place${id}`], 0));
    expect(link([story('lohan', [1, 2]), story('bieber', [3, 4])])).toEqual([]);
    // The same reports without a star of their own are one topic.
    const topic = [1, 2, 3, 4].map((id) => report(id, [...KIND, ...own(`w${id}`, 21)], [`place${id}`], 0));
    expect(link(topic.map((a) => [a]))).toEqual([[-4, -3, -2, -1]]);
  });

  describe('a single report told from another angle', () => {
    // A story's two reports share 20 of their 26 words (they agree 0.77); a blog post on the same
    // leak shares four words with each (0.15): over the bar for three pairs, under half of 0.77.
    const leak = (names: string[]) =>
      [1, 2].map((id) =>
        report(id, [...KIND, ...own('leak', 15), ...own(`x${id}`, 6)], [...names, `desk${id}`], 0),
      );
    const post = (names: string[]) =>
      report(3, [...KIND.slice(0, 2), ...own('leak', 2), ...own('post', 22)], names, 0);
    // "peinovich" and "enoch" are in one article in a hundred; "senate" and "gop" in one in thirty.
    const rarity = (name: string) =>
      name === 'senate' || name === 'gop' ? 1 + Math.log(30) : 1 + Math.log(100);
    const linked = (story: ArticleFeatures[], single: ArticleFeatures) =>
      linkStories(
        [
          { key: -1, articles: story },
          { key: -2, articles: [single] },
        ],
        rarity,
        evidenceWeights(settings),
        () => false,
      );

    it('joins the story when it names two of the story’s own people', () => {
      expect(linked(leak(['peinovich', 'enoch']), post(['peinovich', 'enoch', 'cernovich']))).toEqual([
        [-2, -1],
      ]);
    });

    it('is held to the plain bar, not to the allowance for few pairs, when it names them', () => {
      // Two words in common with each report (0.077): over the plain bar of 0.06, under the 0.095
      // that two pairs must clear.
      const brief = (names: string[], shared: number) =>
        report(3, [...KIND.slice(0, shared), ...own('brief', 26 - shared)], names, 0);
      const story = leak(['peinovich', 'enoch']);
      expect(linked(story, brief(['peinovich', 'enoch'], 2))).toEqual([[-2, -1]]);
      expect(linked(story, brief(['cernovich'], 2))).toEqual([]);
      // One word in common (0.038) is under the plain bar, whatever it names.
      expect(linked(story, brief(['peinovich', 'enoch'], 1))).toEqual([]);
    });

    it('stays apart when it names only one of them, or only the topic’s institutions', () => {
      expect(linked(leak(['peinovich', 'enoch']), post(['peinovich', 'cernovich']))).toEqual([]);
      expect(linked(leak(['senate', 'gop']), post(['senate', 'gop', 'cernovich']))).toEqual([]);
    });
  });

  it('joins two follow-ups of a topic alike in words (cosine 0.23) that name different people', () => {
    const follow = (id: number) =>
      report(id, [...TOPIC, 'pledge', ...own(`w${id}`, 20)], [`town${id}`], null);
    expect(link([[follow(1)], [follow(2)]])).toEqual([[-2, -1]]);
  });

  it('does not join reports weeks apart', () => {
    const far = [aid(1, 0, 'aceh'), aid(2, 10, 'colombo')];
    expect(stories(far)).toEqual([[1], [2]]);
  });

  it('skips headlines', () => {
    const headline = (id: number) => report(id, [...TOPIC, `word${id}`], [`place${id}`], 0);
    const groups = linkStories(
      [
        { key: -1, articles: [headline(1)] },
        { key: -2, articles: [headline(2)] },
      ],
      rare,
      evidenceWeights(settings),
      () => false,
    );
    expect(groups).toEqual([]);
  });

  it('respects an editor split', () => {
    const groups = linkStories(
      topic.map((a, i) => ({ key: i + 1, articles: [a] })),
      rare,
      evidenceWeights(settings),
      () => false,
    );
    expect(groups).toEqual([[1, 2, 3, 4]]);
    const split = linkStories(
      topic.map((a, i) => ({ key: i + 1, articles: [a] })),
      rare,
      evidenceWeights(settings),
      (a, b) => (a === 1 && b === 4) || (a === 4 && b === 1),
    );
    expect(split.some((g) => g.includes(1) && g.includes(4))).toBe(false);
  });

  it('does not link a story stored by an earlier pass through the reports this batch brings it', () => {
    const set = new WorkingSet();
    set.load(9, newProfile(aid(101, 0, 'aceh')));
    // A copy of the stored report goes to its story; the two new reports of the topic link with
    // each other, and would have with the copy had it been new too (the first test).
    const result = placeAll(
      set,
      [aid(1, 0, 'aceh'), aid(2, 1, 'colombo'), aid(3, 2, 'chennai')],
      new Map([[1, 101]]),
      new Map([[101, 9]]),
      settings,
      rare,
    );
    expect(result.merges).toEqual([]);
    const [copy, ...rest] = result.assignments.map((a) => a.key);
    expect(copy).toBe(9);
    expect(new Set(rest).size).toBe(1);
    expect(rest[0]).not.toBe(9);
  });

  describe('a stored story, judged by its earlier reports with the batch’s', () => {
    /** Places a copy of report 101 (stored in story 9, beside `earlier`) and two new reports of its topic. */
    function withEarlier(earlier: ArticleFeatures[]) {
      const set = new WorkingSet();
      set.load(9, newProfile(earlier[0]!));
      const batch = [aid(1, 0, 'aceh'), aid(2, 1, 'colombo'), aid(3, 2, 'chennai')];
      const result = placeBatch(set, batch, new Map([[1, 101]]), new Map([[101, 9]]), settings, rare);
      expect(storedStoriesTouched(set, result)).toEqual([9]);
      linkBatch({ set, features: batch, earlier: new Map([[9, earlier]]), settings, rarity: rare, result });
      return result;
    }

    it('joins the topic’s new reports when its earlier reports are of the topic too', () => {
      const result = withEarlier([aid(101, 0, 'aceh'), aid(102, 3, 'phuket')]);
      expect(result.assignments.map((a) => a.key)).toEqual([9, 9, 9]);
    });

    it('keeps apart when its earlier reports are of another event, whatever the copy shares', () => {
      const result = withEarlier([aid(101, 0, 'aceh'), fires[0]!, fires[1]!]);
      const [copy, ...rest] = result.assignments.map((a) => a.key);
      expect(copy).toBe(9);
      expect(rest.every((k) => k !== 9)).toBe(true);
    });
  });
});

describe('a stored story that a batch’s new story comes near', () => {
  // Reports of the aid topic that all name the agency: a new one weighs 0.29 against a story of
  // two of them, no veto but well under what joins a centroid, so it starts a story of its own.
  const agency = (id: number, day: number, place: string) => {
    const r = aid(id, day, place);
    return { ...r, names: new Map([...r.names, ['unicef', 10]]) };
  };
  const stored = (set: WorkingSet, key: number, earlier: ArticleFeatures[]) =>
    set.load(key, earlier.slice(1).reduce(addToProfile, newProfile(earlier[0]!)));

  /** Places and links the batch, then weighs the stored stories it came near by their `earlier` reports. */
  function near(set: WorkingSet, batch: ArticleFeatures[], earlier: Map<number, ArticleFeatures[]>) {
    const result = placeBatch(set, batch, new Map(), new Map(), settings, rare);
    expect(storedStoriesTouched(set, result)).toEqual([]);
    linkBatch({ set, features: batch, earlier: new Map(), settings, rarity: rare, result });
    expect(storedStoriesNear(set, result)).toEqual([...earlier.keys()].sort((a, b) => a - b));
    linkNear({ set, features: batch, earlier, settings, rarity: rare, result });
    return result;
  }

  it('joins it when its earlier reports and the new ones are one topic', () => {
    const set = new WorkingSet();
    const earlier = [agency(101, 0, 'aceh'), agency(102, 3, 'phuket')];
    stored(set, 9, earlier);
    const result = near(set, [agency(1, 1, 'colombo'), agency(2, 2, 'chennai')], new Map([[9, earlier]]));
    expect(result.assignments.map((a) => a.key)).toEqual([9, 9]);
    // Neither started the story it is in now: each came with the story it started or joined.
    expect(result.assignments.map((a) => [a.created, a.evidence.reason])).toEqual([
      [false, 'merged'],
      [false, 'merged'],
    ]);
    expect(result.merges).toEqual([]);
  });

  it('keeps apart when its earlier reports hold together far better than with the new ones', () => {
    // The stored reports share a quake's 15 words beyond the topic's five; the new ones share four
    // of their own. Across, only the topic's five agree: half as much as the new ones among
    // themselves, which the batch's pool would still join, and not enough for a pair judged alone.
    const own = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const withWords = (r: ArticleFeatures, words: string[]) => ({
      ...r,
      terms: new Map(words.map((w) => [w, 1 / Math.sqrt(words.length)])),
    });
    const earlier = [101, 102].map((id) =>
      withWords(agency(id, 0, 'aceh'), [...TOPIC, ...own('quake', 15), ...own(`e${id}`, 6)]),
    );
    const batch = [1, 2].map((id) =>
      withWords(agency(id, 0, 'colombo'), [...TOPIC, ...own('ferry', 4), ...own(`n${id}`, 17)]),
    );
    const set = new WorkingSet();
    stored(set, 9, earlier);
    const result = near(set, batch, new Map([[9, earlier]]));
    const [a, b] = result.assignments.map((x) => x.key);
    expect(a).toBe(b);
    expect(a).not.toBe(9);
    expect(
      linkStories(
        [
          { key: 9, articles: earlier },
          { key: a!, articles: batch },
        ],
        rare,
        evidenceWeights(settings),
        () => false,
      ),
    ).toEqual([[a, 9].sort((x, y) => x! - y!)]);
  });

  it('joins a new story to one stored story at most, never two stored stories to each other', () => {
    const set = new WorkingSet();
    const first = [agency(101, 0, 'aceh'), agency(102, 3, 'phuket')];
    const second = [agency(201, 0, 'banda'), agency(202, 3, 'galle')];
    stored(set, 8, first);
    stored(set, 9, second);
    const result = near(
      set,
      [agency(1, 1, 'colombo'), agency(2, 2, 'chennai')],
      new Map([
        [8, first],
        [9, second],
      ]),
    );
    expect(new Set(result.assignments.map((a) => a.key)).size).toBe(1);
    expect([8, 9]).toContain(result.assignments[0]!.key);
    expect(set.resolve(8)).toBe(8);
    expect(set.resolve(9)).toBe(9);
  });

  it('is not judged without earlier reports: a stored story with none read stays as it is', () => {
    const set = new WorkingSet();
    stored(set, 9, [agency(101, 0, 'aceh'), agency(102, 3, 'phuket')]);
    const batch = [agency(1, 1, 'colombo'), agency(2, 2, 'chennai')];
    const result = placeAll(set, batch, new Map(), new Map(), settings, rare);
    expect(result.assignments.every((a) => a.key !== 9)).toBe(true);
  });
});

describe('comparing two full reports', () => {
  // Each report's heaviest words are its own; they agree on the lighter words all their keywords hold.
  const unit = (words: string[]) => new Map(words.map((w) => [w, 1 / Math.sqrt(words.length)]));
  const shared = Array.from({ length: 40 }, (_, i) => `budget${i}`);
  const withWords = (id: number, own: string) => {
    const r = report(
      id,
      Array.from({ length: 30 }, (_, i) => `${own}${i}`),
      [],
      null,
    );
    return { ...r, words: unit([...r.terms.keys(), ...shared]) };
  };

  it('weighs all their keywords, not only the heaviest the story profile keeps', () => {
    const [a, b] = [withWords(1, 'house'), withWords(2, 'senate')];
    expect(reportSimilarity(a, b, rare, evidenceWeights(settings))).toBeGreaterThan(0.1);
    const heaviest = { ...a, words: undefined };
    expect(reportSimilarity(heaviest, { ...b, words: undefined }, rare, evidenceWeights(settings))).toBe(0);
  });
});
