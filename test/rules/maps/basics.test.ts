// Unit tests of the building blocks: makemap text sources, map_rewrite, K-line argument
// parsing, the service switch.
import { describe, expect, it } from 'vitest';
import { mapRewrite } from '../../../src/rules/maps/map-rewrite.js';
import { parseServiceSwitch, serviceTypes } from '../../../src/rules/maps/service-switch.js';
import { defaultFlags } from '../../../src/rules/maps/state.js';
import { parseMapSourceOption, readTextSource, textSourceSpec } from '../../../src/rules/maps/text-source.js';
import { fakeWorld } from './fake-env.js';

describe('makemap text sources', () => {
  it('folds keys, splits at the first blank run, skips comments and blank lines', () => {
    const { entries, problems } = readTextSource(
      '# comment\n\nFoo\tBar baz \nuser@Example.COM   REJECT\n  lead\tx\nnovalue\n',
    );
    expect([...entries]).toEqual([
      ['foo', 'Bar baz '],
      ['user@example.com', 'REJECT'],
    ]);
    expect(problems.map((p) => `${p.line}: ${p.text}`)).toEqual([
      '5: syntax error (leading space)',
      '6: no RHS for LHS novalue',
    ]);
  });

  it('keeps the first duplicate unless -r, honours -f, -N, -t, -D, -e', () => {
    expect(readTextSource('k a\nk b\n').entries.get('k')).toBe('a');
    expect(readTextSource('k a\nk b\n', { replaceDuplicates: true }).entries.get('k')).toBe('b');
    expect([...readTextSource('MiX v\n', { noFoldCase: true }).entries.keys()]).toEqual(['MiX']);
    expect([...readTextSource('k v\n', { includeNull: true }).entries.keys()]).toEqual(['k\0']);
    expect(readTextSource('a b:c\n', { delimiter: ':' }).entries.get('a b')).toBe('c');
    expect(readTextSource(';x\nk v\n', { commentChar: ';' }).entries.size).toBe(1);
    expect(readTextSource('k\n', { allowEmpty: true }).entries.get('k')).toBe('');
  });

  it('rejects lines longer than makemap reads at once, and reads the rest as a new line', () => {
    const long = 'x'.repeat(1100);
    const r = readTextSource(`${long} v\nk v\n`);
    expect(r.problems[0]).toEqual({ line: 1, text: 'line too long (1024 bytes max)' });
    expect(r.entries.get('x'.repeat(1100 - 1023))).toBe('v');
    expect(r.entries.get('k')).toBe('v');
  });

  it('reads the --map-source option', () => {
    expect(parseMapSourceOption('/etc/mail/access=/srv/a.txt -f -t :')).toEqual({
      ok: true,
      file: '/etc/mail/access',
      spec: { path: '/srv/a.txt', noFoldCase: true, delimiter: ':' },
    });
    expect(parseMapSourceOption('nothing').ok).toBe(false);
  });

  it('takes makemap options from its command line words', () => {
    expect(textSourceSpec('/p', ['-f', '-N', '-t:', '-D', ';', '-re'])).toEqual({
      path: '/p',
      noFoldCase: true,
      includeNull: true,
      delimiter: ':',
      commentChar: ';',
      replaceDuplicates: true,
      allowEmpty: true,
    });
  });
});

describe('map_rewrite', () => {
  const flags = { ...defaultFlags(), appendText: '.x' };
  it('substitutes %0..%9 and %%, keeps other % sequences, appends -a', () => {
    expect(mapRewrite(flags, 'a%1b%0c%%d%qe%', ['key', 'one'])).toBe('aonebkeyc%d%qe%.x');
    expect(mapRewrite(flags, '%9%2', ['key'])).toBe('.x');
  });
  it('takes the value literally without arguments (match-only answers)', () => {
    expect(mapRewrite(flags, 'a%1', null)).toBe('a%1.x');
    expect(mapRewrite(flags, 'a\0b', null)).toBe('a');
  });
});

