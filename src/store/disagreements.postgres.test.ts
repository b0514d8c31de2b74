import { describe, it } from 'vitest';
import { disagreementsContract } from './disagreements.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) disagreementsContract('postgres');
else describe('disagreements storage contract on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
