import { describe, expect, it } from 'vitest';
import type { StoryVersion } from '../db/schema.js';
import type { SourceArticle } from '../store/site.js';
import { buildStoryModel, mainEntities } from './story-model.js';
import { asSentence, firstSentence, markedRuns, safeUrl } from './views/format.js';
import { PageCache } from './page-cache.js';

const article = (id: number, text: string, at: string): SourceArticle => ({
  id,
  title: `T${id}`,
  url: `https://a.example/${id}`,
  outlet: `O${id}`,
  outlet_url: null,
  published_at: new Date(at),
  text,
});

function version(body: Partial<StoryVersion['body']>): StoryVersion {
  return {
    body: { lede: [], sections: [], quotes: [], figures: [], ...body },
  } as unknown as StoryVersion;
}

describe('buildStoryModel', () => {
  const a1 = article(1, 'Alpha said yes. Beta said no.', '2026-01-01T00:00:00Z');
  const a2 = article(2, 'Gamma counted 40 boats.', '2026-01-02T00:00:00Z');
  const a3 = article(3, 'Uncited reporting.', '2025-12-31T00:00:00Z');

  it('numbers sources by first citation, then the uncited, and shares passages between markers', () => {
    const model = buildStoryModel(
      version({
        lede: [
          { text: 'Gamma counted 40 boats.', citations: [{ article_id: 2, start: 0, end: 23 }] },
          {
            text: 'Alpha said yes.',
            citations: [
              { article_id: 1, start: 0, end: 15 },
              { article_id: 2, start: 0, end: 23 },
            ],
          },
        ],
      }),
      [a3, a1, a2],
    );
    expect(model.sources.map((s) => [s.id, s.number])).toEqual([
      [2, 1],
      [1, 2],
      [3, 3],
    ]);
    expect(model.markersOf([{ article_id: 2, start: 0, end: 23 }])).toEqual([
      { passageId: 'p1', sourceNumber: 1 },
    ]);
    expect(model.sources[1]!.passages[0]).toMatchObject({
      cited: 'Alpha said yes.',
      after: ' Beta said no.',
    });
  });

  // Citations a writer got wrong must not break the page: they are dropped, not rendered.
  const broken: [string, { article_id: number; start: number; end: number }][] = [
    ['unknown article', { article_id: 99, start: 0, end: 5 }],
    ['past the end of the text', { article_id: 1, start: 10, end: 500 }],
    ['empty span', { article_id: 1, start: 4, end: 4 }],
    ['negative start', { article_id: 1, start: -3, end: 4 }],
  ];
  it.each(broken)('drops a citation to %s', (_name, citation) => {
    const model = buildStoryModel(version({ lede: [{ text: 'x', citations: [citation] }] }), [a1]);
    expect(model.markersOf([citation])).toEqual([]);
    expect(model.sources[0]!.passages).toEqual([]);
  });
});

