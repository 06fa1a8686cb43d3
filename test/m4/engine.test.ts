// The M4 API: the engine `mailcf m4` is built on, used directly.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { M4 } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'mailcf-m4api-'));
mkdirSync(join(dir, 'lib'));
writeFileSync(join(dir, 'lib', 'greet.m4'), "define(`greet', `hello, $1')dnl\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('M4 engine API', () => {
  it('expands strings and collects the output', () => {
    const m4 = new M4();
    m4.expand("define(`x', `[$1]')x(a)\n");
    expect(m4.finish()).toBe(0);
    expect(m4.output()).toBe('[a]\n');
  });

  it('defines and removes macros as -D and -U do', () => {
    const m4 = new M4().define('NAME', 'value').define('EMPTY').undefine('len');
    m4.expand('NAME:EMPTY:len(abc)\n');
    m4.finish();
    expect(m4.output()).toBe('value::len(abc)\n');
    expect(m4.definition('NAME')).toBe('value');
    expect(m4.definition('define')).toBe('<define>');
  });

  it('calls builtins written in JavaScript, whose output is rescanned', () => {
    const m4 = new M4().defineBuiltin('upper', (args) => args.map((a) => a.toUpperCase()).join(' '));
    m4.defineBuiltin('twice', (args) => `${args[0]} ${args[0]}`, { blind: true });
    m4.expand("define(`A', `alpha')upper(`a', b) twice twice(`A')\n");
    m4.finish();
    expect(m4.output()).toBe('alpha B twice alpha alpha\n');
  });

  it('lets JavaScript builtins report like builtins do', () => {
    const m4 = new M4().defineBuiltin('check', (args, call) => {
      if (args.length === 0) call.warn(`Warning: ${call.name} needs an argument`);
      return '';
    });
    m4.expand('\ncheck(x) check\n', 'input.m4');
    m4.finish();
    expect(m4.diagnostics).toEqual([
      { file: 'input.m4', line: 2, message: 'Warning: check needs an argument', severity: 'warning' },
    ]);
    expect(m4.errors()).toBe('m4:input.m4:2: Warning: check needs an argument\n');
  });

  it('searches include directories and reports diagnostics as data', () => {
    const m4 = new M4({ cwd: dir, includePath: ['lib'] });
    m4.expand("include(`greet.m4')greet(`you')\ninclude(`missing.m4')\n", 'main.m4');
    expect(m4.finish()).toBe(1);
    expect(m4.output()).toBe('hello, you\n\n');
    expect(m4.diagnostics).toEqual([
      {
        file: 'main.m4',
        line: 2,
        message: "cannot open `missing.m4': No such file or directory",
        severity: 'error',
      },
    ]);
    expect(m4.errors()).toBe("m4:main.m4:2: cannot open `missing.m4': No such file or directory\n");
  });

  it('reads files found like command-line files', () => {
    const m4 = new M4({ cwd: dir });
    expect(m4.expandFile('lib/greet.m4')).toBe(true);
    expect(m4.expandFile('nope.m4')).toBe(false);
    m4.expand("greet(`there')\n");
    m4.finish();
    expect(m4.output()).toBe('hello, there\n');
  });

  it('shows diversions before the end and undiverts them at the end', () => {
    const m4 = new M4();
    m4.expand('divert(1)one\ndivert(2)two\ndivert(1)dnl\n');
    expect(m4.diversion(1)).toBe('one\n');
    expect(m4.diversion(2)).toBe('two\n');
    expect(m4.currentDiversion).toBe(1);
    m4.finish();
    expect(m4.output()).toBe('one\ntwo\n');
  });

  it('stops for good on m4exit, and ignores later input', () => {
    const m4 = new M4();
    m4.expand('a\nm4exit(4)b\n');
    expect(m4.stopped).toBe(true);
    expect(m4.exitStatus).toBe(4);
    m4.expand('more\n');
    expect(m4.finish()).toBe(4);
    expect(m4.output()).toBe('a\n');
  });

  it('stops as GNU does out of memory when text outgrows a JS string', () => {
    const m4 = new M4();
    m4.defineBuiltin('huge', () => 'x'.repeat(2 ** 30));
    m4.expand("before\nm4wrap(`dropped')divert(1)dropped\ndivert(0)huge\nafter\n");
    expect(m4.stopped).toBe(true);
    expect(m4.finish()).toBe(1);
    expect(m4.output()).toBe('before\n');
    expect(m4.errors()).toBe('m4: memory exhausted\n');
    expect(m4.diagnostics.at(-1)).toEqual({
      file: undefined,
      line: undefined,
      message: 'memory exhausted',
      severity: 'fatal',
    });
  });

  it('runs m4wrap text last, the last saved first', () => {
    const m4 = new M4();
    m4.expand("m4wrap(`1\n')m4wrap(`2\n')x\n");
    m4.finish();
    expect(m4.output()).toBe('x\n2\n1\n');
  });

  it('honours traditional mode and prefixed builtins', () => {
    const g = new M4({ traditional: true });
    g.expand("format(`%d', 1) unix\n");
    g.finish();
    expect(g.output()).toBe('format(%d, 1) \n');
    const p = new M4({ prefixBuiltins: true });
    p.expand("len(x) m4_len(`abc')\n");
    p.finish();
    expect(p.output()).toBe('len(x) 3\n');
  });

  it('traces calls in GNU format', () => {
    const m4 = new M4({ debug: 'aeq' }).trace('f');
    m4.expand("define(`f', `[$1]')f(`x')\n");
    m4.finish();
    expect(m4.errors()).toBe("m4trace: -1- f(`x') -> `[x]'\n");
  });
});
