import type { Kysely } from 'kysely';
import type { DB, StoryVersion } from '../db/schema.js';
import { storyDisagreements } from '../disagree/story.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { type WriteMetrics, writerLabel } from '../ops/metrics.js';
import { saveVersionDisagreements } from '../store/disagreements.js';
import { insertFindings } from '../store/findings.js';
import {
  latestPublishedVersion,
  setCurrentVersion,
  setStoryState,
  supersedeVersions,
} from '../store/published.js';
import { insertStoryVersion, storyById, storyVersions } from '../store/stories.js';
import { type PreparedSources, prepareSources } from '../verify/prepare.js';
import type { Draft, Finding, SourceArticle } from '../verify/types.js';
import type { LlmWriter, TokenUsage } from '../write/types.js';
import { backgroundFor, withBackground } from './background.js';
import { changeNote } from './change-note.js';
import { draftStory, verifyVersion } from './draft.js';
import { applyPolicy, type PublishPolicy } from './policy.js';
import { refreshRelated } from './related.js';
import { type AnalysisLoader, loadStorySources } from './sources.js';

/** What writeStory needs, wired once by the process that runs it. */
export interface WriteDeps {
  db: Kysely<DB>;
  logger: Logger;
  policy: PublishPolicy;
  /** The LLM writer when one is configured; the extractive writer otherwise. */
  llm?: LlmWriter;
  loadAnalyses?: AnalysisLoader;
  now?: () => Date;
  /** Counts writer and verifier outcomes, when the process exports metrics. */
  metrics?: WriteMetrics;
}

/** The outcome of writing a story. */
export type WriteOutcome =
  | { status: 'published' | 'review' | 'held'; version: StoryVersion; findings: Finding[] }
  | { status: 'unchanged' | 'not_enough_material'; reason: string };

/**
 * Writes, verifies and (per policy) publishes a new version of a story: the one operation behind the
 * pipeline job, the CLI and the admin. A story whose sources were neither added, removed nor edited
 * since its last version is left alone unless `force` is set.
 */
export async function writeStory(
  deps: WriteDeps,
  storyId: number,
  options: { force?: boolean } = {},
): Promise<WriteOutcome> {
  const story = await storyById(deps.db, storyId);
  if (!story || story.state === 'merged') throw new AppError('not_found', `story ${storyId} not found`);
  const sources = await loadStorySources(deps.db, storyId, deps.loadAnalyses);
  const [latest] = await storyVersions(deps.db, storyId);
  const edited = story.sources_edited_at !== null && latest && story.sources_edited_at > latest.created_at;
  if (!options.force && latest && latest.source_count === sources.length && !edited) {
    return { status: 'unchanged', reason: `no new or edited sources since version ${latest.version}` };
  }
  const prepared = await withDisagreements(deps, storyId, sources);
  const drafted = await draftStory(deps, sources, prepared);
  if (!drafted.draft) {
    const reason = drafted.reason ?? 'not enough material';
    await setStoryState(deps.db, storyId, story.state === 'published' ? 'published' : 'forming', reason);
    deps.logger.info({ story_id: storyId, reason }, 'story not written');
    deps.metrics?.writerOutcomes.inc({ writer: writerLabel(drafted.writer), outcome: 'not_enough_material' });
    return { status: 'not_enough_material', reason };
  }
  return storeVersion(deps, {
    storyId,
    sources,
    prepared,
    draft: drafted.draft,
    writer: drafted.writer,
    usage: drafted.usage,
    findings: drafted.findings,
  });
}

/** The prepared sources with what they disagree on (detected once per version written). */
async function withDisagreements(
  deps: WriteDeps,
  storyId: number,
  sources: SourceArticle[],
  prepared: PreparedSources = prepareSources(sources),
): Promise<PreparedSources> {
  if (prepared.disagreements) return prepared;
  return { ...prepared, disagreements: await storyDisagreements(deps.db, storyId, sources) };
}

