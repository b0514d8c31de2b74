import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFrequencyCache } from '../analyze/run.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { insertArticles } from '../store/articles.js';
import { storyPlacements } from '../store/clusters.js';
import { embeddingsOf } from '../store/embeddings.js';
import { upsertSourceByKey } from '../store/sources.js';
import { clusterArticles } from './cluster.js';
import { articleEmbeddings, createEmbedder } from './embeddings.js';
import { defaultClusterSettings } from './settings.js';

// A stand-in for an OpenAI-compatible /v1/embeddings endpoint on loopback: each text becomes a
// bag of hashed words, so texts that share words get close vectors.
function vectorOf(text: string): number[] {
  const v = new Array(32).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    let h = 0;
    for (const c of word) h = (h * 31 + c.charCodeAt(0)) % 32;
    v[h] += 1;
  }
  return v;
}

function standIn(state: { calls: number; texts: number; fail: boolean }): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      state.calls++;
      if (state.fail || req.url !== '/v1/embeddings') {
        res.writeHead(state.fail ? 500 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'down for maintenance' } }));
        return;
      }
      const { input, model } = JSON.parse(body) as { input: string[]; model: string };
      state.texts += input.length;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          model,
          data: input.map((text, index) => ({ object: 'embedding', index, embedding: vectorOf(text) })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
}

describe('article embeddings from an OpenAI-compatible endpoint', () => {
  const state = { calls: 0, texts: 0, fail: false };
  let server: Server;
  let database: Database;
  let baseUrl: string;
  let source: number;
  let n = 0;

  const add = async (title: string, text: string) => {
    n++;
    const url = `https://emb.example/${n}`;
    const { inserted } = await insertArticles(database.db, [
      {
        source_id: source,
        url,
        canonical_url: url,
        title,
        text,
        published_at: new Date('2026-10-04T10:00:00Z'),
        fetched_at: new Date('2026-10-04T10:00:00Z'),
        content_hash: `emb-${n}`,
      },
    ]);
    return inserted.get(url)!;
  };

  beforeAll(async () => {
    server = standIn(state);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    database = await openTestDatabase('pglite');
    source = (await upsertSourceByKey(database.db, { key: 'name:emb', kind: 'import', name: 'E' })).id;
  });
  afterAll(async () => {
    await database?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('embeds each article once, stores the vector and shows it in the evidence', async () => {
    const embedder = createEmbedder({ baseUrl, model: 'stand-in' });
    const deps = {
      db: database.db,
      settings: defaultClusterSettings,
      frequencies: newFrequencyCache(),
      embedder,
    };
    const a = await add(
      'Fire at Caldmoor mill kills two',
      'Fire swept through the Hartwell mill in Caldmoor.',
    );
    const b = await add('Caldmoor mill fire: two dead', 'Two workers died in the fire at the Hartwell mill.');
    const [ra, rb] = await clusterArticles(deps, [a, b]);
    expect(state.texts).toBe(2);
    const stored = await embeddingsOf(database.db, [a, b], 'stand-in');
    expect(stored.size).toBe(2);
    expect(Math.hypot(...stored.get(a)!)).toBeCloseTo(1, 5);
    const again = await articleEmbeddings(deps, [{ id: a, title: 'x', text: 'y' }]);
    expect(state.texts).toBe(2);
    expect(again.get(a)).toBeInstanceOf(Float32Array);
    expect(rb!.storyId).toBe(ra!.storyId);
    const placements = await storyPlacements(database.db, rb!.storyId);
    expect(placements.find((p) => p.article_id === b)!.evidence!.embedding).toBeGreaterThan(0.5);
  });

  it('clusters offline with one log line when the endpoint fails, losing no article', async () => {
    state.fail = true;
    const lines: { msg: string; model?: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const deps = {
      db: database.db,
      settings: defaultClusterSettings,
      frequencies: newFrequencyCache(),
      embedder: createEmbedder({ baseUrl, model: 'stand-in-2' }),
      logger,
    };
    const c = await add('Kettle recall widens', 'Brisa Home recalls AquaPour kettles.');
    const placed = await clusterArticles(deps, [c]);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.storyId).toBeGreaterThan(0);
    expect(lines.filter((l) => l.msg.startsWith('embeddings endpoint failed'))).toHaveLength(1);
    expect(lines[0]!.model).toBe('stand-in-2');
    expect((await embeddingsOf(database.db, [c], 'stand-in-2')).size).toBe(0);
  });
});
