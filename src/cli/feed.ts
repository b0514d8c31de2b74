import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../lib/errors.js';
import { loadBasics, type GlobalOptions, print } from './context.js';
import { fetcherFromConfig } from './ingest-wiring.js';

/** `newsloom feed inspect FILE|URL`: the normalized feed, to see why a feed looks wrong. */
export function registerFeed(program: Command): void {
  const feed = program.command('feed').description('look at feeds without storing anything');
  feed
    .command('inspect')
    .description('parse a feed file or URL and print the normalized feed and items')
    .argument('<file-or-url>', 'a local file or an http(s) URL')
    .option('--json', 'print JSON')
    .action(async (target: string, options: { json?: boolean }, command: Command) => {
      const { config } = loadBasics(command.optsWithGlobals<GlobalOptions>());
      const fetchedAt = new Date();
      let bytes: Buffer;
      let contentType: string | null = null;
      let base: string;
      if (/^https?:\/\//i.test(target)) {
        const result = await fetcherFromConfig(config).fetch({ url: target });
        bytes = result.body;
        contentType = result.contentType;
        base = result.url;
      } else {
        try {
          bytes = readFileSync(target);
        } catch (cause) {
          throw new AppError('io_error', `cannot read ${target}: ${(cause as Error).message}`, { cause });
        }
        base = `file://${path.resolve(target)}`;
      }
      const { decodeBody } = await import('../ingest/decode.js');
      const { settleDate } = await import('../ingest/feed/dates.js');
      const { parseFeedText } = await import('../ingest/feed/normalize.js');
      const decoded = decodeBody(bytes, contentType);
      const parsed = parseFeedText(decoded.text, base);
      const items = parsed.items.map((item) => {
        const settled = settleDate(item.published_at, fetchedAt);
        return {
          ...item,
          published_at: settled.date.toISOString(),
          published_at_estimated: settled.estimated,
        };
      });
      const report = {
        encoding: { charset: decoded.charset, from: decoded.from, warning: decoded.warning ?? null },
        feed: { ...parsed, items: undefined, item_count: items.length },
        items,
      };
      print(report, options.json ?? false, () =>
        [
          `${parsed.format}: ${parsed.title ?? '(no title)'} <${parsed.homepage ?? '-'}>`,
          `encoding: ${decoded.charset} (from ${decoded.from})${decoded.warning ? ` WARNING ${decoded.warning}` : ''}`,
          ...parsed.warnings.map((w) => `warning: ${w}`),
          `items: ${items.length}${parsed.truncated ? ` (${parsed.truncated} cut off and left out)` : ''}`,
          ...items.map(
            (i) =>
              `- ${i.published_at}${i.published_at_estimated ? ' (estimated)' : ''} ${i.title ?? '(no title)'} <${i.url ?? '-'}>`,
          ),
        ].join('\n'),
      );
    });
  for (const sub of feed.commands) sub.exitOverride();
}