describe('mainEntities', () => {
  it('leaves out a dateline in capitals but keeps the place as written and an acronym', () => {
    const story = version({
      lede: [
        {
          text: 'SABLE CITY - The SMTA said buses in Sable City and BRENNICK would run again.',
          citations: [],
        },
      ],
    });
    const entity = (name: string) => ({ name, kind: 'place' as const, articles: 3 });
    const names = mainEntities(story, [
      entity('SABLE CITY'),
      entity('BRENNICK'),
      entity('Sable City'),
      entity('SMTA'),
    ]).map((e) => e.name);
    expect(names).toEqual(['Sable City', 'SMTA']);
  });

  it('keeps a company the story calls by its short name, unless another name opens on that word', () => {
    const story = version({
      lede: [
        {
          text: 'Vantor said the packs would be replaced. Calvera said The Sentinel reported a National Museum theft.',
          citations: [],
        },
      ],
    });
    const entity = (name: string, kind: 'organization' | 'place') => ({ name, kind, articles: 3 });
    const names = mainEntities(story, [
      entity('Vantor Mobility', 'organization'),
      entity('Calvera National Museum', 'organization'),
      entity('Calvera', 'place'),
      entity('National Grid', 'organization'),
      entity('The Sentinel Group', 'organization'),
      entity('Lumora Systems', 'organization'),
    ]).map((e) => e.name);
    expect(names).toEqual(['Vantor Mobility', 'Calvera']);
  });

  it("leaves out a company's short name that a report took for a place", () => {
    const story = version({
      lede: [{ text: 'Lumora Systems said Lumora would pay for the recall in Calvera.', citations: [] }],
    });
    const names = mainEntities(story, [
      { name: 'Lumora Systems', kind: 'organization', articles: 4 },
      { name: 'Calvera', kind: 'place', articles: 3 },
      { name: 'Lumora', kind: 'place', articles: 1 },
    ]).map((e) => e.name);
    expect(names).toEqual(['Lumora Systems', 'Calvera']);
  });

  it('names an organisation once, and no day', () => {
    const story = version({
      lede: [
        {
          text: 'The Calveran Federation of Industrial Workers and the SMTA met the Sable Metropolitan Transit Authority on Saturday.',
          citations: [],
        },
      ],
    });
    const names = mainEntities(story, [
      { name: 'Calveran Federation of Industrial Workers', kind: 'organization', articles: 3 },
      { name: 'Federation of Industrial Workers', kind: 'organization', articles: 2 },
      { name: 'SMTA', kind: 'organization', articles: 2 },
      { name: 'Sable Metropolitan Transit Authority', kind: 'organization', articles: 2 },
      { name: 'Saturday', kind: 'place', articles: 1 },
    ]).map((e) => e.name);
    expect(names).toEqual([
      'Calveran Federation of Industrial Workers',
      'Sable Metropolitan Transit Authority',
    ]);
  });
});

describe('format helpers', () => {
  it.each([
    [
      'a \uE000b\uE001 c',
      [
        { text: 'a ', marked: false },
        { text: 'b', marked: true },
        { text: ' c', marked: false },
      ],
    ],
    ['\uE000unclosed', [{ text: 'unclosed', marked: true }]],
    ['stray \uE001end', [{ text: 'stray end', marked: false }]],
  ])('splits %j into marked runs', (text, runs) => {
    expect(markedRuns(text, '\uE000', '\uE001')).toEqual(runs);
  });

  it.each([
    ['Talks stalled. Ministers left.', 'Talks stalled.'],
    ['The U.S. delegation left early. Then talks ended.', 'The U.S. delegation left early.'],
    ['No full stop', 'No full stop'],
  ])('takes the first sentence of %j', (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });

  it.each([
    ['Talia Brennan conceded the election on Sunday', 'Talia Brennan conceded the election on Sunday.'],
    ['The council approved the plan.', 'The council approved the plan.'],
    ['"We will not go back," she said.', '"We will not go back," she said.'],
    ['Who pays for the repairs?', 'Who pays for the repairs?'],
    ['The figure rose to 4 percent (from 3).', 'The figure rose to 4 percent (from 3).'],
    ['It said "enough"', 'It said "enough".'],
  ])('reads %j as a sentence', (text, expected) => {
    expect(asSentence(text)).toBe(expected);
  });

  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['javascript:alert(1)', '#'],
    [' JAVASCRIPT:alert(1)', '#'],
    ['data:text/html,x', '#'],
    [null, '#'],
  ])('safeUrl(%j) is %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});

describe('PageCache', () => {
  it('evicts the least recently used page and pages older than the max age', () => {
    let now = 0;
    const cache = new PageCache({ maxEntries: 2, maxAgeMs: 100, now: () => now });
    cache.set('a', 'A', '"a"');
    cache.set('b', 'B', '"b"');
    cache.get('a');
    cache.set('c', 'C', '"c"');
    expect(cache.get('b')).toBeUndefined();
    expect(Buffer.from(cache.get('a')!.body).toString()).toBe('A');
    now = 101;
    expect(cache.get('c')).toBeUndefined();
  });
});
