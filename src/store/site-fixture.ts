import type { Citation, StoryBody } from '../db/schema.js';
import { insertArticles } from './articles.js';
import type { Executor } from './db.js';
import { indexAllPendingArticles } from './search-index.js';
import { upsertSourceByKey } from './sources.js';
import { assignArticle, insertStory, insertStoryVersion } from './stories.js';

/** One source article of a fixture story. */
export interface FixtureArticle {
  outlet: string;
  title: string;
  text: string;
  hoursAgo: number;
}

/** A fixture story: its articles and the sentences (quoted from them) its version is made of. */
export interface FixtureStory {
  slug: string;
  headline: string;
  dek: string;
  articles: FixtureArticle[];
  /** Sentences of the body: [heading or '' for the lede, article index, exact sentence]. */
  sentences: [string, number, string][];
  quote?: { speaker: string; article: number; text: string };
  figure?: { article: number; text: string; value: number; unit: string };
  correction?: string;
}

/** Stories about invented events, used by the site's tests, browser tests and benchmark. */
export const FIXTURE_STORIES: FixtureStory[] = [
  {
    slug: 'tariff-talks-stall-over-investment-pledge',
    headline: 'Tariff talks stall over the size of an investment pledge',
    dek: 'Negotiators from Arland and Borvia ended a third day without a deal on the 25% tariff increase.',
    articles: [
      {
        outlet: 'Harbour Ledger',
        title: 'Arland and Borvia end third day of tariff talks without a deal',
        text: 'Negotiators from Arland and Borvia ended a third day of talks without agreement. The dispute centres on a planned 25% tariff increase on machine parts. "We are close, but not there yet," said trade minister Ilse Varga. Officials said talks would resume on Monday.',
        hoursAgo: 5,
      },
      {
        outlet: 'The Borvian Post',
        title: 'Borvia offers $40 billion investment pledge to avert tariffs',
        text: 'Borvia has offered an investment pledge of $40 billion over five years. Arland had asked for at least $55 billion. The gap between the two figures kept the talks going late into the night.',
        hoursAgo: 3,
      },
      {
        outlet: 'Meridian Wire',
        title: 'Markets wait on Arland-Borvia trade outcome',
        text: 'Shares in exporters fell 2% as the talks dragged on. Analysts expect a compromise before the tariff takes effect on the first of the month.',
        hoursAgo: 2,
      },
    ],
    sentences: [
      ['', 0, 'Negotiators from Arland and Borvia ended a third day of talks without agreement.'],
      ['', 0, 'The dispute centres on a planned 25% tariff increase on machine parts.'],
      ['The offer', 1, 'Borvia has offered an investment pledge of $40 billion over five years.'],
      ['The offer', 1, 'Arland had asked for at least $55 billion.'],
      ['Markets', 2, 'Shares in exporters fell 2% as the talks dragged on.'],
      [
        'Markets',
        2,
        'Analysts expect a compromise before the tariff takes effect on the first of the month.',
      ],
    ],
    quote: { speaker: 'Ilse Varga', article: 0, text: 'We are close, but not there yet,' },
    figure: { article: 1, text: '$40 billion', value: 40e9, unit: 'USD' },
    correction: 'An earlier version gave the pledge as $45 billion; the sources say $40 billion.',
  },
  {
    slug: 'river-port-reopens-after-flooding',
    headline: 'River port reopens after a week of flooding',
    dek: 'The port of Calder reopened to barges on Tuesday after floodwater fell below the quay.',
    articles: [
      {
        outlet: 'Harbour Ledger',
        title: 'Calder port reopens to barges',
        text: 'The port of Calder reopened to barges on Tuesday. Floodwater had covered the quay for seven days. Harbour master Tomas Rell said 40 barges were waiting to unload.',
        hoursAgo: 26,
      },
      {
        outlet: 'Valley Courier',
        title: 'Flood damage at Calder estimated at 12 million',
        text: 'Damage at the port is estimated at 12 million euros. Insurers have sent assessors to the site.',
        hoursAgo: 24,
      },
    ],
    sentences: [
      ['', 0, 'The port of Calder reopened to barges on Tuesday.'],
      ['', 0, 'Floodwater had covered the quay for seven days.'],
      ['Damage', 1, 'Damage at the port is estimated at 12 million euros.'],
    ],
  },
  {
    slug: 'city-council-approves-tram-extension',
    headline: 'City council approves tram extension to the airport',
    dek: 'The council voted 31 to 9 for a line to the airport by 2029, built with tariff-free rail imports.',
    articles: [
      {
        outlet: 'Valley Courier',
        title: 'Council backs airport tram line',
        text: 'The city council voted 31 to 9 for the tram extension. The line would reach the airport by 2029. Opponents said the cost of the tariff-free rail imports was underestimated.',
        hoursAgo: 50,
      },
      {
        outlet: 'Meridian Wire',
        title: 'Airport tram wins council vote',
        text: 'Construction is due to start next spring. The project is budgeted at 600 million euros.',
        hoursAgo: 48,
      },
    ],
    sentences: [
      ['', 0, 'The city council voted 31 to 9 for the tram extension.'],
      ['', 0, 'The line would reach the airport by 2029.'],
      ['Cost and timing', 1, 'The project is budgeted at 600 million euros.'],
      ['Cost and timing', 1, 'Construction is due to start next spring.'],
    ],
  },
];

