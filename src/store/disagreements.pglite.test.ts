import { disagreementsContract } from './disagreements.case.js';

disagreementsContract('pglite');
