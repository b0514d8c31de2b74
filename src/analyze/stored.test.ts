import { describe, expect, it } from 'vitest';
import { evaldataPath } from '../../test/evaldata.js';
import { readLabelledArticles } from '../eval/clusters-input.js';
import { analyzeArticle } from './analyze.js';
import { readStoredAnalysis, storedAnalysis } from './stored.js';

const texts = readLabelledArticles(evaldataPath('summarization/multiling2011/documents.jsonl')).map(
  ({ article }) => ({ title: String(article.title), text: String(article.text) }),
);

describe('the stored form of an analysis', () => {
  it('reads back every field of real articles as analyzed', () => {
    for (const text of texts) {
      const analysis = analyzeArticle(text);
      expect(analysis.quotes.length + analysis.figures.length).toBeGreaterThan(0);
      expect(readStoredAnalysis(JSON.parse(storedAnalysis(analysis)))).toEqual(analysis);
    }
  });

  it('is much smaller than the plain JSON of the analysis', () => {
    for (const text of texts) {
      const { terms: _, ...analysis } = analyzeArticle(text);
      expect(storedAnalysis(analysis).length).toBeLessThan(JSON.stringify(analysis).length * 0.75);
    }
  });

  it('keeps entities readable as objects with key, name and kind', () => {
    const analysis = analyzeArticle({ title: 'Talks', text: 'Minister Kim Jung-kwan met Lee in Seoul.' });
    const stored = JSON.parse(storedAnalysis(analysis));
    expect(stored.entities.length).toBeGreaterThan(0);
    for (const e of stored.entities) expect(Object.keys(e)).toEqual(['key', 'name', 'kind', 'mentions']);
  });

  it('reads analyses stored in the plain form as they are', () => {
    const analysis = analyzeArticle({ title: 'Talks', text: 'Minister Kim said "talks go on" in Seoul.' });
    expect(readStoredAnalysis(JSON.parse(JSON.stringify(analysis)))).toEqual(analysis);
  });
});
