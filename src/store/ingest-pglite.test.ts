import { ingestStoreContract } from './ingest.case.js';

ingestStoreContract('pglite');
