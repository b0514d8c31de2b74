import { Readable, Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import { SETTINGS_KEY } from '../admin/settings-schema.js';
import { openTestDatabase } from '../db/testing.js';
import { createSecretBox } from '../lib/secret-box.js';
import { insertArticles, markDuplicate } from '../store/articles.js';
import { setSetting } from '../store/site.js';
import { upsertSourceByKey } from '../store/sources.js';
import { assignArticle, insertStory, insertStoryVersion } from '../store/stories.js';
import { exportNewsroom } from './newsroom-export.js';
import { importNewsroom } from './newsroom-import.js';

function sink(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    out: new Writable({
      write(chunk, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

/** Rows after the header; the header carries the export time, which differs between runs. */
function body(text: string): string {
  return text.split('\n').slice(1).join('\n');
}

async function fill(database: Database): Promise<void> {
  const db = database.db;
  await sql`INSERT INTO users (id, name, email, email_verified, role) VALUES ('u1', 'Ada', 'ada@example.org', true, 'editor')`.execute(
    db,
  );
  await sql`INSERT INTO accounts (id, account_id, provider_id, user_id, password, updated_at)
    VALUES ('acc1', 'u1', 'credential', 'u1', 'scrypt-hash-secret', now())`.execute(db);
  await sql`INSERT INTO sessions (id, expires_at, token, updated_at, user_id)
    VALUES ('s1', now() + interval '1 day', 'session-token-secret', now(), 'u1')`.execute(db);
  const a = await upsertSourceByKey(db, {
    key: 'https://wire.example/',
    kind: 'feed',
    name: 'Wire',
    url: 'https://wire.example/feed',
  });
  const b = await upsertSourceByKey(db, { key: 'name:daily', kind: 'import', name: 'Daily' });
  const base = {
    fetched_at: new Date('2026-11-20T10:00:00Z'),
    published_at: new Date('2026-11-20T09:00:00Z'),
  };
  const { inserted } = await insertArticles(db, [
    {
      ...base,
      source_id: a.id,
      url: 'https://wire.example/1',
      canonical_url: 'https://wire.example/1',
      title: 'Talks open',
      text: 'Talks opened in Varnholm.',
      content_hash: 'h1',
    },
    {
      ...base,
      source_id: b.id,
      url: 'https://daily.example/1',
      canonical_url: 'https://daily.example/1',
      title: 'Talks open (copy)',
      text: 'Talks opened in Varnholm.',
      content_hash: 'h1',
    },
  ]);
  const [first, second] = [...inserted.values()];
  await markDuplicate(db, second!, first!);
  const story = await insertStory(db, {
    slug: 'talks-open',
    first_seen_at: base.fetched_at,
    last_seen_at: base.fetched_at,
  });
  await assignArticle(db, { storyId: story.id, articleId: first!, score: 1 });
  await assignArticle(db, { storyId: story.id, articleId: second!, score: 0.9 });
  await insertStoryVersion(db, {
    story_id: story.id,
    headline: 'Talks open in Varnholm',
    dek: 'Talks opened.',
    body: {
      lede: [{ text: 'Talks opened in Varnholm.', citations: [{ article_id: first!, start: 0, end: 25 }] }],
      sections: [],
      quotes: [],
      figures: [],
    },
    writer: 'extractive',
    source_count: 2,
    publisher_count: 2,
    generated_at: base.fetched_at,
  });
}

/** Whole-newsroom export and import against one engine. */
export function newsroomContract(engine: Engine): void {
  describe(`whole-newsroom export and import on ${engine}`, () => {
    let source: Database;
    let target: Database;
    beforeAll(async () => {
      [source, target] = await Promise.all([openTestDatabase(engine), openTestDatabase(engine)]);
      await fill(source);
    });
    afterAll(async () => {
      await source?.close();
      await target?.close();
    });

    it('round-trips every table with ids, cross references and sequences intact', async () => {
      const first = sink();
      const counts = await exportNewsroom(source.db, first.out, 1);
      expect(counts).toMatchObject({
        sources: 2,
        articles: 2,
        stories: 1,
        story_articles: 2,
        story_versions: 1,
      });
      const header = JSON.parse(first.text().split('\n')[0]!);
      expect(header).toMatchObject({ type: 'newsloom-export', version: 1 });
      expect(header.tables.indexOf('sources')).toBeLessThan(header.tables.indexOf('articles'));
      // Users travel without secrets: no sessions, no password hashes, no mailed tokens.
      expect(counts).toMatchObject({ users: 1, accounts: 1 });
      expect(header.tables).not.toContain('sessions');
      expect(header.tables).not.toContain('mail_outbox');
      expect(first.text()).not.toMatch(/scrypt-hash-secret|session-token-secret/);

      const loaded = await importNewsroom(target.db, Readable.from([first.text()]), 1);
      expect(loaded).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
      const second = sink();
      await exportNewsroom(target.db, second.out);
      expect(body(second.text())).toBe(body(first.text()));

      // New rows continue after the imported ids instead of colliding with them.
      const next = await upsertSourceByKey(target.db, { key: 'name:new', kind: 'import', name: 'New' });
      expect(next.id).toBeGreaterThan(2);
    });

    it('leaves the secrets saved in the console out, unless asked for, then in the clear', async () => {
      const box = createSecretBox('the auth secret of the exporting site, 32+');
      await setSetting(source.db, SETTINGS_KEY, {
        siteName: 'Loom',
        llmApiKey: box.seal('sk-kept-secret-1234'),
      });
      const settingsRow = (text: string) =>
        text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
          .find((line) => line.table === 'site_settings' && line.row.key === SETTINGS_KEY)?.row.value;
      const plain = sink();
      await exportNewsroom(source.db, plain.out);
      expect(settingsRow(plain.text())).toEqual({ siteName: 'Loom' });
      expect(plain.text()).not.toContain('sealed:v1:');
      const asked = sink();
      await exportNewsroom(source.db, asked.out, undefined, { openSecret: box.open });
      expect(settingsRow(asked.text())).toEqual({ siteName: 'Loom', llmApiKey: 'sk-kept-secret-1234' });
    });

    it('refuses to load into a database that already holds a newsroom', async () => {
      const again = sink();
      await exportNewsroom(source.db, again.out);
      await expect(importNewsroom(source.db, Readable.from([again.text()]))).rejects.toThrow(
        /only be imported into an empty database/,
      );
    });
  });
}