describe('K line parsing', () => {
  it('reports sendmail’s messages for missing names and classes', () => {
    const w = fakeWorld();
    w.declare('', '-x hash /f', 'foo', 'foo -hash /x', 'foo frobnitz x', 'foo cdb /x');
    expect(w.said()).toEqual([
      'syserr: readcf: config K line: no map name',
      'syserr: readcf: config K line: no map name',
      'syserr: readcf: config K line, map foo: no map class',
      'syserr: readcf: config K line, map foo: no map class',
      'syserr: readcf: map foo: class frobnitz not available',
      'syserr: readcf: map foo: class cdb not available',
    ]);
    expect(w.table.names()).toEqual([]);
  });

  it('consumes the character after the name and after the class', () => {
    const w = fakeWorld();
    w.declare('foo:hash /x', 'bar hash-o /x');
    expect(w.table.get('foo')?.file).toBe('/x');
    // "-" after "hash" is eaten, so "o" is the file and "/x" the rest.
    expect(w.table.get('bar')?.file).toBe('o');
    expect(w.table.get('bar')?.rest).toBe('/x');
  });

  it('parses the common options as map_parseargs does', () => {
    const w = fakeWorld();
    w.declare('m hash -a.ok -T.tmp -f -m -q -o -t -D -A -S_ -z\\t -k key -v val -N -O /f rebuild cmd');
    const d = w.table.get('m')!;
    expect(d.flags).toMatchObject({
      appendText: '.ok',
      tempfailText: '.tmp',
      noFoldCase: true,
      matchOnly: true,
      keepQuotes: true,
      optional: true,
      noDefer: true,
      defer: true,
      appendOnRebuild: true,
      spaceSub: '_',
      columnDelimiter: '\t',
      keyColumn: 'key',
      valueColumn: 'val',
      includeNull: true,
      tryWithoutNull: false,
      tryWithNull: false,
    });
    expect(d.file).toBe('/f');
    expect(d.rest).toBe('rebuild cmd');
  });

  it('reports illegal options, bad time units and a missing file', () => {
    const w = fakeWorld();
    w.declare('a null -', 'b null - x', 'c hash -d5x', 'd hash');
    expect(w.said()).toEqual([
      'syserr: Illegal option ',
      'syserr: Illegal option   map b',
      "usrerr: Invalid time unit `x'",
      'syserr: No file name for hash map c',
      'syserr: No file name for hash map d',
    ]);
    expect(w.map('d', 'x')).toBe('not open');
  });

  it('sees only the first option of dequote-style maps', () => {
    const w = fakeWorld();
    w.declare('d dequote -a.x -S_');
    expect(w.table.get('d')!.flags.appendText).toBe('.x');
    expect(w.table.get('d')!.flags.spaceSub).toBe(null);
  });

  it('keeps what a redeclared map had', () => {
    const w = fakeWorld();
    w.declare('m hash -a.one /a', 'M hash /b');
    const d = w.table.get('m')!;
    expect(d.name).toBe('M');
    expect(d.flags.appendText).toBe('.one');
    expect(d.file).toBe('/b');
  });
});

describe('service switch', () => {
  it('reads "service type…" lines, with defaults for hosts and aliases', () => {
    const t = parseServiceSwitch('# c\nhosts\tdns  files # x\nAliases nis\nbad\nempty   \n');
    expect(serviceTypes(t, 'hosts')).toEqual(['dns', 'files']);
    expect(serviceTypes(t, 'aliases')).toEqual(['nis']);
    expect(serviceTypes(parseServiceSwitch(''), 'hosts')).toEqual(['dns', 'files']);
    expect(serviceTypes(parseServiceSwitch(''), 'aliases')).toEqual(['files']);
    expect(serviceTypes(t, 'passwd')).toBe(null);
  });
});
