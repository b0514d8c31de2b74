import { testEngines } from '../db/testing.js';
import { importContract } from './import.case.js';

for (const engine of testEngines()) importContract(engine);
