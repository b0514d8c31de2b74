import { createReadStream } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import { newFrequencyCache } from '../../analyze/run.js';
import { clusterArticles } from '../../cluster/cluster.js';
import { type ClusterSettings, isPublishable } from '../../cluster/settings.js';
import { type Database, wrapPglite } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { DB, StorySentence } from '../../db/schema.js';
import { importArticles } from '../../ingest/import.js';
import { AppError } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import type { PublishPolicy } from '../../publish/policy.js';
import { writeStory } from '../../publish/write-story.js';
import { articlesAfter } from '../../store/articles.js';
import { storyById } from '../../store/stories.js';
import type { LlmWriter } from '../../write/types.js';
import { ERROR_KINDS, type ErrorKind, type Injection } from './kinds.js';
import type { InjectionServer, PlanOutcome } from './stand-in.js';

/**
 * The injection harness: every story of a corpus is written by the LLM writer once per error kind
 * (and once clean) through the real pipeline (writer, verifier, repair, publish policy), with the
 * planned error put into its draft; it counts the errors that reached a published version and the
 * correct sentences the verifier dropped.
 */

/** One row of the table: an error kind, or `clean`. */
export interface InjectionRow {
  kind: ErrorKind | 'clean';
  /** Drafts that carried the error (for `clean`: clean drafts). */
  drafts: number;
  /** Errors that did not reach a published version: held, dropped or repaired. */
  caught: number;
  /** Stories that offered no material for the error (no quote to change, no second figure…). */
  not_applicable: number;
  /** Correct sentences of these drafts, and how many of them were not published. */
  correct_sentences: number;
  correct_dropped: number;
  /** Drafts held for review instead of published. */
  held: number;
}

/** What the harness found. */
export interface InjectionReport {
  stories: number;
  rows: InjectionRow[];
  /** Runs whose model gave no usable draft (a real endpoint's failure; none from the stand-in). */
  no_draft: number;
  escaped: { story_id: number; kind: ErrorKind; text: string }[];
}

/** What the harness needs: the model writer (pointed at the injection server) and the server. */
export interface InjectionDeps {
  llm: LlmWriter;
  server: InjectionServer;
  logger: Logger;
  settings: ClusterSettings;
  policy: PublishPolicy;
  kinds?: readonly ErrorKind[];
  onProgress?: (done: number, total: number) => void;
}

/** Runs the harness on a corpus (interchange JSON lines) in a throw-away in-memory database. */
export async function runInjection(corpusPath: string, deps: InjectionDeps): Promise<InjectionReport> {
  const pglite = await PGlite.create();
  const database = wrapPglite(pglite, 'pglite', () => pglite.close());
  try {
    const storyIds = await loadStories(database, corpusPath, deps);
    return await injectAll(database.db, storyIds, deps);
  } finally {
    await database.close();
  }
}

/** Imports and clusters the corpus in publication order; returns the publishable stories. */
async function loadStories(database: Database, corpusPath: string, deps: InjectionDeps): Promise<number[]> {
  await migrateToLatest(database.db as Kysely<unknown>);
  let input: ReturnType<typeof createReadStream>;
  try {
    input = createReadStream(corpusPath);
    await new Promise((resolve, reject) => input.once('open', resolve).once('error', reject));
  } catch (cause) {
    throw new AppError('io_error', `cannot read ${corpusPath}`, { cause });
  }
  await importArticles(database.db, input);
  const articles = await articlesAfter(database.db, 0, 100_000);
  const time = (a: { published_at: Date | null; fetched_at: Date }) =>
    new Date(a.published_at ?? a.fetched_at).getTime();
  articles.sort((a, b) => time(a) - time(b) || a.id - b.id);
  const clusterDeps = {
    db: database.db,
    settings: deps.settings,
    logger: deps.logger,
    frequencies: newFrequencyCache(),
  };
  const ids = new Set<number>();
  for (const article of articles)
    for (const a of await clusterArticles(clusterDeps, [article.id])) ids.add(a.storyId);
  const publishable: number[] = [];
  for (const id of ids) {
    const story = await storyById(database.db, id);
    if (story && story.state !== 'merged' && isPublishable(story, deps.settings)) publishable.push(id);
  }
  return publishable.sort((a, b) => a - b);
}

async function injectAll(db: Kysely<DB>, storyIds: number[], deps: InjectionDeps): Promise<InjectionReport> {
  const plans: (ErrorKind | 'clean')[] = ['clean', ...(deps.kinds ?? ERROR_KINDS)];
  const rows = new Map(plans.map((kind) => [kind, emptyRow(kind)]));
  const report: InjectionReport = {
    stories: storyIds.length,
    rows: [...rows.values()],
    no_draft: 0,
    escaped: [],
  };
  let done = 0;
  for (const storyId of storyIds) {
    for (const kind of plans) {
      deps.server.plan(kind);
      const outcome = await writeStory(
        { db, logger: deps.logger, policy: deps.policy, llm: deps.llm },
        storyId,
        {
          force: true,
        },
      );
      deps.onProgress?.(++done, storyIds.length * plans.length);
      const planned = deps.server.outcome();
      const row = rows.get(kind)!;
      if (!planned.draft) {
        report.no_draft++;
        continue;
      }
      if (kind !== 'clean' && !planned.injection) {
        row.not_applicable++;
        continue;
      }
      const published = outcome.status === 'published' ? bodySentences(outcome.version.body) : [];
      tally(row, planned, published, outcome.status !== 'published');
      if (planned.injection && escaped(planned, published))
        report.escaped.push({
          story_id: storyId,
          kind: planned.injection.kind,
          text: planned.injection.text,
        });
    }
  }
  return report;
}

function tally(row: InjectionRow, planned: PlanOutcome, published: StorySentence[], held: boolean): void {
  row.drafts++;
  if (held) row.held++;
  const kept = new Set(published.map((s) => s.text));
  const correct = draftSentences(planned.draft!).filter((t) => t !== planned.injection?.text);
  row.correct_sentences += correct.length;
  row.correct_dropped += correct.filter((t) => !kept.has(t)).length;
  if (planned.injection && !escaped(planned, published)) row.caught++;
}

/**
 * True when the injected error reached the published version: its sentence as injected, or (for an
 * error in its citations) as injected with the citations the model still gave it in its last draft.
 */
function escaped(planned: PlanOutcome, published: StorySentence[]): boolean {
  const injection = planned.injection as Injection;
  if (!published.some((s) => s.text === injection.text)) return false;
  if (injection.kind !== 'no_citation' && injection.kind !== 'wrong_citation') return true;
  const final = [
    ...(planned.final?.lede ?? []),
    ...(planned.final?.sections.flatMap((s) => s.sentences) ?? []),
  ];
  return final.some(
    (s) => s.text === injection.text && s.citations.join(',') === injection.citations.join(','),
  );
}

function draftSentences(draft: NonNullable<PlanOutcome['draft']>): string[] {
  return [...draft.lede, ...draft.sections.flatMap((s) => s.sentences)].map((s) => s.text);
}

function bodySentences(body: { lede: StorySentence[]; sections: { sentences: StorySentence[] }[] }) {
  return [...body.lede, ...body.sections.flatMap((s) => s.sentences)];
}

function emptyRow(kind: ErrorKind | 'clean'): InjectionRow {
  return { kind, drafts: 0, caught: 0, not_applicable: 0, correct_sentences: 0, correct_dropped: 0, held: 0 };
}
