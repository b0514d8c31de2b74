import { z } from 'zod';
import type { InaccuracyReport, StoryVersion } from '../db/schema.js';
import { type resolutionSchema, resolveInaccuracy } from '../discuss/inaccuracy.js';
import { AppError } from '../lib/errors.js';
import { correctedDraft, correctStory } from '../publish/correct.js';
import { loadStorySources } from '../publish/sources.js';
import { inaccuracyReportById } from '../store/inaccuracy.js';
import { recordAction } from '../store/moderation.js';
import { latestPublishedVersion } from '../store/published.js';
import { storyById } from '../store/stories.js';
import { verifyDraft } from '../verify/verify.js';
import { type Actor, changed, liveStory, parseInput, type ReviewDeps, requireEditor } from './deps.js';

const LOCATION = /^(lede\.\d+|sections\.\d+\.\d+)$/;

const correctionInput = z.object({
  storyId: z.number({ message: 'pick a story' }).int().positive('pick a story'),
  reason: z
    .string()
    .trim()
    .min(10, 'say in a sentence what was wrong (at least 10 characters)')
    .max(2000, 'keep the reason under 2000 characters'),
  /** New text for sentences, by location (`lede.0`, `sections.1.2`). */
  replace: z
    .record(
      z.string().regex(LOCATION, 'unknown sentence'),
      z.string().trim().min(1, 'a changed sentence cannot be empty; remove it instead').max(1000),
    )
    .default({}),
  remove: z.array(z.string().regex(LOCATION, 'unknown sentence')).default([]),
  headline: z.string().trim().min(8, 'a headline needs at least 8 characters').max(160).optional(),
  dek: z.string().trim().min(8, 'a dek needs at least 8 characters').max(400).optional(),
});

/** Every body sentence location of a version with its text. */
export function sentenceLocations(version: Pick<StoryVersion, 'body'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [i, s] of version.body.lede.entries()) out.set(`lede.${i}`, s.text);
  for (const [si, section] of version.body.sections.entries())
    for (const [i, s] of section.sentences.entries()) out.set(`sections.${si}.${i}`, s.text);
  return out;
}

/**
 * An editor corrects a published story on their own initiative: sentences changed or removed, and
 * perhaps the headline or dek, with a reason readers see in the corrections log. Changed text is
 * verified against the sentence's citations first; a change the sources do not support is refused
 * (never silently dropped). The correction is published when it verifies, whatever the policy.
 */
export async function publishCorrection(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof correctionInput>,
): Promise<StoryVersion> {
  requireEditor(actor);
  const data = parseInput(correctionInput, input);
  const story = await liveStory(deps.db, data.storyId);
  const current = await latestPublishedVersion(deps.db, data.storyId);
  if (!current) throw new AppError('conflict', `story ${data.storyId} has no published version to correct`);
  const known = sentenceLocations(current);
  const replace = Object.fromEntries(
    Object.entries(data.replace).filter(([loc, text]) => known.get(loc) !== text),
  );
  for (const location of [...Object.keys(replace), ...data.remove]) {
    if (!known.has(location))
      throw new AppError('invalid_input', `the published version has no sentence ${location}`);
  }
  const headline = data.headline && data.headline !== current.headline ? data.headline : undefined;
  const dek = data.dek && data.dek !== current.dek ? data.dek : undefined;
  if (Object.keys(replace).length === 0 && data.remove.length === 0 && !headline && !dek)
    throw new AppError(
      'invalid_input',
      'change, remove or retitle something: the correction changes nothing',
    );
  if (data.remove.length >= known.size)
    throw new AppError(
      'invalid_input',
      'a correction cannot remove every sentence; unpublish the story instead',
    );
  const correction = { reason: data.reason, replace, remove: data.remove, headline, dek };
  const sources = await loadStorySources(deps.db, data.storyId, deps.write.loadAnalyses);
  const check = verifyDraft(correctedDraft(current, correction), sources);
  // Locations shift when sentences are removed: map the corrected body back to what the editor touched.
  const failing = check.findings.filter((f) => f.severity === 'error');
  const touched = new Set([...Object.values(replace), headline, dek].filter((t) => t !== undefined));
  const refused = failing.find((f) => {
    if (f.location === 'headline') return headline !== undefined;
    if (f.location === 'dek') return dek !== undefined;
    return touched.has(sentenceAt(check.body, f.location) ?? '');
  });
  if (refused) {
    const what =
      refused.location === 'headline' || refused.location === 'dek'
        ? `the ${refused.location}`
        : `"${sentenceAt(check.body, refused.location)}"`;
    throw new AppError(
      'invalid_input',
      `The sources do not support ${what}: ${refused.message}. Nothing was published.`,
    );
  }
  const outcome = await correctStory({ ...deps.write, policy: 'auto' }, data.storyId, correction);
  await recordAction(deps.db, {
    actorId: actor.id,
    action: 'correct',
    targetKind: 'story',
    targetId: data.storyId,
    note: data.reason,
    before: {
      version: current.version,
      headline: current.headline,
      sentences: Object.fromEntries([...Object.keys(replace), ...data.remove].map((l) => [l, known.get(l)])),
    },
    after: {
      version: outcome.version.version,
      status: outcome.status,
      headline: outcome.version.headline,
      replace,
      remove: data.remove,
    },
  });
  if (outcome.status === 'published') changed(deps, [story]);
  return outcome.version;
}

function sentenceAt(body: StoryVersion['body'], location: string): string | undefined {
  const lede = /^lede\.(\d+)$/.exec(location);
  if (lede) return body.lede[Number(lede[1])]?.text;
  const section = /^sections\.(\d+)\.(\d+)$/.exec(location);
  if (section) return body.sections[Number(section[1])]?.sentences[Number(section[2])]?.text;
  return undefined;
}

/**
 * An editor's decision on a reader's inaccuracy report (dismiss, or correct by removing the reported
 * sentence), as in src/discuss/inaccuracy.ts; readers see the corrected story at once.
 */
export async function resolveReport(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof resolutionSchema>,
): Promise<InaccuracyReport> {
  requireEditor(actor);
  const report = await resolveInaccuracy(deps.db, actor, input, { logger: deps.logger });
  if (report.status === 'corrected') {
    const story = await storyById(deps.db, report.story_id);
    if (story) changed(deps, [story]);
  }
  return report;
}

/** An open report by id (for the correction form that starts from it). */
export async function openReport(deps: ReviewDeps, reportId: number): Promise<InaccuracyReport> {
  const report = await inaccuracyReportById(deps.db, reportId);
  if (report?.status !== 'open') throw new AppError('not_found', `no open report ${reportId}`);
  return report;
}
