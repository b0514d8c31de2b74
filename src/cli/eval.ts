import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createAnalysisPool } from '../analyze/pool.js';
import { clusterSettingsFrom } from '../cluster/settings.js';
import { type ClusterEvalReport, evaluateClusters } from '../eval/clusters.js';
import { readLabelledArticles } from '../eval/clusters-input.js';
import { AppError } from '../lib/errors.js';
import { type GlobalOptions, loadBasics, print } from './context.js';
import { addDisagreementsCommand } from './eval-disagreements.js';
import { addFactualityCommand } from './eval-factuality.js';
import { startProgress } from './progress.js';

/** `newsloom eval …`: measurements on labelled data. Each subcommand registers itself on the group. */
export function registerEval(program: Command): Command {
  const group = program
    .command('eval')
    .description('measure clustering, factuality checking and disagreement detection on labelled data');
  registerEvalClusters(group);
  addFactualityCommand(group);
  addDisagreementsCommand(group);
  for (const command of group.commands) command.exitOverride();
  return group;
}

/** `newsloom eval clusters FILE`: clusters a labelled file in a throw-away database and scores it. */
export function registerEvalClusters(group: Command): void {
  group
    .command('clusters')
    .description(
      'cluster labelled articles (interchange .jsonl with a "story" label, a WikiRef folder, or a MultiLing documents.jsonl) in a throw-away database and print B-cubed and pairwise scores',
    )
    .argument('<file>', 'labelled articles')
    .option('--json', 'print the report as JSON')
    .option('--assignments <out>', 'write one {"id", "cluster"} line per article to this file')
    .option('--threshold <n>', 'join threshold (default: the configured clusterThreshold)', parseUnit)
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
}

function parseUnit(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new AppError('invalid_input', `--threshold must be 0–1, got ${value}`);
  return n;
}

function human(r: ClusterEvalReport): string {
  const f = (x: number) => x.toFixed(3);
  return [
    `articles: ${r.articles} (scored ${r.items}, skipped ${r.skipped})`,
    `clusters: ${r.predicted_clusters} predicted, ${r.gold_clusters} gold`,
    `B-cubed:  P ${f(r.bcubed.precision)}  R ${f(r.bcubed.recall)}  F1 ${f(r.bcubed.f1)}`,
    `pairwise: P ${f(r.pairwise.precision)}  R ${f(r.pairwise.recall)}  F1 ${f(r.pairwise.f1)}`,
    `speed: ${r.articles_per_second} articles/s (${r.seconds} s)`,
  ].join('\n');
}
