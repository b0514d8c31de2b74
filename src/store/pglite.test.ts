import { storeContract } from './store.case.js';

storeContract('pglite');
