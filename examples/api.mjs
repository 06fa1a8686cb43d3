// mailcf's typed API in a few lines (run after `npm ci`: node examples/api.mjs).
import {
  M4,
  createSendmailConfig,
  main,
  memoryIO,
  nodeCfEnvironment,
  readCf,
} from '../dist/index.js';

// 1. The m4 engine: define a JS builtin, expand text, read output and diagnostics as data.
const m4 = new M4();
m4.defineBuiltin('upper', (args) => (args[0] ?? '').toUpperCase());
m4.expand("define(`greet', `hello, upper($1)')greet(`world')\neval(`1/0')\n");
m4.finish();
console.log(m4.output().trimEnd()); // hello, WORLD (and the empty line eval left)
for (const d of m4.diagnostics) console.log(`${d.file}:${d.line}: ${d.message}`);

// 2. A .cf as a typed model: its rulesets, mailers and options.
const cf = [
  'V10/Berkeley',
  'Do.:%@!^=/[]',
  'Mlocal, P=/bin/true, F=lsDFM, A=true $u',
  'Scanonify=3',
  'R$* < $* > $*\t$2\t\tstrip the angle brackets',
].join('\n');
const config = createSendmailConfig({ write: (t) => process.stdout.write(t) }, nodeCfEnvironment());
readCf(config, `${cf}\n`, { fileName: 'inline.cf', env: nodeCfEnvironment() });
console.log('canonify is ruleset', config.rulesets.numberOf('canonify'));
console.log('mailers:', config.mailers.filter(Boolean).map((m) => m.name).join(', '));

// 3. Any command in-process, as the CLI runs it: here m4 on a string, standard input.
const io = memoryIO('divert(1)world\ndivert(0)hello\n');
const status = await main(['m4'], io);
console.log(status, JSON.stringify(io.out()));
