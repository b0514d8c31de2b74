import type { Command } from 'commander';
import type { Actor, ReviewDeps } from '../admin/deps.js';
import { AppError } from '../lib/errors.js';
import { REVIEW_STATES, type ReviewState, reviewStories } from '../store/review.js';
import { storyVersions } from '../store/stories.js';
import { userByEmail } from '../store/users.js';
import { type CommandContext, type GlobalOptions, print, withContext } from './context.js';

function positive(what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new AppError('invalid_input', `invalid ${what} ${value}`);
    return n;
  };
}
const storyId = positive('story id');
const articleId = positive('article id');
const versionNumber = positive('version number');

function parseState(value: string): ReviewState {
  if (!(REVIEW_STATES as readonly string[]).includes(value))
    throw new AppError('invalid_input', `state must be one of ${REVIEW_STATES.join(', ')}`);
  return value as ReviewState;
}

/** The editor a command acts as: it is named in the audit log, and the operation checks the role. */
async function actorFor(context: CommandContext, email: string): Promise<Actor> {
  const user = await userByEmail(context.database.db, email);
  if (!user) throw new AppError('not_found', `no user with email ${email}`);
  return { id: user.id, role: user.role };
}

/** The row id of a story's version by its number, as `stories show` and the site number them. */
async function versionId(context: CommandContext, story: number, version: number): Promise<number> {
  const found = (await storyVersions(context.database.db, story)).find((v) => v.version === version);
  if (!found) throw new AppError('not_found', `story ${story} has no version ${version}`);
  return found.id;
}

interface ActingOptions {
  as: string;
  json?: boolean;
}

/**
 * `newsloom stories …`: the editor's review from the shell: list and show stories, publish or hold a
 * version, unpublish, write again, merge and split. Each calls the same operation as the console,
 * with the same checks and audit log entry.
 */
