import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { describeError } from '../lib/errors.js';
import { registerEval } from './eval.js';
import { registerExport } from './export.js';
import { registerFeed } from './feed.js';
import { registerImport } from './import.js';
import { registerIngest } from './ingest.js';
import { registerMail } from './mail.js';
import { registerMigrate } from './migrate.js';
import { registerPipeline } from './pipeline.js';
import { registerServe } from './serve.js';
import { registerSources } from './sources.js';
import { registerWorker } from './worker.js';
import { registerStats } from './stats.js';
import { registerStories } from './stories.js';
import { registerTopics } from './topics.js';
import { registerUsers } from './users.js';

/** Builds the `newsloom` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('newsloom')
    .description('Newsloom: a self-hostable AI newsroom')
    .version(packageVersion(), '-V, --version')
    .option('--data-dir <dir>', 'embedded data directory (default ./data, or NEWSLOOM_DATA_DIR)')
    .option('--config <file>', 'JSON config file (default ./newsloom.config.json, or NEWSLOOM_CONFIG)')
    .option(
      '--log-format <format>',
      'log lines as json, or pretty for people (default: pretty on a terminal, json otherwise; or NEWSLOOM_LOG_FORMAT)',
    )
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  registerMigrate(program);
  registerStats(program);
  registerImport(program);
  registerExport(program);
  registerTopics(program);
  registerUsers(program);
  registerMail(program);
  registerEval(program);
  registerSources(program);
  registerIngest(program);
  registerFeed(program);
  registerWorker(program);
  registerPipeline(program);
  registerStories(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI; resolves to the process exit code. Failures print one line to stderr. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end this way with exit code 0; usage errors were already printed.
      return error.exitCode;
    }
    process.stderr.write(`newsloom: ${describeError(error)}\n`);
    return 1;
  }
}

function packageVersion(): string {
  // src/cli and dist/cli both sit two levels below the package root.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
