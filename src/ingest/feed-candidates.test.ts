import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedCandidates } from './feed-candidates.js';

const input = (file: string, contentType: string | null = null) => ({
  body: readFileSync(path.join(import.meta.dirname, 'feed', 'testdata', file)),
  contentType,
  url: `https://feeds.example/${file}`,
  source: { key: file, url: `https://feeds.example/${file}`, language: null },
  now: new Date('2024-06-01T00:00:00Z'),
});

describe('feedCandidates', () => {
  it('counts every item left out by reason, with an example of each', () => {
    const out = feedCandidates(input('drops.xml'));
    expect(out.candidates.map((c) => c.article.title)).toEqual(['Kept']);
    expect(out.dropped).toEqual({ truncated: 1, duplicate: 1, no_text: 1, empty: 2 });
    // A repeat within the feed is not lost: its first copy is kept.
    expect(out.failed).toBe(4);
    expect(out.examples).toMatchObject({
      duplicate: 'https://drops.example/1b',
      no_text: 'https://drops.example/only-a-link',
    });
    expect(out.warnings).toContain('the document is cut off; 1 unfinished item left out');
  });

  it('drops no item that has text: untitled items get a title from their first sentence, marked derived', () => {
    const out = feedCandidates(input('microblog.xml'));
    expect(out.failed).toBe(0);
    expect(out.candidates.map((c) => [c.article.title, c.article.title_derived])).toEqual([
      ['Storm surge expected tonight around 2am.', true],
      [
        'A very long post without any full stop that just keeps going and going about the ferry timetable changes and the new…',
        true,
      ],
    ]);
    const press = feedCandidates(input('rss-item-only.xml'));
    expect(press.candidates.map((c) => [c.article.title, c.article.title_derived])).toEqual([
      ['Harbour authority approves the new ferry terminal.', true],
      ['Quarterly results', false],
    ]);
  });

  it('reads a feed whatever content type it was served with', () => {
    for (const type of ['text/html; charset=utf-8', 'application/octet-stream', 'image/png']) {
      expect(feedCandidates(input('rss-20-authors.xml', type)).candidates).toHaveLength(4);
    }
  });

  it('keeps an item with text but neither link nor id, under a key made from its text', () => {
    const out = feedCandidates({
      ...input('drops.xml'),
      body: Buffer.from(
        '<rss><channel><item><description>One post.</description></item><item><description>Another post.</description></item></channel></rss>',
      ),
    });
    expect(out.failed).toBe(0);
    expect(new Set(out.candidates.map((c) => c.article.canonical_url)).size).toBe(2);
  });
});
