import type { Command } from 'commander';
import { describeDrops } from '../ingest/drops.js';
import type { IngestRunSummary } from '../ingest/run.js';
import { AppError } from '../lib/errors.js';
import { type GlobalOptions, print, withContext } from './context.js';
import { ingestDeps } from './ingest-wiring.js';
import { startProgress } from './progress.js';
import { pendingSearchCount } from '../store/search-index.js';

/** `newsloom ingest --once [--source ID]`: refreshes due sources now and prints a summary. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('fetch sources now: every due source, or one with --source')
    .option('--once', 'refresh once and exit (the scheduler in `serve` does it continuously)')
    .option('--source <id>', 'refresh only this source, due or not')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { once?: boolean; source?: string; json?: boolean }, command: Command) => {
      if (!options.once)
        throw new AppError('invalid_input', 'give --once (continuous ingest runs in `newsloom serve`)');
      const sourceId = options.source === undefined ? undefined : Number(options.source);
      if (sourceId !== undefined && (!Number.isInteger(sourceId) || sourceId <= 0)) {
        throw new AppError('invalid_input', `invalid source id ${options.source}`);
      }
      const summary = await withContext(command.optsWithGlobals<GlobalOptions>(), async (context) => {
        const progress = startProgress('ingest', 0, 'sources');
        const { ingestOnce } = await import('../ingest/run.js');
        let run: IngestRunSummary;
        try {
          run = await ingestOnce(ingestDeps(context), {
            sourceId,
            onProgress: (done, total) => progress.update(done, total),
          });
        } finally {
          progress.stop();
        }
        // Search documents belong to the publish stage: the next pipeline pass builds them with the
        // articles' analyses and stories. Importing a whole newsroom, by contrast, builds them at once.
        return { ...run, search_pending: await pendingSearchCount(context.database.db) };
      });
      print(summary, options.json ?? false, () =>
        [
          ...summary.results.flatMap((r) => [
            `#${r.source_id} ${r.name}: ${r.status === 'failed' ? `FAILED ${r.error}${r.paused ? ' (paused; `sources enable` resumes it)' : ''}` : `new ${r.new}, updated ${r.updated}, duplicate ${r.duplicate}, unchanged ${r.unchanged}, failed ${r.failed}${r.status === 'not_modified' ? ' (not modified)' : ''}`}`,
            ...(Object.keys(r.dropped).length > 0 ? [`  dropped: ${describeDrops(r.dropped)}`] : []),
            ...r.warnings.map((w) => `  warning: ${w}`),
          ]),
          `sources: ${summary.sources}, new: ${summary.new}, updated: ${summary.updated}, duplicate: ${summary.duplicate}, failed sources: ${summary.failed_sources}`,
          ...(summary.search_pending > 0
            ? [
                `${summary.search_pending} articles wait for the next pipeline pass (serve, worker or \`pipeline --once\`) to analyze, cluster and index them for search`,
              ]
            : []),
        ].join('\n'),
      );
      if (summary.failed_sources > 0 && summary.failed_sources === summary.sources) process.exitCode = 1;
    });
}
