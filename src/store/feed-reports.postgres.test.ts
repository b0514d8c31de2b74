import { describe, it } from 'vitest';
import { feedReportsContract } from './feed-reports.case.js';

if (process.env.TEST_DATABASE_URL) feedReportsContract('postgres');
else describe('feed reports on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
