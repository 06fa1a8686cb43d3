// A configuration for unit tests: output collected in memory, a fixed passwd/group, no files.
import { createSendmailConfig } from '../../src/cf/defaults.js';
import type { CfEnvironment } from '../../src/cf/environment.js';
import { readCf } from '../../src/cf/reader.js';
import type { SendmailConfig } from '../../src/cf/config.js';

export const testEnv: CfEnvironment = {
  readFile: (path) =>
    path === '/classes/words'
      ? { ok: true, text: 'one two\n# comment\nthree:x\n' }
      : { ok: false, code: 'ENOENT' },
  runProgram: () => ({ ok: true, text: 'prog1 prog2\n' }),
  getpwnam: (name) =>
    name === 'root' ? { name, uid: 0, gid: 0 } : name === 'mail' ? { name, uid: 8, gid: 8 } : null,
  getgrnam: (name) => (name === 'root' ? { name, gid: 0 } : name === 'mail' ? { name, gid: 8 } : null),
};

export interface Loaded {
  config: SendmailConfig;
  out: () => string;
}

/** A fresh configuration (before any .cf) with its output captured. */
export function freshConfig(): Loaded {
  let out = '';
  const config = createSendmailConfig({ write: (t) => void (out += t) }, testEnv);
  return { config, out: () => out };
}

/** A configuration after reading `text` as "t.cf". */
export function load(text: string): Loaded {
  const loaded = freshConfig();
  readCf(loaded.config, text, { fileName: 't.cf', env: testEnv });
  return loaded;
}
