import { reviewContract } from './review.case.js';

reviewContract('pglite');
