#!/usr/bin/env node
'use strict';
// Entry point. `mailcf m4` runs from a CommonJS bundle of the m4 command loaded through V8's
// code cache (it starts in two thirds of the time, and m4 is what scripts run most); every
// other command runs the ES module bundle of the whole CLI. Both come from scripts/bundle.js.
// The exit status is set once output has drained.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const bundles = path.join(__dirname, '..', 'dist', 'bundle');
const argv = process.argv.slice(2);

Promise.resolve()
  .then(() => {
    if (argv[0] === 'm4') {
      // What the CLI's own dispatch does for `m4` (src/cli/commands.ts), minus the loading.
      const { loadBundle } = require('./load-bundle.js');
      const { processIO, runM4Command } = loadBundle(path.join(bundles, 'm4.cjs'));
      return runM4Command(argv.slice(1), processIO());
    }
    return import(pathToFileURL(path.join(bundles, 'main.js')).href).then((cli) => cli.main(argv));
  })
  .then(
    (status) => {
      process.exitCode = status;
    },
    (err) => {
      process.stderr.write(`mailcf: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 70;
    },
  );
