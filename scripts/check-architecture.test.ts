import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchitecture, sqlIn } from './check-architecture.js';

describe('SQL finder', () => {
  const cases: { name: string; code: string; found: string[] }[] = [
    {
      name: 'a query builder',
      code: "db.selectFrom('articles').selectAll()",
      found: ['query builder .selectFrom()'],
    },
    {
      name: 'an update on a transaction',
      code: "await trx.updateTable('users').set({ role }).execute();",
      found: ['query builder .updateTable()'],
    },
    { name: 'an insert', code: "db.insertInto('x').values(v)", found: ['query builder .insertInto()'] },
    {
      name: 'a delete',
      code: "db.deleteFrom('x').where('id', '=', 1)",
      found: ['query builder .deleteFrom()'],
    },
    {
      name: 'a common table expression',
      code: "db.with('recent', (q) => q.selectAll())",
      found: ['query builder .with()'],
    },
    { name: 'Array#with, which is no query', code: 'const next = list.with(0, 1);', found: [] },
    {
      name: 'kysely sql tag',
      code: "import { sql } from 'kysely';\nawait sql`SELECT 1`.execute(db);",
      found: ["imports kysely's sql", 'sql`…` template'],
    },
    {
      name: 'the sql tag under another name',
      code: "import { sql as q } from 'kysely';\nq`DELETE FROM x`;",
      found: ["imports kysely's sql", 'q`…` template'],
    },
    { name: 'a re-exported sql tag', code: 'sql.raw`x`;', found: ['sql`…` template'] },
    {
      name: 'a re-export of the tag',
      code: "export { sql } from 'kysely';",
      found: ["imports kysely's sql"],
    },
    { name: 'all of kysely', code: "import * as k from 'kysely';", found: ['imports all of kysely'] },
    { name: 'kysely types only', code: "import type { Kysely, sql } from 'kysely';", found: [] },
    { name: 'a type among values', code: "import { type Kysely } from 'kysely';", found: [] },
    {
      name: 'SQL text given to a pool',
      code: "await pool.query('select id from job where state = $1', ['active']);",
      found: ['SQL text passed to .query()'],
    },
    {
      name: 'SQL template given to PGlite',
      code: `await pg.exec(\`CREATE TABLE \${name} (id int)\`);`,
      found: ['SQL text passed to .exec()'],
    },
    { name: 'a query string of a request', code: "const limit = c.req.query('limit');", found: [] },
    { name: 'a regular expression', code: "const m = /x/.exec('select it');", found: [] },
    {
      name: 'SQL kept in a string for later',
      code: "const text = 'UPDATE users SET role = $1';",
      found: ['SQL statement in a string'],
    },
    { name: 'an HTTP method', code: "fetch(url, { method: 'DELETE' });", found: [] },
    { name: 'words in a sentence', code: "const hint = 'Select a source from the list';", found: [] },
  ];
  it.each(cases)('$name', ({ code, found }) => {
    expect(sqlIn('src/web/x.ts', code).map((f) => f.what)).toEqual(found);
  });

  it('gives the line of each finding', () => {
    expect(sqlIn('src/a.ts', "const a = 1;\n\ndb.selectFrom('x');")).toEqual([
      { file: 'src/a.ts', line: 3, what: 'query builder .selectFrom()' },
    ]);
  });
});

describe('architecture check on a tree', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A small project: SQL in the store, a route calling it, SQL in a test and in test/. */
  function tree(extra: Record<string, string> = {}): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'newsloom-architecture-'));
    dirs.push(root);
    const files: Record<string, string> = {
      'src/store/articles.ts':
        "import { sql } from 'kysely';\nexport const count = (db: any) => sql`SELECT count(*) FROM articles`.execute(db);\n" +
        "export const one = (db: any) => db.selectFrom('articles').selectAll().executeTakeFirst();\n",
      'src/db/connect.ts': "export const ping = (pool: any) => pool.query('SELECT 1');\n",
      'src/web/route.ts':
        "import { one } from '../store/articles.js';\nexport const page = (db: any) => one(db);\n",
      'src/web/route.test.ts':
        "import { page } from './route.js';\nexport const t = (db: any) => [page(db), db.deleteFrom('articles')];\n",
      'src/web/route.case.ts': "export const setup = (db: any) => db.insertInto('articles').values({});\n",
      'test/fixture.ts':
        "export const seed = (pool: any) => pool.query('INSERT INTO articles DEFAULT VALUES');\n",
      ...extra,
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  it('passes a clean tree: SQL in the store and the connection, in tests, contract cases and test/', async () => {
    expect(await checkArchitecture(tree())).toEqual([]);
  });

  it('fails on a query planted outside the store', async () => {
    const root = tree({
      'src/web/route.ts':
        "import { one } from '../store/articles.js';\nexport const page = (db: any) => one(db);\n" +
        "export const all = (db: any) => db.selectFrom('articles').selectAll().execute();\n",
    });
    expect(await checkArchitecture(root)).toEqual([
      'sql: src/web/route.ts:3 query builder .selectFrom() (SQL belongs in src/store/)',
    ]);
  });

  it('fails on an import cycle, a type-only one included', async () => {
    const root = tree({
      'src/cluster/cluster.ts':
        "import { flush } from './flush.js';\nexport interface Result { n: number }\nexport const run = () => flush();\n",
      'src/cluster/flush.ts':
        "import type { Result } from './cluster.js';\nexport const flush = (): Result => ({ n: 1 });\n",
    });
    expect(await checkArchitecture(root)).toEqual([
      'cycle: src/cluster/cluster.ts -> src/cluster/flush.ts -> src/cluster/cluster.ts',
    ]);
  });
});
