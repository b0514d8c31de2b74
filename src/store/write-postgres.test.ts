import { describe, it } from 'vitest';
import { writeStoreContract } from './write.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) writeStoreContract('postgres');
else describe('write storage contract on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
