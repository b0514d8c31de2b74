import { describe, it } from 'vitest';
import { clustersContract } from './clusters.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) clustersContract('postgres');
else describe('cluster storage on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
