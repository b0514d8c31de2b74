import { describe, it } from 'vitest';
import { newsroomStoreContract } from './newsroom.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) newsroomStoreContract('postgres');
else describe('newsroom rows on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
