import { z } from 'zod';
import { hasRole } from '../auth/roles.js';
import type { InaccuracyReport, StoryBody } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { type Logger, silentLogger } from '../lib/log.js';
import { correctStory } from '../publish/correct.js';
import { latestPublishedVersion } from '../store/published.js';
import type { Executor } from '../store/db.js';
import {
  inaccuracyReportById,
  insertInaccuracyReport,
  resolveInaccuracyReport,
} from '../store/inaccuracy.js';
import { recordAction } from '../store/moderation.js';
import { storyById, storyVersionById } from '../store/stories.js';

/** Every sentence of a story body, in reading order (the choices a reader can report). */
export function storySentences(body: StoryBody): string[] {
  return [...body.lede, ...body.sections.flatMap((section) => section.sentences)].map((s) => s.text);
}

/**
 * Where a reported sentence sits in a body (`lede.0`, `sections.1.2`), the location
 * `correctStory` (src/publish/correct.ts) takes in `remove`; undefined when it is not there.
 */
export function sentenceLocation(body: StoryBody, sentence: string): string | undefined {
  const lede = body.lede.findIndex((s) => s.text === sentence);
  if (lede >= 0) return `lede.${lede}`;
  for (const [si, section] of body.sections.entries()) {
    const i = section.sentences.findIndex((s) => s.text === sentence);
    if (i >= 0) return `sections.${si}.${i}`;
  }
  return undefined;
}

/** The sentences of a story's current version, with the version's id (none when unwritten). */
export async function currentSentences(
  db: Executor,
  storyId: number,
): Promise<{ versionId: number | null; sentences: string[] }> {
  const story = await storyById(db, storyId);
  if (!story?.current_version_id) return { versionId: null, sentences: [] };
  const version = await storyVersionById(db, storyId, story.current_version_id);
  return version
    ? { versionId: Number(version.id), sentences: storySentences(version.body) }
    : { versionId: null, sentences: [] };
}

export const inaccuracySchema = z.object({
  storyId: z.number().int().positive(),
  userId: z.string().min(1),
  sentence: z.string().trim().min(1, 'pick the sentence that is wrong').max(2000),
  note: z.string().trim().min(3, 'say what is wrong with it').max(2000),
});

/** A signed-in reader reports a sentence of the story's current version as wrong, with a note. */
export async function reportInaccuracy(
  db: Executor,
  input: z.input<typeof inaccuracySchema>,
): Promise<InaccuracyReport> {
  const parsed = inaccuracySchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
  const story = await storyById(db, parsed.data.storyId);
  if (story?.state !== 'published')
    throw new AppError('not_found', `no published story ${parsed.data.storyId}`);
  const { versionId, sentences } = await currentSentences(db, parsed.data.storyId);
  // Only a sentence the story actually says can be reported: the editor must find it.
  if (sentences.length > 0 && !sentences.includes(parsed.data.sentence)) {
    throw new AppError('invalid_input', 'that sentence is not in the current version of the story');
  }
  return insertInaccuracyReport(db, { ...parsed.data, versionId });
}

export const resolutionSchema = z.object({
  reportId: z.number().int().positive(),
  action: z.enum(['dismiss', 'correct']),
  note: z.string().trim().min(3, 'say why').max(2000),
});

/**
 * An editor's decision on an inaccuracy report: dismiss it, or publish a correction — a new version
 * of the story without the reported sentence, verified like any other, carrying the editor's note as
 * its reason (shown on the story and in the public corrections log).
 */
export async function resolveInaccuracy(
  db: Executor,
  actor: { id: string; role: string },
  input: z.input<typeof resolutionSchema>,
  { logger = silentLogger() }: { logger?: Logger } = {},
): Promise<InaccuracyReport> {
  if (!hasRole(actor.role, 'editor')) throw new AppError('forbidden', 'only editors can do that');
  const parsed = resolutionSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
  const report = await inaccuracyReportById(db, parsed.data.reportId);
  if (report?.status !== 'open') throw new AppError('not_found', `no open report ${parsed.data.reportId}`);
  if (parsed.data.action === 'correct') {
    const current = await latestPublishedVersion(db, report.story_id);
    const location = current ? sentenceLocation(current.body, report.sentence) : undefined;
    if (!location) {
      throw new AppError(
        'conflict',
        'the reported sentence is no longer in the published version; dismiss the report with a note instead',
      );
    }
    // An editor's correction is published when it verifies, whatever the policy for new versions.
    await correctStory({ db, logger, policy: 'auto' }, report.story_id, {
      reason: parsed.data.note,
      remove: [location],
    });
  }
  const status = parsed.data.action === 'dismiss' ? 'dismissed' : 'corrected';
  return db.transaction().execute(async (trx) => {
    const resolved = await resolveInaccuracyReport(trx, report.id, {
      status,
      by: actor.id,
      note: parsed.data.note,
    });
    await recordAction(trx, {
      actorId: actor.id,
      action: status,
      targetKind: 'inaccuracy_report',
      targetId: report.id,
      note: parsed.data.note,
      before: { status: report.status },
      after: { status },
    });
    return resolved!;
  });
}
