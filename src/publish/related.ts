import type { StoryBody } from '../db/schema.js';
import type { Executor } from '../store/db.js';
import { relatedCandidates } from '../store/published.js';
import { relatedStories, replaceRelated } from '../store/related.js';
import { storyById, storyVersions } from '../store/stories.js';
import { contentStems } from '../verify/text.js';

/** A story's text as relatedness sees it. */
export interface StoryText {
  id: number;
  headline: string;
  dek: string;
  body: StoryBody;
}

const RELATED_COUNT = 4;

function termVector(story: StoryText): Map<string, number> {
  const vector = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const s of contentStems(text)) if (s !== 'not') vector.set(s, (vector.get(s) ?? 0) + weight);
  };
  add(story.headline, 3);
  add(story.dek, 2);
  for (const s of [...story.body.lede, ...story.body.sections.flatMap((x) => x.sentences)]) add(s.text, 1);
  return vector;
}

/** The first sentence of the dek (or lede), shortened to a teaser. */
export function teaserOf(story: StoryText): string {
  const text = story.dek || story.body.lede[0]?.text || story.headline;
  const first = /^.{20,}?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;
  return first.length > 220 ? `${first.slice(0, 217).replace(/\s+\S*$/, '')}…` : first;
}

/**
 * The most related stories by content (TF-IDF cosine over headline, dek and body words), best first,
 * each with a one-sentence teaser. A page shows four related stories once four share anything
 * with it: the closest come first, and only stories sharing no word are left out.
 */
export function rankRelated(
  target: StoryText,
  candidates: readonly StoryText[],
  count = RELATED_COUNT,
): { story_id: number; score: number; teaser: string }[] {
  const vectors = candidates.map(termVector);
  const targetVector = termVector(target);
  const df = new Map<string, number>();
  for (const v of [targetVector, ...vectors]) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = vectors.length + 1;
  const weigh = (v: Map<string, number>) => {
    const out = new Map<string, number>();
    let norm = 0;
    for (const [t, tf] of v) {
      const w = (1 + Math.log(tf)) * Math.log(1 + n / df.get(t)!);
      out.set(t, w);
      norm += w * w;
    }
    return { out, norm: Math.sqrt(norm) || 1 };
  };
  const a = weigh(targetVector);
  return candidates
    .map((story, i) => {
      const b = weigh(vectors[i]!);
      let dot = 0;
      for (const [t, w] of a.out) dot += w * (b.out.get(t) ?? 0);
      return {
        story_id: story.id,
        score: Math.round((dot / (a.norm * b.norm)) * 1000) / 1000,
        teaser: teaserOf(story),
      };
    })
    .filter((r) => r.score > 0)
    .sort((x, y) => y.score - x.score || y.story_id - x.story_id)
    .slice(0, count);
}

/**
 * Recomputes and stores a story's related stories from its current version. Related stories that
 * were published before it and list fewer than four are ranked again with it among the candidates,
 * so every story shows four related stories once four exist.
 */
export async function refreshRelated(db: Executor, storyId: number): Promise<void> {
  const story = await storyById(db, storyId);
  const current = story?.current_version_id
    ? (await storyVersions(db, storyId)).find((v) => v.id === story.current_version_id)
    : undefined;
  if (!current) return;
  const candidates = await relatedCandidates(db, storyId);
  const target: StoryText = { id: storyId, headline: current.headline, dek: current.dek, body: current.body };
  const ranked = rankRelated(target, candidates);
  await replaceRelated(db, storyId, ranked);
  for (const { story_id } of ranked) {
    if ((await relatedStories(db, story_id)).length >= RELATED_COUNT) continue;
    const neighbour = candidates.find((c) => c.id === story_id)!;
    const pool = [target, ...candidates.filter((c) => c.id !== story_id)];
    await replaceRelated(db, story_id, rankRelated(neighbour, pool));
  }
}
