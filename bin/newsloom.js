#!/usr/bin/env node
// The `newsloom` command. The CLI is compiled into dist/ by `npm run build`, which `npm ci` runs
// through the prepare script.
import '../dist/cli/bin.js';
