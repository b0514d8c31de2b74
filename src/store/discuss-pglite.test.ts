import { discussContract } from './discuss.case.js';

discussContract('pglite');
