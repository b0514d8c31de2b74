import { consoleContract } from './console.case.js';

consoleContract('pglite');
