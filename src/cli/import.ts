import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { type ImportSummary, importArticles } from '../ingest/import.js';
import { AppError } from '../lib/errors.js';
import { peekFirstLine } from '../lib/peek.js';
import { importNewsroom, isNewsroomHeader } from '../ops/newsroom-import.js';
import { type GlobalOptions, print, withContext } from './context.js';
import { startProgress } from './progress.js';
import { indexSearch } from './search-index.js';

/** `newsloom import FILE`: reads the article interchange format into sources and articles. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'import articles in the interchange format (one JSON object per line; - reads stdin), ' +
        'or a whole-newsroom export made by `newsloom export --all` into an empty database',
    )
    .argument('<file>', 'a .jsonl file, or - for standard input')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: { json?: boolean }, command: Command): Promise<void> => {
      const { input: raw, size } = openInput(file);
      const { firstLine, stream: input } = await peekFirstLine(raw);
      if (isNewsroomHeader(firstLine)) {
        const { counts, indexed } = await withContext(
          command.optsWithGlobals<GlobalOptions>(),
          async ({ database }) => {
            const counts = await importNewsroom(database.db, input);
            return { counts, indexed: await indexSearch(database.db) };
          },
        );
        print({ tables: counts, indexed }, options.json ?? false, () =>
          [
            ...Object.entries(counts).map(([table, n]) => `${table}: ${n}`),
            `indexed for search: ${indexed}`,
          ].join('\n'),
        );
        return;
      }
      const summary = await withContext(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ database, logger }) => {
          const progress = startProgress('import', size, 'bytes');
          let imported: ImportSummary;
          try {
            imported = await importArticles(database.db, input, {
              onProgress: ({ lines, bytes }) => {
                progress.update(bytes);
                logger.debug({ lines, bytes }, 'import batch stored');
              },
              onLineError: (error) =>
                logger.warn({ line: error.line, reason: error.reason }, 'import line skipped'),
            });
          } finally {
            progress.stop();
          }
          return { ...imported, indexed: await indexSearch(database.db) };
        },
      );
      print(summary, options.json ?? false, () =>
        [
          `lines: ${summary.lines}`,
          `imported: ${summary.imported}`,
          `duplicates: ${summary.duplicates}`,
          `failed: ${summary.failed}`,
          `indexed for search: ${summary.indexed}`,
          ...summary.errors.map((e) => `line ${e.line}: ${e.reason}`),
        ].join('\n'),
      );
      if (summary.failed > 0) process.exitCode = 1;
    });
}

function openInput(file: string): { input: Readable; size: number } {
  if (file === '-') return { input: process.stdin, size: 0 };
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a regular file');
    size = stat.size;
  } catch (cause) {
    throw new AppError('io_error', `cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  return { input: createReadStream(file), size };
}
