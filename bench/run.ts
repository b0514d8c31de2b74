import { benchSite } from './site.js';

// Each benchmark prints one JSON object; ratios are against a floor measured in the same run.
const results: Record<string, unknown> = {};
results.site = await benchSite();
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
