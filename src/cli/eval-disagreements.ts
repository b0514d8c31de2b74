import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { detectByGoldStory, type LabelledArticle } from '../disagree/labelled.js';
import { readLabelledArticles } from '../eval/clusters-input.js';
import { parseLabelled, scoreDisagreements } from '../eval/disagreements.js';
import { AppError } from '../lib/errors.js';
import { print } from './context.js';

/** Adds `disagreements FILE --labels LABELS [--json]` to the `eval` command group. */
export function addDisagreementsCommand(evalCommand: Command): void {
  evalCommand
    .command('disagreements')
    .description('detect where sources disagree on articles grouped by their gold story and score it')
    .argument('<file>', 'articles in the interchange format, each with its gold `story`')
    .requiredOption('--labels <file>', 'JSON lines {"story","detail","status","values":[…]}')
    .option('--json', 'print the score as JSON')
    .action((file: string, options: { labels: string; json?: boolean }) => {
      let labels: ReturnType<typeof parseLabelled>;
      try {
        labels = parseLabelled(readFileSync(options.labels, 'utf8'));
      } catch (cause) {
        throw new AppError('invalid_input', `${options.labels}: ${(cause as Error).message}`, { cause });
      }
      const articles = readLabelledArticles(file).map(
        ({ article, story }): LabelledArticle => ({
          title: String(article.title ?? ''),
          text: String(article.text ?? ''),
          published_at: typeof article.published_at === 'string' ? article.published_at : null,
          source: { name: String((article.source as { name?: unknown } | undefined)?.name ?? 'unknown') },
          story,
        }),
      );
      const score = scoreDisagreements(labels, detectByGoldStory(articles));
      print(score, options.json ?? false, () =>
        [
          `labelled: ${score.labelled}, detected: ${score.detected}`,
          `recall: ${score.recall} (${score.found} found), precision: ${score.precision} (${score.correct} labelled)`,
          `status agrees on ${score.statusAgreement} of those found`,
          ...score.missed.map((m) => `missed: ${m.story} · ${m.detail} · ${m.values.join(' / ')}`),
          ...score.spurious.map((d) => `not labelled: ${d.story} · ${d.detail} · ${d.values.join(' / ')}`),
        ].join('\n'),
      );
    });
}
