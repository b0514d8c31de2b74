import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { listSources } from '../store/sources.js';
import { countAll } from '../store/stats.js';
import { exportArticles } from './export.js';
import { importArticles } from './import.js';

const lines = [
  {
    id: 'r1',
    url: 'https://wire.example/a',
    title: 'Tariff talks open',
    text: 'Talks opened.',
    published_at: '2026-01-30T10:00:00Z',
    source: { name: 'Wire', url: 'https://wire.example' },
    language: 'en',
    author: 'A. Writer',
  },
  {
    id: 'r2',
    url: 'https://daily.example/b',
    title: 'Pledge of $350 billion',
    html: '<p>The pledge is <em>$350 billion</em>.</p>',
    published_at: '2026-01-31T09:30:00+09:00',
    source: { name: 'Daily', url: 'https://daily.example' },
  },
  { id: 'r3', title: 'No URL here', text: 'A wire story without a link.', source: { name: 'Agency' } },
].map((l) => JSON.stringify(l));

function stream(text: string): Readable {
  return Readable.from([text]);
}

/** Import and export against one engine. */
export function importContract(engine: Engine): void {
  describe(`import and export on ${engine}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('imports good lines, reports bad ones by line number, and adds nothing on re-import', async () => {
      const input = [
        lines[0],
        '{not json',
        lines[1],
        '',
        JSON.stringify({ title: 'x' }),
        lines[2],
        lines[0],
      ].join('\n');
      const stored: number[] = [];
      const first = await importArticles(database.db, stream(input), {
        batchSize: 2,
        onStored: (ids) => void stored.push(...ids),
      });
      expect(first).toMatchObject({ lines: 7, imported: 3, duplicates: 1, failed: 2 });
      expect(first.errors.map((e) => e.line)).toEqual([2, 5]);
      expect(first.errors[0]!.reason).toMatch(/^invalid JSON/);
      expect(first.errors[1]!.reason).toMatch(/missing text/);
      expect(stored).toHaveLength(3);

      const again = await importArticles(database.db, stream(input));
      expect(again).toMatchObject({ imported: 0, duplicates: 4, failed: 2 });
      expect(await countAll(database.db)).toMatchObject({ sources: 3, articles: 3 });
      // Each source delivered one distinct article, however often it was imported.
      const seen = Object.fromEntries((await listSources(database.db)).map((s) => [s.name, s.items_seen]));
      expect(seen).toEqual({ Wire: 1, Daily: 1, Agency: 1 });
    });

    it('exports every article back in the interchange format', async () => {
      const chunks: string[] = [];
      const out = new Writable({
        write(chunk, _enc, done) {
          chunks.push(chunk.toString());
          done();
        },
      });
      const count = await exportArticles(database.db, out, 2);
      expect(count).toBe(3);
      const exported = chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(exported.map((a) => a.id)).toEqual(['r1', 'r2', 'r3']);
      expect(exported[0]).toMatchObject({
        url: 'https://wire.example/a',
        title: 'Tariff talks open',
        text: 'Talks opened.',
        published_at: '2026-01-30T10:00:00.000Z',
        source: { name: 'Wire', url: 'https://wire.example/' },
        language: 'en',
        author: 'A. Writer',
      });
      expect(exported[1]).toMatchObject({
        text: 'The pledge is $350 billion.',
        published_at: '2026-01-31T00:30:00.000Z',
      });
      expect(exported[1].html).toContain('<em>$350 billion</em>');
      expect(exported[2]).toMatchObject({ published_at: null, source: { name: 'Agency' } });

      // Round trip: importing the export into a fresh database reproduces the same articles.
      const copy = await openTestDatabase(engine);
      try {
        const summary = await importArticles(copy.db, stream(chunks.join('')));
        expect(summary).toMatchObject({ imported: 3, failed: 0 });
        const back: string[] = [];
        await exportArticles(
          copy.db,
          new Writable({
            write(chunk, _enc, done) {
              back.push(chunk.toString());
              done();
            },
          }),
        );
        expect(back.join('')).toBe(chunks.join(''));
      } finally {
        await copy.close();
      }
    });
  });
}
