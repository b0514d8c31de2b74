import type { Command } from 'commander';
import { buildPipelineDeps } from '../jobs/pipeline-deps.js';
import { runPipelineOnce } from '../jobs/pipeline.js';
import { type GlobalOptions, print, withContext } from './context.js';

/** `newsloom pipeline --once`: analyze, cluster, write, verify and publish everything pending, then exit. */
export function registerPipeline(program: Command): void {
  program
    .command('pipeline')
    .description(
      'analyze, cluster, write, verify and publish everything pending (serve does this continuously)',
    )
    .option('--once', 'process everything pending now, without the write debounce, and exit')
    .option('--json', 'print the report as JSON')
    .action(async (options: { once?: boolean; json?: boolean }, command: Command) => {
      if (!options.once)
        throw new Error('only --once is supported here; `newsloom serve` runs the pipeline continuously');
      const report = await withContext(
        command.optsWithGlobals<GlobalOptions>(),
        ({ config, database, logger, analysis }) =>
          runPipelineOnce(buildPipelineDeps(config, database, logger, { analyzer: analysis.analyze }), {
            debounceMs: 0,
          }),
      );
      print(report, options.json ?? false, () =>
        [
          `articles indexed for search: ${report.indexed}`,
          `articles clustered: ${report.clustered}`,
          ...Object.entries(report.stories).map(([k, v]) => `stories ${k.replace(/_/g, ' ')}: ${v}`),
        ].join('\n'),
      );
    });
}
