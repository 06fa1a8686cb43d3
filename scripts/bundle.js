// Bundles the CLI (after tsc has built dist/) into a few files, so that `mailcf` starts without
// resolving and loading some fifty modules one by one: Node's ES module loader spends about as
// long on that as it takes to start. Each subcommand stays its own chunk, loaded only when it
// runs; npm packages stay outside the bundle. The library (the package's exports) is dist/ itself.
//
// The m4 command also gets a CommonJS bundle of its own, m4.cjs, with a V8 code cache beside
// it (m4.cjs.cache) made here by running a small m4 program through it: bin/mailcf.js loads
// it with bin/load-bundle.js, skipping the module loader and most compiling at start-up.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};

// Chunk names carry a hash: clear out those of earlier builds.
rmSync(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outdir,
  splitting: true,
  format: 'esm',
});

const m4Bundle = join(outdir, 'm4.cjs');
await build({
  ...common,
  stdin: {
    contents: "export { memoryIO, processIO } from './io.js';\nexport { runM4Command } from './m4.js';\n",
    resolveDir: join(root, 'dist', 'cli'),
  },
  outfile: m4Bundle,
  format: 'cjs',
  // import.meta.url names the bundle itself (createRequire resolves from there).
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

// A program that calls the builtins most runs call, so that their code is in the cache.
const WORKLOAD = `divert(-1)
define(\`walk', \`ifelse(\`$#', \`1', \`[$1]', \`walk(shift($@))')')
define(\`step', \`format(\`%06d:%-4s|', \`$1', \`x$2')\`'dnl
patsubst(\`item-$1-end', \`-\\([0-9]+\\)-', \`<\\1>')regexp(\`ab$1', \`b\\(.\\)', \`\\1')\`'dnl
translit(\`$1abc', \`0-9a-c', \`j-sA-C')len(\`$1')index(\`abc', \`c')substr(\`abcdef', \`1', \`2')\`'dnl
walk(\`$1', \`two', \`three', \`$2')incr(\`$1')ifdef(\`step', \`yes')
')
define(\`loop', \`ifelse(\`$1', \`0', \`', \`step(\`$1', eval(\`$1 % 7 + 2 * 3'))loop(decr(\`$1'))')')
pushdef(\`x', \`1')popdef(\`x')undefine(\`x')
divert(1)loop(50)
divert(0)undivert(1)dnl
changequote([, ])changecom([/*], [*/])dnl
`;
const { loadBundleForCache } = createRequire(import.meta.url)('../bin/load-bundle.js');
const { exports: m4, saveCache } = loadBundleForCache(m4Bundle);
const status = await m4.runM4Command(['-'], m4.memoryIO(WORKLOAD));
if (status !== 0) throw new Error(`the m4 bundle's warm-up program failed (status ${status})`);
saveCache();
