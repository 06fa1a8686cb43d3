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

// Programs that call the builtins most runs call, so that their code is in the cache: the
// benchmark's loop (define, ifelse, $@, shift, format, patsubst, translit, eval, decr, dnl) a
// few times over, and the rest of the common ones once.
const HEAVY_LOOP = ['-DITERATIONS=50', join(root, 'bench', 'm4-heavy.m4')];
const OTHERS = `regexp(\`abc', \`b\\(.\\)', \`\\1') len(\`ab') index(\`abc', \`c') substr(\`abc', \`1')
incr(\`1') ifdef(\`x', \`', \`no') pushdef(\`x', \`1') popdef(\`x') undefine(\`x') divert(1)x
divert(0)undivert(1)changequote([, ])changecom([/*], [*/])dnl
`;
const { loadBundleForCache } = createRequire(import.meta.url)('../bin/load-bundle.js');
const { exports: m4, saveCache } = loadBundleForCache(m4Bundle);
for (const [argv, stdin] of [
  [HEAVY_LOOP, ''],
  [['-'], OTHERS],
]) {
  const status = await m4.runM4Command(argv, m4.memoryIO(stdin));
  if (status !== 0) throw new Error(`the m4 bundle's warm-up program failed (status ${status})`);
}
saveCache();
