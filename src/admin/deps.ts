import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AnalyzeDeps } from '../analyze/run.js';
import { hasRole } from '../auth/roles.js';
import type { DB, Story } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { WriteDeps } from '../publish/write-story.js';
import { storyById } from '../store/stories.js';

/** What the editor's review operations need, wired once by the process (web, CLI or a job). */
export interface ReviewDeps {
  db: Kysely<DB>;
  logger: Logger;
  /** The writer as configured: publish policy and, when set, the LLM writer. */
  write: WriteDeps;
  /** Analysis of articles whose clustering profile an editor's split or merge rebuilds. */
  analyze: AnalyzeDeps;
  /** Called after a change readers can see (the web app drops its cached pages of these stories). */
  onStoriesChanged?: (stories: Pick<Story, 'id' | 'slug'>[]) => void;
}

/** Who acts: recorded in the audit log; must hold the editor role. */
export interface Actor {
  id: string;
  role: string;
}

/** Refuses anyone below editor, whatever front door they came through. */
export function requireEditor(actor: Actor): void {
  if (!hasRole(actor.role, 'editor')) throw new AppError('forbidden', 'only editors and admins can do that');
}

/** Parses input with a schema; the first problem becomes a clear invalid_input error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid_input', issue.message);
  }
  return parsed.data;
}

/** A story that exists and was not merged away, or not_found. */
export async function liveStory(db: Kysely<DB>, storyId: number): Promise<Story> {
  const story = await storyById(db, storyId);
  if (!story) throw new AppError('not_found', `no story ${storyId}`);
  if (story.state === 'merged')
    throw new AppError('conflict', `story ${storyId} was merged into story ${story.merged_into}`);
  return story;
}

/** Tells the deps' listener which stories changed (after the change is committed). */
export function changed(deps: ReviewDeps, stories: Pick<Story, 'id' | 'slug'>[]): void {
  deps.onStoriesChanged?.(stories);
}
