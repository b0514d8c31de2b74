import { clustersContract } from './clusters.case.js';

clustersContract('pglite');
