import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect.js';
import { isDatabaseUnavailable } from './unavailable.js';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('a served database whose connections are cut', () => {
  it('survives losing a connection held between two queries of a transaction', async () => {
    const database = await openDatabase({ dataDir: '', databaseUrl: url, migrate: false });
    const killer = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const failure = await database.db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
          // What a server restart does to this connection while the transaction awaits other work.
          await killer.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
          // The server's goodbye reaches the idle client between two queries.
          await new Promise((resolve) => setTimeout(resolve, 200));
          await sql`SELECT 1`.execute(trx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isDatabaseUnavailable(failure), String(failure)).toBe(true);
      // The dead client left the pool: the next query gets a fresh connection.
      const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await killer.end();
      await database.close();
    }
  });
});
