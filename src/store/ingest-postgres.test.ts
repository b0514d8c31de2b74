import { describe, it } from 'vitest';
import { ingestStoreContract } from './ingest.case.js';

if (process.env.TEST_DATABASE_URL) ingestStoreContract('postgres');
else describe('ingest storage on postgres', () => it.todo('set TEST_DATABASE_URL to run it'));
