// Bundles the CLI (after tsc has built dist/) into a few files, so that `mailcf` starts without
// resolving and loading some fifty modules one by one: Node's ES module loader spends about as
// long on that as it takes to start. Each subcommand stays its own chunk, loaded only when it
// runs; npm packages stay outside the bundle. The library (the package's exports) is dist/ itself.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

// Chunk names carry a hash: clear out those of earlier builds.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
