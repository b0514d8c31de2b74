import type { Command } from 'commander';
import { clusterSettingsFrom } from '../cluster/settings.js';
import { defaultCorpusPath } from '../demo/load.js';
import { ERROR_KINDS, type ErrorKind } from '../eval/injection/kinds.js';
import { type InjectionReport, runInjection } from '../eval/injection/run.js';
import { startInjectionServer } from '../eval/injection/stand-in.js';
import { guardedFetch } from '../ingest/fetch/guarded-fetch.js';
import { AppError } from '../lib/errors.js';
import { createLogger } from '../lib/log.js';
import { createLlmWriter } from '../write/llm.js';
import { loadPrompts } from '../write/prompts.js';
import { type GlobalOptions, loadBasics, print } from './context.js';
import { startProgress } from './progress.js';

interface EvalInjectionOptions {
  corpus?: string;
  standIn?: boolean;
  kinds?: ErrorKind[];
  json?: boolean;
}

/** Adds `injection [--corpus FILE] [--stand-in] [--kinds a,b] [--json]` to the `eval` command group. */
export function addInjectionCommand(evalCommand: Command): void {
  evalCommand
    .command('injection')
    .description(
      'write every story of a corpus once per error kind with the configured model, one error put into each draft, and print per kind how many the verifier held or dropped before publishing',
    )
    .option('--corpus <file>', 'articles in the interchange format (default: the demo corpus)')
    .option(
      '--stand-in',
      'use the built-in stand-in model (lenient judge, stubborn repair) instead of the endpoint',
    )
    .option(
      '--kinds <list>',
      `comma-separated error kinds (default: all of ${ERROR_KINDS.join(', ')})`,
      parseKinds,
    )
    .option('--json', 'print the report as JSON')
    .action(async (options: EvalInjectionOptions, command: Command): Promise<void> => {
      const { config } = loadBasics(command.optsWithGlobals<GlobalOptions>());
      // One line per model call and version would bury the table (and break --json): warnings only.
      const logger = createLogger(
        config.logLevel === 'debug' || config.logLevel === 'trace' ? config.logLevel : 'warn',
      );
      if (!options.standIn && !(config.llmBaseUrl && config.llmModel))
        throw new AppError(
          'config_invalid',
          'no model endpoint configured: set NEWSLOOM_LLM_BASE_URL and NEWSLOOM_LLM_MODEL, or pass --stand-in',
        );
      const corpus = options.corpus ?? defaultCorpusPath();
      if (!corpus) throw new AppError('invalid_input', 'no demo corpus installed: pass --corpus FILE');
      const upstream =
        options.standIn || !config.llmBaseUrl
          ? undefined
          : { baseUrl: config.llmBaseUrl, apiKey: config.llmApiKey, fetch: guardedFetch(config.fetchAllow) };
      const server = await startInjectionServer(upstream ? { upstream } : {});
      const kinds = options.kinds ?? ERROR_KINDS;
      const progress = startProgress('inject', kinds.length + 1, 'drafts');
      try {
        const llm = createLlmWriter({
          baseUrl: server.baseUrl,
          model: options.standIn ? 'stand-in' : config.llmModel!,
          timeoutMs: config.llmTimeout * 1000,
          maxRetries: config.llmMaxRetries,
          promptTokens: config.llmPromptTokens,
          prompts: loadPrompts(),
          logger,
          // The harness's own stand-in, on loopback.
          fetch: guardedFetch(['127.0.0.1']),
        });
        const report = await runInjection(corpus, {
          llm,
          server,
          logger,
          settings: clusterSettingsFrom(config),
          policy: 'auto',
          kinds,
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.stop();
        print(report, options.json ?? false, () => table(report));
      } finally {
        progress.stop();
        await server.close();
      }
    });
}

function parseKinds(value: string): ErrorKind[] {
  const kinds = value.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !(ERROR_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new AppError(
      'invalid_input',
      `unknown error kind ${unknown.join(', ')} (known: ${ERROR_KINDS.join(', ')})`,
    );
  return kinds as ErrorKind[];
}

/** The report as a table: one row per error kind, then the clean drafts. */
export function table(report: InjectionReport): string {
  const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const lines = [
    `stories: ${report.stories}${report.no_draft > 0 ? `, runs without a usable draft: ${report.no_draft}` : ''}`,
    '',
    `${'error kind'.padEnd(22)} ${'drafts'.padStart(6)} ${'caught'.padStart(6)} ${'rate'.padStart(7)} ${'n/a'.padStart(4)} ${'held'.padStart(5)} ${'correct dropped'.padStart(16)}`,
  ];
  for (const r of report.rows) {
    const caught = r.kind === 'clean' ? '-' : String(r.caught);
    const rate = r.kind === 'clean' ? '-' : pct(r.caught, r.drafts);
    lines.push(
      `${r.kind.padEnd(22)} ${String(r.drafts).padStart(6)} ${caught.padStart(6)} ${rate.padStart(7)} ${String(r.not_applicable).padStart(4)} ${String(r.held).padStart(5)} ${`${r.correct_dropped}/${r.correct_sentences}`.padStart(16)}`,
    );
  }
  for (const e of report.escaped) lines.push(`escaped (story ${e.story_id}, ${e.kind}): ${e.text}`);
  return lines.join('\n');
}
