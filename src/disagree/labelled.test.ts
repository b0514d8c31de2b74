import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLabelled, scoreDisagreements } from '../eval/disagreements.js';
import { detectByGoldStory, type LabelledArticle } from './labelled.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const articles = (path: string): LabelledArticle[] =>
  read(path)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LabelledArticle);

// Floors are the figures measured when detection last changed (see the commit), so a change that
// loses disagreements or adds false ones fails here; they are not the targets (recall 0.9,
// precision 0.8 on the demo).
describe('disagreements on labelled sets, articles grouped by their gold story', () => {
  it('finds the disagreements planted in the demo corpus (demo/README.md)', () => {
    const score = scoreDisagreements(
      parseLabelled(read('./testdata/demo-planted.jsonl')),
      detectByGoldStory(articles('../../demo/corpus.jsonl')),
    );
    expect(score.labelled).toBe(21);
    expect(score.recall).toBeGreaterThanOrEqual(1);
    expect(score.precision).toBeGreaterThanOrEqual(1);
    // A revision is told from a dispute: homes destroyed and heaters recalled are "revised".
    expect(score.statusAgreement).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the disagreements of a second fictional set and flags none of its look-alike figures', () => {
    const score = scoreDisagreements(
      parseLabelled(read('./testdata/second-set.labels.jsonl')),
      detectByGoldStory(articles('./testdata/second-set.jsonl')),
    );
    expect(score.labelled).toBe(14);
    expect(score.recall).toBeGreaterThanOrEqual(0.92);
    // The ferry's licensed capacity (300) is not the number aboard; levy, severance, bridge length
    // and tower height are written in several units and spellings that agree; households still
    // without power are not the storm's peak, a range of roads closed holds the count, and the
    // board's second vote is not its first.
    expect(score.spurious).toEqual([]);
  });
});
