import { describe, it } from 'vitest';
import { analysesContract } from './analyses.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) analysesContract('postgres');
else describe('analyses storage on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