export function registerStories(program: Command): void {
  const stories = program
    .command('stories')
    .description("review stories: the editor's console from the shell");
  const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  /** Runs one review operation as the editor named by --as, with the process's review wiring. */
  async function acting<T>(
    command: Command,
    email: string,
    work: (deps: ReviewDeps, actor: Actor, context: CommandContext) => Promise<T>,
  ): Promise<T> {
    const { wireReviewDeps } = await import('../admin/wiring.js');
    return withContext(globals(command), async (context) =>
      work(
        wireReviewDeps(context.config, context.database, context.logger),
        await actorFor(context, email),
        context,
      ),
    );
  }

  stories
    .command('list')
    .description('stories, most recently active first, with their latest version')
    .option('--state <state>', `only ${REVIEW_STATES.join(', ')}`, parseState)
    .option('--search <text>', 'only stories whose title or slug contains this')
    .option('--limit <n>', 'how many', positive('limit'), 50)
    .option('--json', 'print JSON')
    .action(
      async (
        options: { state?: ReviewState; search?: string; limit: number; json?: boolean },
        command: Command,
      ) => {
        const { total, stories: rows } = await withContext(globals(command), (context) =>
          reviewStories(context.database.db, {
            state: options.state,
            q: options.search?.trim() || undefined,
            limit: options.limit,
            offset: 0,
          }),
        );
        print({ total, stories: rows }, options.json ?? false, () =>
          [
            ...rows.map(
              (s) =>
                `#${s.id} [${s.state}] ${s.headline ?? s.title ?? s.slug} | ${s.article_count} articles, ${s.publisher_count} outlets | ${s.version === null ? 'no version' : `v${s.version} ${s.version_status}`}${s.write_note ? ` | ${s.write_note}` : ''}`,
            ),
            `${rows.length} of ${total} stories`,
          ].join('\n'),
        );
      },
    );

  stories
    .command('show')
    .description("a version (the newest unless given) checked again: each sentence's verdict and findings")
    .argument('<story>', 'story id', storyId)
    .argument('[version]', 'version number', versionNumber)
    .option('--json', 'print JSON')
    .action(
      async (story: number, version: number | undefined, options: { json?: boolean }, command: Command) => {
        const { wireReviewDeps } = await import('../admin/wiring.js');
        const { storyReview } = await import('../admin/story-review.js');
        const review = await withContext(globals(command), (context) =>
          storyReview(wireReviewDeps(context.config, context.database, context.logger), story, version),
        );
        print(review, options.json ?? false, () => {
          const v = review.version;
          const lines = [
            `#${review.story.id} ${review.story.slug} [${review.story.state}]`,
            `versions: ${review.versions.map((x) => `v${x.version} ${x.status}`).join(', ') || 'none'}`,
          ];
          if (!v) return lines.join('\n');
          lines.push(
            `v${v.version} (${v.status}, ${v.writer}): ${v.headline}`,
            `headline: ${review.headline.verdict}, dek: ${review.dek.verdict}`,
            ...review.sentences.map(
              (s) =>
                `  [${s.verdict}] ${s.location}: ${s.text}${s.findings.map((f) => `\n      ${f.severity}: ${f.message}`).join('')}`,
            ),
            ...review.dropped.map((d) => `  [dropped] ${d.location}: ${d.text}`),
          );
          return lines.join('\n');
        });
      },
    );

  stories
    .command('publish')
    .description('publish a version of a story (it becomes what readers see)')
    .argument('<story>', 'story id', storyId)
    .argument('<version>', 'version number', versionNumber)
    .requiredOption('--as <email>', 'the editor who acts (recorded in the audit log)')
    .option('--json', 'print JSON')
    .action(async (story: number, version: number, options: ActingOptions, command: Command) => {
      const { publishVersion } = await import('../admin/versions.js');
      const published = await acting(command, options.as, async (deps, actor, context) =>
        publishVersion(deps, actor, { storyId: story, versionId: await versionId(context, story, version) }),
      );
      print(published, options.json ?? false, () => `published story ${story} version ${published.version}`);
    });

  stories
    .command('hold')
    .description('hold a version that waits for review, keeping it from publication')
    .argument('<story>', 'story id', storyId)
    .argument('<version>', 'version number', versionNumber)
    .requiredOption('--as <email>', 'the editor who acts (recorded in the audit log)')
    .option('--note <text>', 'why, for the other editors')
    .option('--json', 'print JSON')
    .action(
      async (
        story: number,
        version: number,
        options: ActingOptions & { note?: string },
        command: Command,
      ) => {
        const { holdVersion } = await import('../admin/versions.js');
        const held = await acting(command, options.as, async (deps, actor, context) =>
          holdVersion(deps, actor, {
            storyId: story,
            versionId: await versionId(context, story, version),
            note: options.note,
          }),
        );
        print(held, options.json ?? false, () => `held story ${story} version ${held.version}`);
      },
    );

  stories
    .command('unpublish')
    .description('take a published story off the site until an editor publishes a version again')
    .argument('<story>', 'story id', storyId)
    .requiredOption('--reason <text>', 'why the story comes down (recorded in the audit log)')
    .requiredOption('--as <email>', 'the editor who acts (recorded in the audit log)')
    .option('--json', 'print JSON')
    .action(async (story: number, options: ActingOptions & { reason: string }, command: Command) => {
      const { unpublishStory } = await import('../admin/versions.js');
      const result = await acting(command, options.as, (deps, actor) =>
        unpublishStory(deps, actor, { storyId: story, reason: options.reason }),
      );
      print(result, options.json ?? false, () => `unpublished story ${story} (${result.state})`);
    });

  stories
    .command('regenerate')
    .description('write a story again now, under the publish policy')
    .argument('<story>', 'story id', storyId)
    .option('--writer <writer>', 'extractive, or model (the configured LLM)', 'extractive')
    .requiredOption('--as <email>', 'the editor who acts (recorded in the audit log)')
    .option('--json', 'print JSON')
    .action(async (story: number, options: ActingOptions & { writer: string }, command: Command) => {
      const { regenerateStory } = await import('../admin/rewrite.js');
      const outcome = await acting(command, options.as, (deps, actor) =>
        regenerateStory(deps, actor, { storyId: story, writer: options.writer as 'extractive' | 'model' }),
      );
      print(outcome, options.json ?? false, () =>
        'version' in outcome
          ? `story ${story}: version ${outcome.version.version} ${outcome.status}`
          : `story ${story}: ${outcome.status.replaceAll('_', ' ')} (${outcome.reason})`,
      );
    });

  stories
    .command('merge')
    .description('merge one story into another that covers the same event')
    .argument('<from>', 'the story that goes', storyId)
    .argument('<into>', 'the story that stays', storyId)
    .requiredOption('--as <email>', 'the editor who acts (recorded in the audit log)')
    .option('--json', 'print JSON')
    .action(async (from: number, into: number, options: ActingOptions, command: Command) => {
      const { mergeStories } = await import('../admin/clustering.js');
      const kept = await acting(command, options.as, (deps, actor) =>
        mergeStories(deps, actor, { fromId: from, intoId: into }),
      );
      print(kept, options.json ?? false, () => `merged story ${from} into story ${into} (${kept.slug})`);
    });

  stories
    .command('split')
    .description('take an article out of a story into a story of its own; clustering keeps them apart')
    .argument('<story>', 'story id', storyId)
    .argument('<article>', 'article id', articleId)
    .requiredOption('--as <email>', 'the editor who acts (recorded in the audit log)')
    .option('--json', 'print JSON')
    .action(async (story: number, article: number, options: ActingOptions, command: Command) => {
      const { splitArticle } = await import('../admin/clustering.js');
      const result = await acting(command, options.as, (deps, actor) =>
        splitArticle(deps, actor, { storyId: story, articleId: article }),
      );
      print(
        result,
        options.json ?? false,
        () => `article ${article} left story ${story} for new story ${result.newStoryId}`,
      );
    });
}
