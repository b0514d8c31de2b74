/**
 * `npm run bench [-- NAME...]`: runs the benchmarks (all, or those named) and prints one JSON object.
 * Figures are medians; each benchmark reports a ratio to a floor measured in the same run, because
 * absolute numbers on a shared machine say little.
 */
import { benchAnalyzeCluster } from './analyze.js';
import { benchComments } from './comments.js';
import { benchImport } from './import.js';
import { benchIngest } from './ingest.js';
import { benchEngines } from './lib.js';
import { benchLoad } from './load.js';
import { benchSite } from './site.js';
import { benchWrite } from './write.js';

type Bench = () => Promise<unknown>;

const benches: Record<string, Bench> = {
  import: async () => {
    const results = [];
    for (const engine of benchEngines()) results.push(await benchImport(engine));
    return results;
  },
  write: async () => benchWrite(),
  site: async () => benchSite(),
  comments: async () => benchComments(),
  analyze: async () => benchAnalyzeCluster(),
  ingest: async () => benchIngest(),
  load: async () => benchLoad(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}\n`,
  );
  process.exit(2);
}
const results: Record<string, unknown> = { started_at: new Date().toISOString(), node: process.version };
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
  process.stderr.write(`bench ${name}…\n`);
  results[name] = await benches[name]!();
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