/** Seeds sources, articles, stories and published versions; returns story ids by slug. */
export async function seedSite(
  db: Executor,
  stories: FixtureStory[] = FIXTURE_STORIES,
  now: Date = new Date(),
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const fixture of stories) ids.set(fixture.slug, await seedStory(db, fixture, now));
  // As the pipeline pass does before clustering: the articles become searchable.
  await indexAllPendingArticles(db);
  return ids;
}

async function seedStory(db: Executor, fixture: FixtureStory, now: Date): Promise<number> {
  const articleIds: number[] = [];
  for (const [i, a] of fixture.articles.entries()) {
    const source = await upsertSourceByKey(db, {
      key: `name:${a.outlet}`,
      kind: 'import',
      name: a.outlet,
      homepage: `https://${a.outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example/`,
    });
    const url = `https://${a.outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example/${fixture.slug}/${i}`;
    const at = new Date(now.getTime() - a.hoursAgo * 3_600_000);
    const { inserted } = await insertArticles(db, [
      {
        source_id: source.id,
        url,
        canonical_url: url,
        title: a.title,
        text: a.text,
        fetched_at: at,
        published_at: at,
        content_hash: `${fixture.slug}-${i}`,
      },
    ]);
    articleIds.push(inserted.get(url)!);
  }
  const first = Math.max(...fixture.articles.map((a) => a.hoursAgo));
  const story = await insertStory(db, {
    slug: fixture.slug,
    state: 'published',
    title: fixture.headline,
    first_seen_at: new Date(now.getTime() - first * 3_600_000),
    last_seen_at: now,
    published_at: new Date(now.getTime() - (first - 1) * 3_600_000),
  });
  for (const id of articleIds) await assignArticle(db, { storyId: story.id, articleId: id, score: 0.9 });
  const cite = (article: number, text: string): Citation => {
    const a = fixture.articles[article]!;
    const start = a.text.indexOf(text);
    if (start < 0) throw new Error(`fixture sentence not in article: ${text}`);
    return { article_id: articleIds[article]!, start, end: start + text.length };
  };
  const body = fixtureBody(fixture, cite);
  const version = {
    story_id: story.id,
    headline: fixture.headline,
    dek: fixture.dek,
    body,
    writer: 'extractive',
    model: null,
    support_score: 0.93,
    source_count: fixture.articles.length,
    publisher_count: new Set(fixture.articles.map((a) => a.outlet)).size,
    change_note: null,
    correction_reason: null,
    generated_at: new Date(now.getTime() - 3_600_000),
  };
  if (fixture.correction) {
    await insertStoryVersion(db, version);
    await insertStoryVersion(db, {
      ...version,
      change_note: 'Corrected the size of the pledge.',
      correction_reason: fixture.correction,
      generated_at: now,
    });
  } else {
    await insertStoryVersion(db, version);
  }
  return story.id;
}

function fixtureBody(fixture: FixtureStory, cite: (article: number, text: string) => Citation): StoryBody {
  const body: StoryBody = { lede: [], sections: [], quotes: [], figures: [] };
  for (const [heading, article, text] of fixture.sentences) {
    const sentence = { text, citations: [cite(article, text)], support: 0.95 };
    if (heading === '') {
      body.lede.push(sentence);
      continue;
    }
    let section = body.sections.find((s) => s.heading === heading);
    if (!section) {
      section = { heading, sentences: [] };
      body.sections.push(section);
    }
    section.sentences.push(sentence);
  }
  if (fixture.quote) {
    const q = fixture.quote;
    body.quotes.push({ text: q.text, speaker: q.speaker, citation: cite(q.article, q.text) });
  }
  if (fixture.figure) {
    const f = fixture.figure;
    body.figures.push({ text: f.text, value: f.value, unit: f.unit, citation: cite(f.article, f.text) });
  }
  return body;
}

/**
 * A published story whose outlet, titles, text, headline, quote and URL all carry attack payloads
 * (one per line of the given list): pages must show them as text and run none of them.
 */
export function xssStory(payloads: string[]): FixtureStory {
  const text = payloads.map((p) => `Witnesses said ${p} today.`).join(' ');
  return {
    slug: 'payload-story',
    headline: `Payload headline ${payloads[0]}`,
    dek: `Payload dek ${payloads[1] ?? ''}`,
    articles: [
      { outlet: `Outlet ${payloads[2] ?? ''}`, title: `Title ${payloads[3] ?? ''}`, text, hoursAgo: 1 },
      { outlet: 'Plain Outlet', title: 'Payload follow-up', text, hoursAgo: 1 },
    ],
    sentences: payloads.map((p, i): [string, number, string] => [
      i % 2 === 0 ? '' : `Section ${p}`,
      i % 2,
      `Witnesses said ${p} today.`,
    ]),
    quote: {
      speaker: `Speaker ${payloads[4] ?? ''}`,
      article: 0,
      text: `Witnesses said ${payloads[5] ?? ''}`,
    },
  };
}
