import { benchWrite } from './write.js';

// Each benchmark is a module exporting one function that returns a JSON-able result.
const results = [benchWrite()];
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
