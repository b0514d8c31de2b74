import type { StoryBody, StorySentence, StoryVersion } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { latestPublishedVersion } from '../store/published.js';
import type { Draft } from '../verify/types.js';
import { loadStorySources } from './sources.js';
import { storeVersion, type WriteDeps, type WriteOutcome } from './write-story.js';

/** An editor's correction: why, and what to remove or replace in the current version. */
export interface CorrectionInput {
  reason: string;
  /** Locations to remove (`lede.0`, `sections.1.2`, `quotes.0`, `figures.1`). */
  remove?: string[];
  /** New text for body sentences, by location; each keeps its citations and is verified again. */
  replace?: Record<string, string>;
  headline?: string;
  dek?: string;
}

/**
 * Publishes a correction: a new version of the current one with the edits applied, verified like any
 * other, carrying the reason (listed in the public corrections log).
 */
export async function correctStory(
  deps: WriteDeps,
  storyId: number,
  input: CorrectionInput,
): Promise<Extract<WriteOutcome, { version: unknown }>> {
  if (input.reason.trim() === '') throw new AppError('invalid_input', 'a correction needs a reason');
  const current = await latestPublishedVersion(deps.db, storyId);
  if (!current) throw new AppError('not_found', `story ${storyId} has no published version to correct`);
  const sources = await loadStorySources(deps.db, storyId, deps.loadAnalyses);
  return storeVersion(deps, {
    storyId,
    sources,
    draft: correctedDraft(current, input),
    writer: current.writer,
    correctionReason: input.reason.trim(),
  });
}

/** The draft a correction makes of a version: sentences replaced or removed, headline and dek set. */
export function correctedDraft(
  current: Pick<StoryVersion, 'headline' | 'dek' | 'body'>,
  input: CorrectionInput,
): Draft {
  const remove = new Set(input.remove ?? []);
  const replace = input.replace ?? {};
  const edit = (location: string, s: StorySentence): StorySentence =>
    replace[location] === undefined ? s : { ...s, text: replace[location]!, support: undefined };
  const body: StoryBody = {
    ...current.body,
    lede: current.body.lede.flatMap((s, i) => (remove.has(`lede.${i}`) ? [] : [edit(`lede.${i}`, s)])),
    sections: current.body.sections.map((section, si) => ({
      ...section,
      sentences: section.sentences.flatMap((s, i) =>
        remove.has(`sections.${si}.${i}`) ? [] : [edit(`sections.${si}.${i}`, s)],
      ),
    })),
    quotes: current.body.quotes.filter((_, i) => !remove.has(`quotes.${i}`)),
    figures: current.body.figures.filter((_, i) => !remove.has(`figures.${i}`)),
    timeline: current.body.timeline?.filter((_, i) => !remove.has(`timeline.${i}`)),
  };
  return { headline: input.headline ?? current.headline, dek: input.dek ?? current.dek, body };
}
