import type { BackgroundSentence, StoryBody } from '../db/schema.js';
import type { Executor } from '../store/db.js';
import { relatedCandidates } from '../store/published.js';
import { storyById } from '../store/stories.js';
import type { Draft } from '../verify/types.js';
import { contentStems } from '../verify/text.js';
import type { StoryText } from './related.js';
import { rankRelated } from './related.js';

/** An earlier published story that background may quote. */
export interface EarlierStory extends StoryText {
  slug: string;
  first_seen_at: Date;
}

// Stories at least this similar (TF-IDF cosine) are about what led here, not merely the same field.
const MIN_SIMILARITY = 0.2;
const MAX_SENTENCES = 3;
// A background sentence that shares this much of its words with the story says nothing new.
const REPEATS = 0.5;
// Out of its story, a sentence that opens on "It", "This" or "But" leans on one the page does not show.
const LEANS =
  /^(?:but|and|so|also|however|yet|this|that|these|those|it|he|she|they|his|her|their|its|there)\b/i;

/**
 * Background from the archive: from the most related stories first seen before this one, up to
 * three of their verified, cited sentences (each story's lede first) that share the story's subject
 * without repeating what the story says. Each names its own story's subject (a word of that story's
 * headline or dek), so that, out of its story, it still says what it is about: an agency's comment
 * on another recall is not background to this one. Empty when no earlier story is close enough.
 */
export function pickBackground(
  story: StoryText & { first_seen_at: Date },
  archive: readonly EarlierStory[],
): BackgroundSentence[] {
  const earlier = archive.filter((s) => s.first_seen_at < story.first_seen_at);
  const ranked = rankRelated(story, earlier, 2).filter((r) => r.score >= MIN_SIMILARITY);
  const own = [...story.body.lede, ...story.body.sections.flatMap((s) => s.sentences)].map(
    (s) => new Set(contentStems(s.text)),
  );
  const storyStems = new Set(own.flatMap((s) => [...s]));
  const out: BackgroundSentence[] = [];
  for (const { story_id } of ranked) {
    const source = earlier.find((s) => s.id === story_id)!;
    const sentences = [...source.body.lede, ...source.body.sections.flatMap((s) => s.sentences)];
    const subject = new Set(contentStems(`${source.headline} ${source.dek}`));
    for (const sentence of sentences) {
      const stems = new Set(contentStems(sentence.text));
      const shared = [...stems].filter((s) => storyStems.has(s)).length;
      const repeats = own.some((o) => overlap(o, stems) >= REPEATS);
      const named = [...stems].some((s) => subject.has(s));
      if (sentence.citations.length === 0 || repeats || shared < 2 || !named || LEANS.test(sentence.text))
        continue;
      out.push({
        text: sentence.text,
        citations: sentence.citations,
        story_id: source.id,
        slug: source.slug,
        headline: source.headline,
      });
      if (out.length === MAX_SENTENCES) return out;
      if (out.filter((b) => b.story_id === source.id).length === 2) break;
    }
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/** The body with its background set (or cleared when there is none). */
export function withBackground(body: StoryBody, background: BackgroundSentence[]): StoryBody {
  const { background: _old, ...rest } = body;
  return background.length > 0 ? { ...rest, background } : rest;
}

/** The background a new version of a story gets from the stories published before it. */
export async function backgroundFor(
  db: Executor,
  storyId: number,
  draft: Draft,
): Promise<BackgroundSentence[]> {
  const story = await storyById(db, storyId);
  if (!story) return [];
  const archive = await relatedCandidates(db, storyId);
  return pickBackground(
    {
      id: storyId,
      headline: draft.headline,
      dek: draft.dek,
      body: draft.body,
      first_seen_at: story.first_seen_at,
    },
    archive,
  );
}