/** Verifies a draft, applies the publish policy and stores the version with its findings. */
export async function storeVersion(
  deps: WriteDeps,
  input: {
    storyId: number;
    sources: SourceArticle[];
    prepared?: PreparedSources;
    draft: Draft;
    writer: string;
    usage?: TokenUsage;
    findings?: Finding[];
    correctionReason?: string;
  },
): Promise<Extract<WriteOutcome, { version: StoryVersion }>> {
  const prepared = await withDisagreements(deps, input.storyId, input.sources, input.prepared);
  const { verification, judged, usage } = await verifyVersion(
    deps,
    input.draft,
    input.sources,
    prepared,
    input.usage,
  );
  const findings = [...(input.findings ?? []), ...judged, ...verification.findings];
  const decision = applyPolicy({
    policy: deps.policy,
    draft: { ...input.draft, body: verification.body },
    failing: verification.failing,
    findings,
  });
  const allFindings = [...findings, ...decision.findings];
  recordOutcomes(deps.metrics, input.writer, decision.status, verification);
  const body = withBackground(
    decision.draft.body,
    await backgroundFor(deps.db, input.storyId, decision.draft),
  );
  const kept = [...body.lede, ...body.sections.flatMap((s) => s.sentences)];
  const support = kept.length === 0 ? 0 : kept.reduce((a, s) => a + (s.support ?? 0), 0) / kept.length;
  const version = await deps.db.transaction().execute(async (trx) => {
    const previous = await latestPublishedVersion(trx, input.storyId);
    const meta = {
      body,
      source_count: input.sources.length,
      publisher_count: new Set(input.sources.map((s) => s.source_id)).size,
      writer: input.writer,
      correction_reason: input.correctionReason ?? null,
    };
    const row = await insertStoryVersion(trx, {
      story_id: input.storyId,
      headline: decision.draft.headline,
      dek: decision.draft.dek,
      ...meta,
      model: input.writer === 'extractive' ? null : input.writer,
      status: decision.status,
      support_score: Math.round(support * 1000) / 1000,
      change_note: changeNote(previous, meta),
      generated_at: (deps.now ?? (() => new Date()))(),
      prompt_tokens: usage?.promptTokens ?? null,
      output_tokens: usage?.outputTokens ?? null,
    });
    await insertFindings(trx, row.id, allFindings);
    await saveVersionDisagreements(
      trx,
      row.id,
      input.storyId,
      (prepared.disagreements ?? []).map((f) => f.disagreement),
    );
    if (decision.status === 'published') {
      await supersedeVersions(trx, input.storyId, row.id);
      await setStoryState(trx, input.storyId, 'published');
    } else if (previous) {
      // Readers keep the last published version until an editor approves the new one.
      await setCurrentVersion(trx, input.storyId, previous.id);
    } else {
      await setStoryState(
        trx,
        input.storyId,
        decision.status,
        allFindings.find((f) => f.location === 'version')?.message ?? null,
      );
    }
    return row;
  });
  if (decision.status === 'published') await refreshRelated(deps.db, input.storyId);
  deps.logger.info(
    {
      story_id: input.storyId,
      version: version.version,
      status: decision.status,
      writer: input.writer,
      dropped: decision.dropped,
      prompt_tokens: usage?.promptTokens,
      output_tokens: usage?.outputTokens,
    },
    'story version stored',
  );
  return { status: decision.status, version, findings: allFindings };
}

function recordOutcomes(
  metrics: WriteMetrics | undefined,
  writer: string,
  status: string,
  verification: { failing: Set<unknown>; findings: Finding[] },
): void {
  if (!metrics) return;
  metrics.writerOutcomes.inc({ writer: writerLabel(writer), outcome: status });
  metrics.verifierOutcomes.inc({
    check: 'draft',
    outcome: verification.failing.size === 0 ? 'pass' : 'fail',
  });
  for (const finding of verification.findings) {
    metrics.verifierOutcomes.inc({ check: finding.check, outcome: finding.severity });
  }
}
