import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Source } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { listSources } from '../store/sources.js';
import { type GlobalOptions, print, withContext } from './context.js';
import { fetcherFromConfig } from './ingest-wiring.js';

/** The fields `sources list --json` exposes (a presenter: new columns do not leak by accident). */
export function presentSource(s: Source) {
  return {
    id: s.id,
    kind: s.kind,
    name: s.name,
    url: s.url,
    homepage: s.homepage,
    language: s.language,
    country: s.country,
    lean: s.lean,
    enabled: s.enabled,
    paused_reason: s.paused_reason,
    last_success_at: s.last_success_at?.toISOString() ?? null,
    last_checked_at: s.last_checked_at?.toISOString() ?? null,
    next_check_at: s.next_check_at?.toISOString() ?? null,
    error_count: s.error_count,
    last_error: s.last_error,
    items_seen: s.items_seen,
  };
}

function health(s: Source): string {
  if (!s.enabled) return 'disabled';
  if (s.paused_reason) return `PAUSED: ${s.paused_reason}`;
  if (s.error_count > 0) return `failing (${s.error_count}): ${s.last_error ?? ''}`;
  return s.last_success_at ? `ok, last success ${s.last_success_at.toISOString()}` : 'not fetched yet';
}

function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('invalid_input', `invalid source id ${value}`);
  return id;
}

/** `newsloom sources …`: add, list, remove, enable, disable, import-opml, export-opml. */
export function registerSources(program: Command): void {
  // Feed parsing and OPML load only when a sources command runs, keeping CLI start-up quick.
  const ops = () => import('../ingest/sources.js');
  const sources = program.command('sources').description('manage the feeds and pages Newsloom reads');
  const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  sources
    .command('add')
    .description('add a feed (or a page: its advertised feed is used when it has one)')
    .argument('<url>', 'feed or page URL')
    .option('--name <name>', 'display name (default: the feed title)')
    .option('--language <code>', 'language code, e.g. en')
    .option('--country <code>', 'two-letter country code')
    .option('--lean <label>', 'optional editorial lean label')
    .option('--json', 'print the source as JSON')
    .action(
      async (
        url: string,
        options: { name?: string; language?: string; country?: string; lean?: string; json?: boolean },
        command: Command,
      ) => {
        await withContext(globals(command), async (context) => {
          const { json, ...labels } = options;
          const added = await (await ops()).addSource(
            { db: context.database.db, fetcher: fetcherFromConfig(context.config), logger: context.logger },
            { url, ...labels },
          );
          print(
            { ...presentSource(added.source), created: added.created, via: added.via },
            json ?? false,
            () =>
              `${added.created ? 'added' : 'already present'}: #${added.source.id} ${added.source.name} (${added.source.kind}, ${added.via}) ${added.source.url}`,
          );
        });
      },
    );

  sources
    .command('list')
    .description(
      'every source with its health: last success, last error, items seen (distinct articles stored from it)',
    )
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withContext(globals(command), async ({ database }) => {
        const rows = await listSources(database.db);
        print(rows.map(presentSource), options.json ?? false, () =>
          rows.length === 0
            ? 'no sources'
            : rows
                .map(
                  (s) =>
                    `#${s.id} [${s.kind}] ${s.name} <${s.url ?? '-'}> items: ${s.items_seen} | ${health(s)}`,
                )
                .join('\n'),
        );
      });
    });

  sources
    .command('remove')
    .description('remove a source and its articles')
    .argument('<id>', 'source id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withContext(globals(command), async ({ database }) => {
        await (await ops()).removeSource(database.db, parseId(id));
        process.stdout.write(`removed #${id}\n`);
      });
    });

  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    sources
      .command(name)
      .description(enabled ? 'enable a source (also lifts a pause after failures)' : 'stop checking a source')
      .argument('<id>', 'source id')
      .action(async (id: string, _options: unknown, command: Command) => {
        await withContext(globals(command), async ({ database }) => {
          const source = await (await ops()).setSourceEnabled(database.db, parseId(id), enabled);
          process.stdout.write(`${name}d #${source.id} ${source.name}\n`);
        });
      });
  }

  sources
    .command('import-opml')
    .description('add every feed listed in an OPML file')
    .argument('<file>', 'OPML file')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (cause) {
        throw new AppError('io_error', `cannot read ${file}: ${(cause as Error).message}`, { cause });
      }
      await withContext(globals(command), async ({ database }) => {
        const result = await (await ops()).importOpml(database.db, text);
        print(result, options.json ?? false, () =>
          [
            `added: ${result.added}`,
            `already present: ${result.existing}`,
            ...result.skipped.map((u) => `skipped: ${u}`),
          ].join('\n'),
        );
      });
    });

  sources
    .command('export-opml')
    .description('print every feed source as OPML')
    .action(async (_options: unknown, command: Command) => {
      await withContext(globals(command), async ({ database }) => {
        process.stdout.write(`${await (await ops()).exportOpml(database.db)}\n`);
      });
    });
  for (const sub of sources.commands) sub.exitOverride();
}
