import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createAnalysisPool } from '../analyze/pool.js';
import { embedderFrom } from '../cluster/embeddings.js';
import { clusterSettingsFrom } from '../cluster/settings.js';
import { type ClusterEvalReport, type ExplainedArticle, evaluateClusters } from '../eval/clusters.js';
import { readLabelledArticles } from '../eval/clusters-input.js';
import type { ClusterError } from '../eval/metrics.js';
import { guardedFetch } from '../ingest/fetch/guarded-fetch.js';
import { AppError } from '../lib/errors.js';
import { type GlobalOptions, loadBasics, print } from './context.js';
import { addDisagreementsCommand } from './eval-disagreements.js';
import { addFactualityCommand } from './eval-factuality.js';
import { addInjectionCommand } from './eval-injection.js';
import { addSummariesCommand } from './eval-summaries.js';
import { startProgress } from './progress.js';

/** `newsloom eval …`: measurements on labelled data. Each subcommand registers itself on the group. */
export function registerEval(program: Command): Command {
  const group = program
    .command('eval')
    .description('measure clustering, factuality checking and disagreement detection on labelled data');
  registerEvalClusters(group);
  addFactualityCommand(group);
  addInjectionCommand(group);
  addSummariesCommand(group);
  addDisagreementsCommand(group);
  for (const command of group.commands) command.exitOverride();
  return group;
}

/** `newsloom eval clusters FILE`: clusters a labelled file in a throw-away database and scores it. */
export function registerEvalClusters(group: Command): void {
  group
    .command('clusters')
    .description(
      'cluster labelled articles (interchange .jsonl with a "story" label, a WikiRef folder, or a MultiLing or Multi-News events file) in a throw-away database; print B-cubed and pairwise scores, the clusters that mix events and the events that are split',
    )
    .argument('<file>', 'labelled articles')
    .option('--json', 'print the report as JSON')
    .option('--assignments <out>', 'write one {"id", "cluster"} line per article to this file')
    .option('--threshold <n>', 'join threshold (default: the configured clusterThreshold)', parseUnit)
    .option(
      '--batch <n>',
      'articles clustered at a time (default: 200)',
      (v) => parseCount(v, '--batch', 1),
      200,
    )
    .option(
      '--shuffle <seed>',
      'cluster the articles in an order shuffled by this seed instead of publication order',
      (v) => parseCount(v, '--shuffle', 0),
    )
    .option('--explain <id>', 'print, for the article with this id, the candidate stories and their evidence')
    .action(async (file: string, options: EvalClustersOptions, command: Command): Promise<void> => {
      const { config, logger } = loadBasics(command.optsWithGlobals<GlobalOptions>());
      const settings = clusterSettingsFrom(config);
      if (options.threshold !== undefined) settings.threshold = options.threshold;
      const labelled = readLabelledArticles(file);
      const progress = startProgress('cluster', labelled.length, 'articles');
      const analysis = createAnalysisPool();
      let result: Awaited<ReturnType<typeof evaluateClusters>>;
      try {
        result = await evaluateClusters(labelled, {
          settings,
          analyzer: analysis.analyze,
          logger,
          explain: options.explain,
          batchSize: options.batch,
          shuffle: options.shuffle,
          embedder: embedderFrom(config, guardedFetch(config.fetchAllow)),
          onProgress: (done) => progress.update(done),
        });
      } finally {
        progress.stop();
        await analysis.close();
      }
      if (options.assignments) {
        writeFileSync(options.assignments, result.assignments.map((a) => `${JSON.stringify(a)}\n`).join(''));
      }
      print(result.report, options.json ?? false, () => human(result.report));
    });
}

interface EvalClustersOptions {
  json?: boolean;
  assignments?: string;
  threshold?: number;
  explain?: string;
  batch: number;
  shuffle?: number;
}

function parseUnit(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new AppError('invalid_input', `--threshold must be 0–1, got ${value}`);
  return n;
}

function parseCount(value: string, flag: string, least: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < least)
    throw new AppError('invalid_input', `${flag} must be a whole number from ${least}, got ${value}`);
  return n;
}

function human(r: ClusterEvalReport): string {
  const f = (x: number) => x.toFixed(3);
  return [
    `articles: ${r.articles} (scored ${r.items}, skipped ${r.skipped})`,
    `clusters: ${r.predicted_clusters} predicted, ${r.gold_clusters} gold`,
    `order: ${r.shuffle === null ? 'publication' : `shuffled (seed ${r.shuffle})`}, ${r.batch} articles at a time`,
    `B-cubed:  P ${f(r.bcubed.precision)}  R ${f(r.bcubed.recall)}  F1 ${f(r.bcubed.f1)}`,
    `pairwise: P ${f(r.pairwise.precision)}  R ${f(r.pairwise.recall)}  F1 ${f(r.pairwise.f1)}`,
    `mixed: ${r.mixed_clusters} predicted clusters mix gold events`,
    ...r.mixed.map((e) => `  story ${e.id}: ${parts(e)}`),
    `split: ${r.split_events} gold events are split`,
    ...r.split.map((e) => `  ${e.id}: ${e.parts.map((p) => `story ${p.id} ×${p.items}`).join(', ')}`),
    `speed: ${r.articles_per_second} articles/s (${r.seconds} s)`,
    ...(r.explained ? explanation(r.explained) : []),
  ].join('\n');
}

function parts(e: ClusterError): string {
  return e.parts.map((p) => `${p.id} ×${p.items}`).join(', ');
}

function explanation(x: ExplainedArticle): string[] {
  const f = (n: number) => n.toFixed(3);
  const lines = [`explain ${x.id} (gold ${x.story}): placed in story ${x.cluster ?? '-'}`];
  if (x.candidates.length === 0) lines.push('  no candidate story: it started its own');
  for (const c of x.candidates) {
    const e = c.evidence;
    const gold = Object.entries(c.gold)
      .map(([g, n]) => `${g} ×${n}`)
      .join(', ');
    lines.push(
      `  ${c.chosen ? '→' : ' '} story ${c.key} "${c.title}" (${c.articles} articles; now ${gold || 'merged'})`,
      `      score ${f(e.score)}  text ${f(e.text)}  names ${f(e.names)}${e.embedding === null ? '' : `  embedding ${f(e.embedding)}`}  hours ${e.hours}${c.veto ? `  veto: ${c.veto}` : ''}`,
      `      shared names: ${e.shared_names.join(', ') || '-'}; figures: ${e.shared_figures.join(', ') || '-'}`,
    );
  }
  return lines;
}
