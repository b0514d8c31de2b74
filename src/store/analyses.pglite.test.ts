import { analysesContract } from './analyses.case.js';

analysesContract('pglite');
