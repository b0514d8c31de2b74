import { newsroomStoreContract } from './newsroom.case.js';

newsroomStoreContract('pglite');
