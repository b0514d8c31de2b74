import { describe, it } from 'vitest';
import { consoleContract } from './console.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) consoleContract('postgres');
else describe('console storage contract on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
