#!/usr/bin/env node
// Entry point for the `newsloom` command; the compiled CLI lives in dist/ (built by `npm run build`,
// which `npm ci` runs through the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`newsloom: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
