import { createHash } from 'node:crypto';
import { insertArticles } from '../store/articles.js';
import type { Executor } from '../store/db.js';
import { upsertSourceByKey } from '../store/sources.js';
import { assignArticle, insertStory } from '../store/stories.js';

/** An article to seed, as a test writes it. */
export interface SeedArticle {
  outlet: string;
  title: string;
  text: string;
  published_at?: Date;
}

/** Two outlets on one flood: the sources of the review tests' stories. */
export const FLOOD: readonly SeedArticle[] = [
  {
    outlet: 'Valley Post',
    title: 'Floods hit Lower Dorn',
    text: 'Rescue teams reached the flooded valley of Lower Dorn on Sunday after three days of rain. Officials said 40 homes were evacuated overnight. The regional council opened two shelters in local schools.',
  },
  {
    outlet: 'Dorn Herald',
    title: 'Lower Dorn evacuates 40 homes',
    text: 'Forty homes in Lower Dorn were evacuated after the river burst its banks on Saturday night. The council said shelters in two schools would stay open all week. Roads into the valley remain closed.',
  },
];

/** The FLOOD articles under outlets of their own (seeded articles are unique by outlet and text). */
export function floodFrom(tag: string | number): SeedArticle[] {
  return FLOOD.map((a) => ({ ...a, outlet: `${a.outlet} ${tag}` }));
}

/** Stores outlets, articles and one story holding them; returns the story id and article ids in order. */
export async function seedStory(
  db: Executor,
  slug: string,
  articles: readonly SeedArticle[],
): Promise<{ storyId: number; articleIds: number[] }> {
  const now = new Date('2026-01-30T10:00:00Z');
  const story = await insertStory(db, { slug, first_seen_at: now, last_seen_at: now });
  const articleIds = await addArticles(db, story.id, articles);
  return { storyId: story.id, articleIds };
}

/** Stores more articles in an existing story. */
export async function addArticles(
  db: Executor,
  storyId: number,
  articles: readonly SeedArticle[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const a of articles) {
    const source = await upsertSourceByKey(db, { key: `name:${a.outlet}`, kind: 'import', name: a.outlet });
    const url = `https://${a.outlet.toLowerCase().replace(/\W+/g, '-')}.example/${createHash('sha1')
      .update(a.title + a.text)
      .digest('hex')
      .slice(0, 12)}`;
    const { inserted } = await insertArticles(db, [
      {
        source_id: source.id,
        url,
        canonical_url: url,
        title: a.title,
        text: a.text,
        fetched_at: a.published_at ?? new Date('2026-01-30T10:00:00Z'),
        published_at: a.published_at ?? new Date('2026-01-30T10:00:00Z'),
        content_hash: createHash('sha256').update(a.text).digest('hex'),
      },
    ]);
    const id = inserted.get(url)!;
    await assignArticle(db, { storyId, articleId: id, score: 1 });
    ids.push(id);
  }
  return ids;
}
