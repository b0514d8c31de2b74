import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSettingsService, saveSettings } from '../admin/settings.js';
import { SETTINGS_KEY } from '../admin/settings-schema.js';
import { sourcesWithHealth } from '../admin/sources.js';
import { configSchema } from '../config/config.js';
import type { Database, Engine } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { silentLogger } from '../lib/log.js';
import { createSecretBox } from '../lib/secret-box.js';
import { auditActors, searchActions } from './audit.js';
import { articlesPerHour, articlesPerSource, newsroomCounters, queueDepth } from './dashboard.js';
import { recordAction } from './moderation.js';
import { getSetting, setSetting } from './site.js';
import { FIXTURE_STORIES, seedSite } from './site-fixture.js';

const NOW = new Date('2026-03-10T12:30:00Z');
const HOUR = 3_600_000;

/** The console's storage contract (dashboard counters, audit search, stored settings), on one engine. */
export function consoleContract(engine: Engine): void {
  describe(`console storage contract on ${engine}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      await seedSite(database.db, FIXTURE_STORIES, NOW);
      // Spread the articles over the last hours so the per-hour count has a shape to check.
      const ids = (await database.db.selectFrom('articles').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      );
      for (const [i, id] of ids.entries()) {
        const at = new Date(NOW.getTime() - (i % 3) * HOUR - 60_000);
        await sql`UPDATE articles SET created_at = ${at} WHERE id = ${id}`.execute(database.db);
      }
      await sql`UPDATE stories SET created_at = ${new Date(NOW.getTime() - HOUR)}`.execute(database.db);
    });
    afterAll(async () => database?.close());

    it('counts articles per hour and per source', async () => {
      const hours = await articlesPerHour(database.db, new Date(NOW.getTime() - 48 * HOUR));
      const total = (
        await database.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      expect(hours.reduce((s, h) => s + h.count, 0)).toBe(Number(total));
      expect(hours.length).toBe(3);
      for (const h of hours) expect(h.hour.getUTCMinutes()).toBe(0);
      const perSource = await articlesPerSource(database.db, new Date(NOW.getTime() - 48 * HOUR));
      expect([...perSource.values()].reduce((a, b) => a + b, 0)).toBe(Number(total));
    });

    it('counts what was formed and what waits', async () => {
      const [source] = await database.db.selectFrom('sources').select('id').limit(1).execute();
      await database.db
        .updateTable('sources')
        .set({ error_count: 2, last_error: 'HTTP 500' })
        .where('id', '=', source!.id)
        .execute();
      const counters = await newsroomCounters(database.db, new Date(NOW.getTime() - 48 * HOUR));
      expect(counters).toMatchObject({
        stories_formed: FIXTURE_STORIES.length,
        sources_failing: 1,
        versions_review: 0,
        comments_pending: 0,
        inaccuracy_open: 0,
      });
      const health = await sourcesWithHealth(database.db, NOW);
      expect(health.find((s) => s.id === source!.id)?.last_error).toBe('HTTP 500');
      expect(health.every((s) => s.items_per_day >= 0)).toBe(true);
    });

    it('reads the job queue depth when a queue table exists, and says so when none does', async () => {
      expect(await queueDepth(database.db, 'no_such_queue')).toBeNull();
      // A schema of its own per run: the PostgreSQL test database outlives the run.
      const schema = `console_q_${process.pid}_${Date.now()}`;
      const job = sql.table(`${schema}.job`);
      await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(database.db);
      try {
        await sql`CREATE TABLE ${job} (name text, state text)`.execute(database.db);
        await sql`INSERT INTO ${job} VALUES ('pipeline', 'created'), ('pipeline', 'active'),
          ('refresh-source', 'retry'), ('refresh-source', 'completed')`.execute(database.db);
        expect(await queueDepth(database.db, schema)).toEqual([
          { name: 'pipeline', waiting: 1, active: 1 },
          { name: 'refresh-source', waiting: 1, active: 0 },
        ]);
      } finally {
        await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(database.db);
      }
    });

    it('filters and pages the audit log', async () => {
      const user = await database.db
        .insertInto('users')
        .values({
          id: 'auditor',
          name: 'Audrey',
          email: 'audrey@example.com',
          email_verified: true,
          role: 'editor',
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (let i = 0; i < 5; i++)
        await recordAction(database.db, {
          actorId: user.id,
          action: 'source.edit',
          targetKind: 'source',
          targetId: i,
          before: { name: `old ${i}` },
          after: { name: `new ${i}` },
        });
      await recordAction(database.db, {
        actorId: null,
        action: 'set-role:editor',
        targetKind: 'user',
        targetId: 'x',
      });
      const page1 = await searchActions(database.db, { action: 'source.' }, { limit: 3 });
      expect(page1.entries.map((e) => e.target_id)).toEqual(['4', '3', '2']);
      expect(page1.more).toBe(true);
      expect(page1.entries[0]).toMatchObject({
        actor_name: 'Audrey',
        before: { name: 'old 4' },
        after: { name: 'new 4' },
      });
      const page2 = await searchActions(database.db, { action: 'source.' }, { limit: 3, offset: 3 });
      expect(page2).toMatchObject({ more: false });
      expect(page2.entries).toHaveLength(2);
      expect((await searchActions(database.db, { actor: 'operator' })).entries.map((e) => e.action)).toEqual([
        'set-role:editor',
      ]);
      expect(
        (await searchActions(database.db, { targetKind: 'source', targetId: '1' })).entries,
      ).toHaveLength(1);
      expect((await searchActions(database.db, { action: '%' })).entries).toHaveLength(0);
      expect((await searchActions(database.db, { from: new Date(Date.now() + HOUR) })).entries).toHaveLength(
        0,
      );
      expect(await auditActors(database.db)).toEqual([
        { id: 'auditor', name: 'Audrey', email: 'audrey@example.com' },
      ]);
    });

    it('stores settings that a second process sees after its TTL, with the key never in the log', async () => {
      const config = configSchema.parse({ dataDir: '/nonexistent', siteName: 'From config' });
      let clock = 0;
      const secrets = createSecretBox('the auth secret both processes share, 32+ chars');
      const web = createSettingsService({
        config,
        db: database.db,
        logger: silentLogger(),
        now: () => clock,
        secrets,
      });
      const worker = createSettingsService({
        config,
        db: database.db,
        logger: silentLogger(),
        now: () => clock,
        secrets,
      });
      expect((await worker.fresh()).config.siteName).toBe('From config');
      const saved = await saveSettings(web, 'auditor', {
        ...form(),
        siteName: 'The Daily Loom',
        llmApiKey: 'sk-secret-value',
      });
      expect(saved.ok).toBe(true);
      expect(web.current().config).toMatchObject({
        siteName: 'The Daily Loom',
        llmApiKey: 'sk-secret-value',
      });
      expect((await worker.fresh()).config.siteName).toBe('From config');
      clock += 5000;
      expect((await worker.fresh()).config).toMatchObject({
        siteName: 'The Daily Loom',
        clusterWindowHours: 72,
        llmApiKey: 'sk-secret-value',
      });
      // At rest the key is sealed: the row holds no trace of it.
      const row = await getSetting(database.db, SETTINGS_KEY);
      expect(JSON.stringify(row)).not.toContain('sk-secret-value');
      expect((row as { llmApiKey: string }).llmApiKey).toMatch(/^sealed:v1:/);
      const [entry] = (await searchActions(database.db, { targetKind: 'settings' })).entries;
      expect(JSON.stringify(entry)).not.toContain('sk-secret-value');
      expect(entry).toMatchObject({
        before: { siteName: 'From config', llmApiKey: 'unset' },
        after: { llmApiKey: 'set' },
      });
      // An empty key field keeps the stored key; the clear box removes it.
      await saveSettings(web, 'auditor', { ...form(), llmApiKey: '' });
      expect(web.current().config.llmApiKey).toBe('sk-secret-value');
      await saveSettings(web, 'auditor', { ...form(), clearApiKey: 'on' });
      expect(web.current().config.llmApiKey).toBeUndefined();
      const bad = await saveSettings(web, 'auditor', { ...form(), clusterThreshold: '1.5', siteName: ' ' });
      expect(bad).toEqual({
        ok: false,
        errors: { siteName: 'Site name is required', clusterThreshold: 'Join threshold must be at most 1' },
      });
    });

    it('seals a key found in the clear on first read, and ignores one sealed with another auth secret', async () => {
      const config = configSchema.parse({ dataDir: '/nonexistent' });
      // As an older release or an import leaves it.
      await setSetting(database.db, SETTINGS_KEY, {
        siteName: 'Imported',
        llmApiKey: 'sk-imported-in-the-clear',
      });
      const secrets = createSecretBox('this installation auth secret, 32+ chars');
      const here = createSettingsService({ config, db: database.db, logger: silentLogger(), secrets });
      expect((await here.reload()).config.llmApiKey).toBe('sk-imported-in-the-clear');
      const row = (await getSetting(database.db, SETTINGS_KEY)) as Record<string, string>;
      expect(row.siteName).toBe('Imported');
      expect(secrets.open(row.llmApiKey!)).toBe('sk-imported-in-the-clear');

      const logger = silentLogger();
      const warn = vi.spyOn(logger, 'warn');
      const elsewhere = createSettingsService({
        config,
        db: database.db,
        logger,
        secrets: createSecretBox('another installation auth secret, 32+'),
      });
      const { config: live } = await elsewhere.reload();
      expect(live.siteName).toBe('Imported');
      expect(live.llmApiKey).toBeUndefined();
      await elsewhere.reload();
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]![0]).toEqual({ fields: ['llmApiKey'] });
    });
  });
}

function form(): Record<string, string> {
  return {
    siteName: 'The Daily Loom',
    siteDescription: 'News from many sources, one article each.',
    publishPolicy: 'review',
    writer: 'extractive',
    llmBaseUrl: '',
    llmModel: '',
    clusterThreshold: '0.2',
    clusterMergeThreshold: '0.5',
    clusterWindowHours: '72',
    commentsCloseAfterDays: '14',
    commentsHeldForNewAccounts: '2',
    bannedWords: 'spamword, other',
    suspectWords: '',
  };
}
