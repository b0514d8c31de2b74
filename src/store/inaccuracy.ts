import type { InaccuracyReport, InaccuracyStatus } from '../db/schema.js';
import type { Executor } from './db.js';

/** Records a reader's report that a sentence of a story is wrong. */
export async function insertInaccuracyReport(
  db: Executor,
  report: { storyId: number; versionId: number | null; sentence: string; note: string; userId: string },
): Promise<InaccuracyReport> {
  return db
    .insertInto('inaccuracy_reports')
    .values({
      story_id: report.storyId,
      version_id: report.versionId,
      sentence: report.sentence,
      note: report.note,
      user_id: report.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One report by id, or undefined. */
export async function inaccuracyReportById(db: Executor, id: number): Promise<InaccuracyReport | undefined> {
  return db.selectFrom('inaccuracy_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The editor queue: open reports, oldest first, with the story's slug and the reporter's name. */
export async function openInaccuracyReports(
  db: Executor,
  options: { limit?: number } = {},
): Promise<(InaccuracyReport & { story_slug: string; reporter_name: string })[]> {
  return db
    .selectFrom('inaccuracy_reports as r')
    .innerJoin('stories as s', 's.id', 'r.story_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select(['s.slug as story_slug', 'u.name as reporter_name'])
    .where('r.status', '=', 'open')
    .orderBy('r.id', 'asc')
    .limit(options.limit ?? 100)
    .execute();
}

/** Closes a report as dismissed, corrected or awaiting a correction, by whom and why. */
export async function resolveInaccuracyReport(
  db: Executor,
  id: number,
  resolution: { status: Exclude<InaccuracyStatus, 'open'>; by: string; note: string },
): Promise<InaccuracyReport | undefined> {
  return db
    .updateTable('inaccuracy_reports')
    .set({
      status: resolution.status,
      resolved_by: resolution.by,
      resolution_note: resolution.note,
      resolved_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Sets whether comments are closed on a story. */
export async function setCommentsClosed(db: Executor, storyId: number, closed: boolean): Promise<void> {
  await db
    .updateTable('stories')
    .set({ comments_closed: closed, updated_at: new Date() })
    .where('id', '=', storyId)
    .execute();
}
