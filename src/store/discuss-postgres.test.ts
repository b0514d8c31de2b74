import { describe, it } from 'vitest';
import { discussContract } from './discuss.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) discussContract('postgres');
else describe('discussion storage on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
