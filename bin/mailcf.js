#!/usr/bin/env node
// Entry point: run the compiled CLI and exit with its status once output has drained.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (err) => {
    process.stderr.write(`mailcf: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
