import { feedReportsContract } from './feed-reports.case.js';

feedReportsContract('pglite');
