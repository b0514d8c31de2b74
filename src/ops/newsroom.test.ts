import { testEngines } from '../db/testing.js';
import { newsroomContract } from './newsroom.case.js';

for (const engine of testEngines()) newsroomContract(engine);
