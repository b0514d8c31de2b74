import { writeStoreContract } from './write.case.js';

writeStoreContract('pglite');
