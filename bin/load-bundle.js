'use strict';
// Loads a CommonJS bundle of ours (scripts/bundle.js makes them) through V8's code cache, the
// bundle's functions compiled ahead of time: the file beside it named *.cache. A cache that
// is missing, stale or made by another Node.js is rejected by V8 and the bundle compiles as
// any script does, so the cache only ever saves time.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

/** The bundle as a script, with its cache when there is one. */
function compile(file) {
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper as Node's own for CommonJS modules.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  return new vm.Script(wrapped, { filename: file, cachedData });
}

/** Runs the compiled bundle and returns its exports. */
function run(script, file) {
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** The exports of the bundle in `file`. */
function loadBundle(file) {
  return run(compile(file), file);
}

/**
 * The exports of the bundle in `file`, compiled afresh, and a function that writes its code
 * cache once a workload has compiled the functions worth caching.
 */
function loadBundleForCache(file) {
  const script = compile(file);
  const exports = run(script, file);
  const saveCache = () => {
    const temporary = `${file}.cache.${process.pid}`;
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, `${file}.cache`);
  };
  return { exports, saveCache };
}

module.exports = { loadBundle, loadBundleForCache };
