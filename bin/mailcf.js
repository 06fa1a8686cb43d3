#!/usr/bin/env node
// Entry point: run the bundled CLI (scripts/bundle.js) and exit with its status once output has drained.
import { main } from '../dist/bundle/main.js';

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (err) => {
    process.stderr.write(`mailcf: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
