import { afterAll, describe, expect, it } from 'vitest';
import { evaldataPath } from '../../test/evaldata.js';
import { readLabelledArticles } from '../eval/clusters-input.js';
import { analyzeArticle } from './analyze.js';
import { backgroundFrequencies, withBackground } from './background.js';
import { analyzeInline, createAnalysisPool } from './pool.js';
import { completeAnalysis } from './prepared.js';
import { readStoredAnalysis } from './stored.js';

const articles = readLabelledArticles(evaldataPath('summarization/multiling2011/documents.jsonl')).map(
  ({ article }) => ({ title: String(article.title), text: String(article.text), language: null }),
);

const pool = createAnalysisPool({ threads: 2 });
afterAll(() => pool.close());

// Frequencies that give the keywords real weights: the background plus made-up running counts.
const df = withBackground({ docs: 40, get: (term) => (term.length % 5) * 3 }, backgroundFrequencies());

describe('analysis on worker threads', () => {
  it('gives exactly what analyzing on the calling thread gives, on real articles', async () => {
    const prepared = await Promise.all([
      pool.analyze(articles.slice(0, 15)),
      pool.analyze(articles.slice(15)),
    ]);
    const inline = await analyzeInline(articles);
    expect(prepared.flat()).toEqual(inline);
    for (const [i, p] of prepared.flat().entries()) {
      const { terms, ...whole } = analyzeArticle(articles[i]!, { df });
      const completed = completeAnalysis(p, { df });
      expect(readStoredAnalysis(JSON.parse(completed.json))).toEqual(whole);
      expect(completed.terms).toEqual(terms);
      expect(completed.digest.keywords).toEqual(whole.keywords);
      expect(completed.digest.entities).toEqual(
        whole.entities.map((e) => ({ key: e.key, kind: e.kind, mentions: e.mentions.length })),
      );
    }
    expect(articles.length).toBe(30);
    expect(prepared.flat().some((p) => p.digest.entities.length > 0)).toBe(true);
  });
});
