import { describe, it } from 'vitest';
import { siteContract } from './site.case.js';

// The same contract on a PostgreSQL server; CI always sets TEST_DATABASE_URL.
if (process.env.TEST_DATABASE_URL) siteContract('postgres');
else describe('site storage contract on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
