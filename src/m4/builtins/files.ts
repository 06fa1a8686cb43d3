// Files, locations and temporary files: include, sinclude, __file__, __line__, __program__,
// maketemp, mkstemp, debugmode, debugfile.
import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strerror } from '../errno.js';
import type { Runtime } from '../runtime.js';
import { argText, type BuiltinDef, type MacroArg } from '../types.js';
import { builtin } from './define.js';
import { terminated } from './strings.js';

function include(rt: Runtime, argv: MacroArg[], silent: boolean): string {
  if (rt.badArgc(argv, 2, 2)) return '';
  const name = argText(argv, 1);
  const found = rt.searchFile(name);
  if (!found.ok) {
    if (!silent) {
      rt.warn(`cannot open \`${name}': ${strerror(found.error)}`);
      rt.reporter.retcode = 1;
    }
    return '';
  }
  rt.input.pushFile(found.text, found.name);
  return '';
}

const TEMP_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// node:crypto is loaded when a temporary file is first made, not by every run.
const require = createRequire(import.meta.url);

/** glibc's mkstemp: replaces the trailing XXXXXX and creates the file exclusively (mode 0600). */
function makeTempFile(rt: Runtime, template: string): { name: string } | { error: unknown } {
  // A file GNU would make after writing the output held back (its reader may be gone).
  rt.stdout.release();
  const { randomInt } = require('node:crypto') as typeof import('node:crypto');
  const stem = template.slice(0, -6);
  for (let attempt = 0; attempt < 1000; attempt++) {
    let suffix = '';
    for (let i = 0; i < 6; i++) suffix += TEMP_CHARS[randomInt(TEMP_CHARS.length)];
    const name = stem + suffix;
    try {
      closeSync(openSync(rt.resolvePath(name), 'wx', 0o600));
      return { name };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { error: err };
    }
  }
  return { error: Object.assign(new Error('EEXIST'), { code: 'EEXIST' }) };
}

/** GNU's mkstemp_helper: pads the template to six trailing X's and returns the quoted name. */
function mkstemp(rt: Runtime, me: string, pattern: string): string {
  let xs = 0;
  while (xs < 6 && xs < pattern.length && pattern[pattern.length - xs - 1] === 'X') xs++;
  const template = pattern + 'X'.repeat(6 - xs);
  const made = makeTempFile(rt, template);
  if ('error' in made) {
    rt.reporter.errorAt(
      rt.input.currentFile,
      rt.input.currentLine,
      `${me}: cannot create tempfile \`${pattern}': ${strerror(made.error)}`,
      0,
    );
    return '';
  }
  return rt.scanner.lquote + made.name + rt.scanner.rquote;
}

/** maketemp under -G: POSIX's trailing X's replaced by the process id, no file made. */
function traditionalMaketemp(pattern: string): string {
  const len = pattern.length;
  let i = len;
  while (i > 1 && pattern[i - 1] === 'X') i--;
  let out = pattern.slice(0, i);
  const pid = String(process.pid);
  if (pid.length > len - i) return out + pid.slice(pid.length - (len - i));
  while (i++ < len - pid.length) out += '0';
  return out + pid;
}

export const fileBuiltins: BuiltinDef[] = [
  builtin('__file__', { gnu: true }, (rt, argv) => {
    rt.badArgc(argv, 1, 1);
    return rt.scanner.lquote + rt.input.currentFile + rt.scanner.rquote;
  }),
  builtin('__line__', { gnu: true }, (rt, argv) => {
    rt.badArgc(argv, 1, 1);
    return String(rt.input.currentLine);
  }),
  builtin('__program__', { gnu: true }, (rt, argv) => {
    rt.badArgc(argv, 1, 1);
    return rt.scanner.lquote + rt.programName + rt.scanner.rquote;
  }),
  builtin('debugmode', { gnu: true }, (rt, argv) => {
    if (rt.badArgc(argv, 1, 2)) return '';
    if (argv.length === 1) {
      rt.setDebugLevel(0);
      return '';
    }
    const flags = argText(argv, 1);
    const change = flags[0] === '+' || flags[0] === '-' ? flags[0] : '';
    const level = rt.debug.decode(change === '' ? flags : flags.slice(1));
    if (level < 0) {
      rt.warn(`Debugmode: bad debug flags: \`${flags}'`);
    } else if (change === '+') {
      rt.setDebugLevel(rt.debug.level | level);
    } else if (change === '-') {
      rt.setDebugLevel(rt.debug.level & ~level);
    } else {
      rt.setDebugLevel(level);
    }
    return '';
  }),
  builtin('debugfile', { gnu: true }, (rt, argv) => {
    if (rt.badArgc(argv, 1, 2)) return '';
    if (argv.length === 1) {
      rt.setDebugFile(undefined);
      return '';
    }
    const err = rt.setDebugFile(argText(argv, 1));
    if (err !== undefined) rt.warn(`cannot set debug file \`${argText(argv, 1)}': ${strerror(err)}`);
    return '';
  }),
  builtin('include', { blind: true }, (rt, argv) => include(rt, argv, false)),
  builtin('maketemp', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, 2)) return '';
    if (rt.noGnuExtensions) {
      rt.warn('recommend using mkstemp instead');
      return terminated(rt, traditionalMaketemp(argText(argv, 1)));
    }
    return mkstemp(rt, argText(argv, 0), argText(argv, 1));
  }),
  builtin('mkstemp', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, 2)) return '';
    return mkstemp(rt, argText(argv, 0), argText(argv, 1));
  }),
  builtin('sinclude', { blind: true }, (rt, argv) => include(rt, argv, true)),
];
