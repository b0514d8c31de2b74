import { siteContract } from './site.case.js';

siteContract('pglite');
