// Running shell commands and writing to standard error: syscmd, esyscmd, sysval, errprint.
// A command's own output goes straight to standard output (bypassing diversions), after m4
// has flushed what it buffered, as GNU m4 does.
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { joinArgs } from '../body.js';
import { strerror } from '../errno.js';
import type { Runtime } from '../runtime.js';
import { argText, type BuiltinDef } from '../types.js';
import { builtin } from './define.js';

// node:child_process is loaded when a command first runs, not by every run.
const require = createRequire(import.meta.url);

interface CommandResult {
  stdout: string;
}

/**
 * Runs `sh -c cmd`, forwarding its standard error (and its output unless captured). Like
 * gnulib's wait_subprocess, syscmd (not esyscmd) reports an exit status of 127.
 */
function runCommand(rt: Runtime, me: string, cmd: string, capture: boolean): CommandResult | undefined {
  rt.flushAll();
  // As a real process the command writes to our own descriptors, interleaving as it goes.
  const fds = rt.descriptors;
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync('/bin/sh', ['-c', cmd], {
    argv0: 'sh',
    cwd: rt.cwd,
    env: rt.env,
    input: Buffer.from(rt.peekStdin(), 'latin1'),
    stdio: [
      'pipe',
      fds === undefined || capture ? 'pipe' : fds.stdout,
      fds === undefined ? 'pipe' : fds.stderr,
    ],
    maxBuffer: 1 << 30,
  });
  if (r.error !== undefined) {
    rt.warn(`cannot run command \`${cmd}': ${strerror(r.error)}`);
    rt.sysval = 127;
    return undefined;
  }
  const stdout = r.stdout === null ? '' : r.stdout.toString('latin1');
  if (!capture && stdout.length > 0) rt.stdout.bypass(stdout);
  const stderr = r.stderr === null ? '' : r.stderr.toString('latin1');
  if (stderr.length > 0) rt.stderr.write(stderr);
  if (r.signal !== null) {
    rt.sysval = ((constants.signals as Record<string, number>)[r.signal] ?? 0) << 8;
  } else {
    rt.sysval = r.status ?? 0;
    if (rt.sysval === 127 && !capture) rt.reporter.plain(`${me} subprocess failed`);
  }
  return { stdout };
}

export const systemBuiltins: BuiltinDef[] = [
  builtin('errprint', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, -1)) return '';
    const text = joinArgs(argv, ' ', '', '');
    rt.flushAll();
    rt.stderr.write(text);
    return '';
  }),
  builtin('esyscmd', { gnu: true, blind: true }, (rt, argv) => {
    const cmd = argText(argv, 1);
    if (rt.badArgc(argv, 2, 2) || cmd === '') {
      rt.sysval = 0;
      return '';
    }
    rt.input.rawExpansion = true; // a command's output may hold NUL bytes
    return runCommand(rt, argText(argv, 0), cmd, true)?.stdout ?? '';
  }),
  builtin('syscmd', { blind: true }, (rt, argv) => {
    const cmd = argText(argv, 1);
    if (rt.badArgc(argv, 2, 2) || cmd === '') {
      rt.sysval = 0;
      return '';
    }
    runCommand(rt, argText(argv, 0), cmd, false);
    return '';
  }),
  builtin('sysval', {}, (rt) => String(rt.sysval)),
];
