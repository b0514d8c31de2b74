import { main } from './main.js';

// The process entry: bin/newsloom.js loads the compiled copy of this file; tests run it through tsx.
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`newsloom: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
