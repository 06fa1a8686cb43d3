// The REPL on a (fake) terminal: readline over TTY-like streams, so commands, help, history,
// completion and colour can be checked without a real terminal and without timing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { parseTestArgs } from '../../src/bt/args.js';
import {
  HISTORY_FILE,
  REPL_HELP,
  RedirectableSink,
  colorizer,
  complete,
  completionSource,
  runRepl,
} from '../../src/bt/repl.js';
import { createTestEnv } from '../../src/bt/run.js';
import { TestSession } from '../../src/bt/session.js';
import { startTestMode } from '../../src/bt/startup.js';
import { memoryIO } from '../../src/cli/io.js';
import { TINY_CF, fakeSystem } from './support/fake-system.js';

/** A stream that says it is a terminal. */
function tty<T extends PassThrough>(s: T): T {
  Object.assign(s, { isTTY: true, columns: 200, rows: 50 });
  return s;
}

async function replSession(lines: string[], env: NodeJS.ProcessEnv = {}, noColor = false) {
  const args = parseTestArgs(['-C', TINY_CF]);
  if (!args.ok) throw new Error('bad args');
  const system = fakeSystem();
  const io = memoryIO('', { env });
  const sink = new RedirectableSink((t) => io.stdout.write(t));
  const out = { write: (t: string) => sink.write(t) };
  const rt = startTestMode(args.args, out, system);
  const session = new TestSession(createTestEnv(rt, out, system), out, 2);
  const input = tty(new PassThrough());
  const output = tty(new PassThrough());
  let screen = '';
  output.on('data', (d: Buffer) => (screen += d.toString('latin1')));
  const historyDir = mkdtempSync(join(tmpdir(), 'mailcf-repl-'));
  const done = runRepl(session, rt, io, sink, { noColor, input, output, historyDir });
  for (const l of lines) input.write(l + '\n');
  input.end();
  await done;
  const historyPath = join(historyDir, HISTORY_FILE);
  const history = existsSync(historyPath) ? readFileSync(historyPath, 'utf8') : '';
  rmSync(historyDir, { recursive: true, force: true });
  return { out: io.out(), screen, history, rt };
}

describe('the REPL', () => {
  it('runs commands, prints its own help and keeps a history file', async () => {
    const r = await replSession(['$w', 'help', '3,0 a@b', '/quit', '$k'], { NO_COLOR: '1' });
    expect(r.out).toContain('ADDRESS TEST MODE');
    expect(r.out).toContain('box\n');
    expect(r.out).toContain(REPL_HELP);
    expect(r.out).toContain('parse            returns: $# esmtp $@ b $: a < @ b >\n');
    // nothing runs after /quit
    expect(r.out.match(/\nbox\n/g)?.length).toBe(1);
    expect(r.history).toBe('$w\nhelp\n3,0 a@b\n/quit\n');
    expect(r.screen).toContain('> ');
  });

  it('colours traces and results unless NO_COLOR or --no-color', async () => {
    const colored = await replSession(['3,0 a@b']);
    expect(colored.out).toMatch(/\x1b\[/);
    const plain = await replSession(['3,0 a@b'], { NO_COLOR: '1' });
    expect(plain.out).not.toMatch(/\x1b\[/);
    const flag = await replSession(['3,0 a@b'], {}, true);
    expect(flag.out).not.toMatch(/\x1b\[/);
  });

  it('completes commands, ruleset names, mailers and maps', async () => {
    const { rt } = await replSession([]);
    const src = completionSource(rt);
    expect(complete('/tr', src)[0]).toEqual(['/try', '/tryflags']);
    expect(complete('can', src)[0]).toEqual(['canonify']);
    expect(complete('3,pa', src)[0]).toEqual(['3,parse']);
    expect(complete('=Sfi', src)[0]).toEqual(['=Sfinal']);
    expect(complete('/try es', src)).toEqual([['esmtp'], 'es']);
    expect(complete('/map ho', src)).toEqual([['host'], 'ho']);
  });

  it('colours by the kind of line', () => {
    const color = colorizer(new Chalk({ level: 1 }));
    expect(color('canonify           input: a')).toBe(
      new Chalk({ level: 1 }).dim('canonify           input: a'),
    );
    expect(color('Undefined')).toMatch(/\x1b\[33m/);
    expect(color('plain')).toBe('plain');
  });
});
