import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import { deleteTopic, listTopics, upsertTopic } from '../store/topics.js';
import { type GlobalOptions, print, withContext } from './context.js';

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

const topicInput = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug must be lowercase words joined by hyphens'),
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(300).optional(),
  keywords: z.array(z.string().max(100)).default([]),
  entities: z.array(z.string().max(100)).default([]),
  position: z.number().int().default(0),
});

/** `newsloom topics`: the site's sections (a story joins a topic when it mentions a keyword or entity). */
export function registerTopics(program: Command): void {
  const topics = program.command('topics').description('list, add and remove the sections of the site');

  topics
    .command('list')
    .description('list topics in menu order')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const rows = await withContext(command.optsWithGlobals<GlobalOptions>(), ({ database }) =>
        listTopics(database.db),
      );
      print(rows, options.json ?? false, () =>
        rows.length === 0
          ? 'no topics'
          : rows.map((t) => `${t.slug}\t${t.name}\t${[...t.keywords, ...t.entities].join(', ')}`).join('\n'),
      );
    });

  topics
    .command('set <slug> <name>')
    .description('add a topic, or replace the one with this slug')
    .option('--keywords <list>', 'comma-separated words or phrases', list, [])
    .option('--entities <list>', 'comma-separated names of people, organisations or places', list, [])
    .option('--description <text>', 'one line shown under the topic name')
    .option('--position <n>', 'menu order (lower first)', Number, 0)
    .option('--json', 'print JSON')
    .action(async (slug: string, name: string, options: Record<string, unknown>, command: Command) => {
      const parsed = topicInput.safeParse({ slug, name, ...options });
      if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
      if (parsed.data.keywords.length + parsed.data.entities.length === 0) {
        throw new AppError('invalid_input', 'give --keywords or --entities, or the topic matches nothing');
      }
      const topic = await withContext(command.optsWithGlobals<GlobalOptions>(), ({ database }) =>
        upsertTopic(database.db, parsed.data),
      );
      print(topic, Boolean(options.json), () => `topic ${topic.slug} saved`);
    });

  topics
    .command('remove <slug>')
    .description('remove a topic')
    .action(async (slug: string, _options: unknown, command: Command) => {
      const removed = await withContext(command.optsWithGlobals<GlobalOptions>(), ({ database }) =>
        deleteTopic(database.db, slug),
      );
      if (!removed) throw new AppError('not_found', `no topic ${slug}`);
      process.stdout.write(`topic ${slug} removed\n`);
    });
}
