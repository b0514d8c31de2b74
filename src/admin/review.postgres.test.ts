import { describe, it } from 'vitest';
import { reviewContract } from './review.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) reviewContract('postgres');
else describe('editor review operations on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
