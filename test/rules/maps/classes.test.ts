// Unit tests of each map class through an in-memory environment (the differential tests check
// the same behaviour against sendmail itself when it is installed).
import { describe, expect, it } from 'vitest';
import { dequote, arith } from '../../../src/rules/maps/classes-basic.js';
import { berkeleyDbType } from '../../../src/rules/maps/class-db.js';
import { fullName, parsePasswd } from '../../../src/rules/maps/class-user.js';
import { EX_CONFIG, EX_OK } from '../../../src/sendmail/sysexits.js';
import { fakeWorld } from './fake-env.js';

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'jdoe:x:1000:1000:John &,,,:/home/jdoe:/bin/sh',
  '# not a user',
  'broken line',
].join('\n');

describe('hash and btree from text sources', () => {
  const files = { '/m': 'foo\tbar\nbaz\tQux %1 %0\nMiXeD\tv\n' };

  it('looks keys up folded, substitutes arguments, appends -a, answers -m with the key', () => {
    const w = fakeWorld({ files });
    w.declare('h hash -a.ok /m', 'm btree -m /m.db');
    expect(w.map('h', 'FOO')).toBe('bar.ok (0)');
    expect(w.map('h', 'baz')).toBe('Qux  baz.ok (0)');
    expect(w.map('h', 'nothing')).toBe('no match (0)');
    expect(w.map('m', 'Baz')).toBe('Baz (0)');
  });

  it('does not fold with -f, and a -f map misses keys makemap folded', () => {
    const w = fakeWorld({ files });
    w.declare('f hash -f /m');
    expect(w.map('f', 'MiXeD')).toBe('no match (0)');
    expect(w.map('f', 'mixed')).toBe('v (0)');
  });

  it('uses the source given on the command line, with its makemap options', () => {
    const w = fakeWorld({
      files: { '/src': 'MiXeD v\n' },
      textSources: new Map([['/etc/mail/x', { path: '/src', noFoldCase: true }]]),
    });
    w.declare('f hash -f /etc/mail/x');
    expect(w.map('f', 'MiXeD')).toBe('v (0)');
  });

  it('reports a missing map once and then answers tempfail; -o maps are just not open', () => {
    const w = fakeWorld();
    w.declare('x hash /nothere', 'o hash -o /nothere');
    expect(w.map('x', 'k')).toBe('no match (75)');
    expect(w.said()).toEqual([
      'syserr: hash map "x": missing map file /nothere.db: No such file or directory',
    ]);
    expect(w.map('x', 'k')).toBe('no match (75)');
    expect(w.said()).toEqual([]);
    expect(w.map('o', 'k')).toBe('not open');
  });

  it('reports unsafe files with their reason', () => {
    const w = fakeWorld({ files: { '/tmp/m': 'a b\n' }, unsafe: { '/tmp/m.db': 'E_SM_WWDIR' } });
    w.declare('u hash /tmp/m');
    w.map('u', 'a');
    expect(w.said()).toEqual(['syserr: hash map "u": unsafe map file /tmp/m.db: World writable directory']);
  });

  it('checks the Berkeley DB type of an existing .db', () => {
    const hashMeta = '\0'.repeat(12) + '\x61\x15\x06\x00';
    expect(berkeleyDbType(hashMeta)).toBe('hash');
    const w = fakeWorld({ files: { '/m': 'a b\n', '/m.db': hashMeta } });
    w.declare('b btree /m', 'h hash /m');
    expect(w.map('b', 'a')).toBe('no match (75)');
    expect(w.map('h', 'a')).toBe('b (0)');
    expect(w.said()).toEqual([
      'stderr: BDB0641 __db_meta_setup: /m.db: unexpected file type or format\n',
      'syserr: Cannot open btree database /m.db: Invalid argument',
    ]);
  });

  it('tries keys without and then with a trailing NUL (-N: only with)', () => {
    const w = fakeWorld({
      files: { '/n': 'k v\n' },
      textSources: new Map([['/n', { path: '/n', includeNull: true }]]),
    });
    w.declare('a hash /n', 'b hash -N /n', 'c hash -O /n');
    expect(w.map('a', 'k')).toBe('v (0)');
    expect(w.map('b', 'k')).toBe('v (0)');
    expect(w.map('c', 'k')).toBe('no match (0)');
  });
});

describe('dequote, arith, arpa, macro, null, syslog', () => {
  it('dequotes only clean quoted strings', () => {
    expect(dequote('"abc"', null)).toBe('abc');
    expect(dequote('abc', null)).toBe(null);
    expect(dequote('"a b"', null)).toBe(null);
    expect(dequote('"a b"', '_')).toBe('a_b');
    expect(dequote('"a(b c)"', null)).toBe(null);
    expect(dequote('"a\\"b"', null)).toBe('a\\"b');
    expect(dequote('"<a"', null)).toBe(null);
    expect(dequote('"a)"', null)).toBe(null);
  });

  it('computes with C longs', () => {
    const r = (op: string, a: string, b: string) => arith(op, [op, a, b], () => 5).value;
    expect(r('+', '2', '3')).toBe('5');
    expect(r('-', '0x10', '010')).toBe('8');
    expect(r('*', '9223372036854775807', '2')).toBe('-2');
    expect(r('/', '-7', '2')).toBe('-3');
    expect(r('%', '-7', '2')).toBe('-1');
    expect(r('/', '1', '0')).toBe(null);
    expect(r('l', '1', '2')).toBe('TRUE');
    expect(r('=', '1', '2')).toBe('FALSE');
    expect(r('|', '5', '2')).toBe('7');
    expect(r('&', '6', '3')).toBe('2');
    expect(r('r', '10', '12')).toBe('12');
    expect(arith('+', ['+', '1'], () => 0)).toEqual({ value: null, status: EX_CONFIG });
    expect(arith('?', ['?', '1', '2'], () => 0)).toEqual({ value: null, status: EX_CONFIG });
  });

  it('reverses addresses for arpa', () => {
    const w = fakeWorld();
    w.declare('a arpa -a.in-addr.arpa');
    expect(w.map('a', '192.0.2.1')).toBe('1.2.0.192.in-addr.arpa (0)');
    expect(w.map('a', '192.0.2')).toBe('no match (65)');
    expect(w.map('a', 'IPv6:::1')).toBe(
      `1.${'0.'.repeat(31)}in-addr.arpa (0)`.replace('0.in-addr', '0.in-addr'),
    );
  });

  it('sets and clears macros', () => {
    const w = fakeWorld();
    w.declare('m macro');
    expect(w.table.lookupForRewrite('m', '{xy}', ['value']).replacement).toBe('');
    expect(w.macros.get('{xy}')).toBe('value');
    w.table.lookupForRewrite('m', '{xy}', []);
    expect(w.macros.get('{xy}')).toBe(null);
    // ${x} is $x, and a longer name without braces is its first letter.
    w.table.lookupForRewrite('m', '{x}', ['1']);
    w.table.lookupForRewrite('m', 'yz', ['2']);
    expect([w.macros.get('x'), w.macros.get('y')]).toEqual(['1', '2']);
    expect(w.map('m', '{}')).toBe('no match (78)');
    expect(w.said()).toEqual(['syserr: Name required for macro/class']);
  });

  it('null finds nothing; syslog logs and answers nothing', () => {
    const w = fakeWorld();
    w.declare('n null', 's syslog -L LOG_ERR');
    expect(w.map('n', 'x')).toBe('no match (68)');
    expect(w.map('s', 'hello')).toBe(' (0)');
    expect(w.syslog).toEqual(['ERR: hello']);
  });
});

describe('user', () => {
  it('reads passwd entries and builds full names as sendmail does', () => {
    expect(parsePasswd(PASSWD).map((e) => e.name)).toEqual(['root', 'daemon', 'jdoe']);
    expect(fullName('John &,,,', 'jdoe')).toBe('John Jdoe');
    expect(fullName('*Ann;x', 'ann')).toBe('Ann');
  });

  it('answers each column, folds the login name only as a second try', () => {
    const w = fakeWorld({ files: { '/etc/passwd': PASSWD } });
    w.declare('u user', 'g user -vgecos', 'i user -vuid', 'p user -vpasswd', 'm user -m', 'x user -vbogus');
    expect(w.map('u', 'ROOT')).toBe('root (0)');
    expect(w.map('u', 'nobody')).toBe('no match (67)');
    expect(w.map('g', 'jdoe')).toBe('John Jdoe (0)');
    expect(w.map('i', 'jdoe')).toBe('1000 (0)');
    expect(w.map('p', 'root')).toBe('x (0)');
    expect(w.map('m', 'JDoe')).toBe('jdoe (0)');
    expect(w.map('x', 'root')).toBe('no match (75)');
    expect(w.said()).toEqual(['syserr: User map x: unknown column name bogus']);
  });

  it('matches full names with MatchGECOS', () => {
    const w = fakeWorld({ files: { '/etc/passwd': PASSWD }, options: { matchGecos: true } });
    w.declare('u user');
    expect(w.map('u', 'John_Jdoe')).toBe('jdoe (0)');
    expect(w.said()).toEqual(['message: sending to login name jdoe']);
  });
});

describe('program', () => {
  it('passes the K line arguments and the key, takes the first line, honours the exit status', () => {
    const calls: string[][] = [];
    const w = fakeWorld({
      run: (argv) => {
        calls.push(argv);
        if (argv.at(-1) === 'fail') return { stdout: 'x\n', exitStatus: 3 };
        if (argv.at(-1) === 'kill') return { exitStatus: null, signal: 9 };
        return { stdout: `out:${argv.at(-1)}\nmore\n` };
      },
    });
    w.declare('p program /bin/prog a  b');
    expect(w.map('p', 'key')).toBe('out:key (0)');
    expect(calls[0]).toEqual(['/bin/prog', 'a', 'b', 'key']);
    expect(w.map('p', 'fail')).toBe('no match (3)');
    expect(w.map('p', 'kill')).toBe('no match (69)');
    expect(w.said()).toEqual(['syserr: prog_map_lookup(p): child died on signal 9']);
  });
});

describe('text', () => {
  const files = { '/cols': '# c\nalpha one two\nbeta  three\n', '/colon': 'a:x:y\nb::z\n' };
  it('reads columns, compares keys without case', () => {
    const w = fakeWorld({ files });
    w.declare('t text /cols', 'v text -v2 /cols', 'z text -z: -v1 /colon');
    expect(w.map('t', 'ALPHA')).toBe('alpha (0)');
    expect(w.map('v', 'alpha')).toBe('two (0)');
    expect(w.map('v', 'beta')).toBe('no match (68)');
    expect(w.map('z', 'b')).toBe(' (0)');
  });
  it('reports bad declarations when opened', () => {
    const w = fakeWorld({ files });
    w.declare('r text relative', 'k text -kx /cols', 'm text /missing');
    for (const m of ['r', 'k', 'm']) w.map(m, 'x');
    expect(w.said()).toEqual([
      'syserr: text map "r": file name must be fully qualified',
      'syserr: text map "k", file /cols: -k should specify a number, not x',
      'syserr: text map "m": unsafe map file /missing',
    ]);
  });
});

describe('sequence and switch', () => {
  const files = { '/a': 'one 1\n', '/b': 'two 2\n', '/switch': 'aliases files nis\n' };
  it('tries members in order; a failed member makes the result a temporary failure', () => {
    const w = fakeWorld({ files });
    w.declare('a hash /a', 'b hash /b', 'bad hash /nothere', 's sequence a b', 't sequence bad,b');
    expect(w.map('s', 'two')).toBe('2 (0)');
    expect(w.map('s', 'three')).toBe('no match (68)');
    expect(w.map('t', 'two')).toBe('2 (0)');
    expect(w.map('t', 'three')).toBe('no match (75)');
  });
  it('finds switch members as NAME.TYPE and reports missing ones', () => {
    const w = fakeWorld({ files });
    w.declare('al.files hash /a', 'al switch aliases');
    expect(w.map('al', 'one')).toBe('1 (0)');
    expect(w.said()).toEqual(['syserr: Switch map al: unknown member map al.nis']);
  });
});

describe('host and bestmx without a network', () => {
  const files = {
    '/hosts': '127.0.0.1 localhost\n192.0.2.1 mail.example.net mail # c\n192.0.2.2 short\n',
    '/switch': 'hosts files\n',
  };
  it('canonicalises through the hosts file, appending $m to dotless names', () => {
    const w = fakeWorld({ files });
    w.declare('h host -a.');
    expect(w.map('h', 'mail')).toBe('mail.example.net. (0)');
    expect(w.map('h', 'MAIL.example.net')).toBe('mail.example.net. (0)');
    expect(w.map('h', 'short')).toBe('short.example.net. (0)');
    expect(w.map('h', 'nosuch')).toBe('no match (68)');
    expect(w.map('h', '[192.0.2.1]')).toBe('mail.example.net. (0)');
    expect(w.map('h', '[192.0.2.1')).toBe('no match (0)');
  });
  it('answers bestmx only for bracketed names when DNS is not in the switch', () => {
    const w = fakeWorld({ files });
    w.declare('mx bestmx');
    expect(w.map('mx', 'mail')).toBe('no match (0)');
    expect(w.map('mx', '[mail]')).toBe('mail.example.net. (0)');
    expect(w.map('mx', '[192.0.2.9]')).toBe('[192.0.2.9] (0)');
    expect(w.table.mxHosts('x', '[10.0.0.1]')).toEqual({ count: 1, hosts: ['[10.0.0.1]'], status: 0 });
  });
  it('gives DNS names "no such host" and their canonical name when DNS is in the switch', () => {
    const w = fakeWorld({ files: { ...files, '/switch': 'hosts dns files\n' } });
    w.declare('mx bestmx', 'd dns -RA');
    expect(w.map('mx', 'mail')).toBe('mail.example.net. (68)');
    expect(w.map('d', 'example.com')).toBe('no match (68)');
    expect(w.table.canonicalName('nosuch.')).toEqual({ found: false, name: 'nosuch' });
  });
});

describe('servers that are not there', () => {
  it('says what sendmail says when ldap, nis and socket maps cannot be opened', () => {
    const w = fakeWorld({ files: { '/hosts': '127.0.0.1 localhost\n' } });
    w.declare('l ldap -k uid=%0', 'n nis foo', 'nd nis foo@example.com', 's socket inet:1234', 'u userdb /x');
    expect(w.map('l', 'x')).toBe('no match (75)');
    expect(w.map('n', 'x')).toBe('no match (75)');
    expect(w.map('nd', 'x')).toBe('no match (75)');
    expect(w.map('s', 'x')).toBe('no match (75)');
    expect(w.map('u', 'x')).toBe('no match (0)');
    expect(w.said()).toEqual([
      'syserr: ldap_init/ldap_bind failed to localhost in map l: Transport endpoint is not connected',
      'syserr: NIS map foo specified, but NIS not running',
      'syserr: Cannot bind to map foo in domain example.com: Internal NIS error',
      'syserr: socket map "s": bad address 1234 (expected port@host)',
    ]);
  });
  it('checks ldap arguments when the map is declared', () => {
    const w = fakeWorld();
    w.declare('a ldap -s bogus -k x', 'b ldap -b base', 'c ldap -k x -v a:dn,b -n');
    expect(w.said()).toEqual([
      'syserr: Scope must be [base|one|sub] (not bogus) in map a',
      'syserr: No filter given in map b',
      'syserr: LDAP recursion requested in c can not be used with -n',
    ]);
    expect(w.map('a', 'x')).toBe('not open');
  });
});

describe('LDAPDefaultSpec', () => {
  const ctx = { blankSub: ' ', configLevel: 10 };
  it('is where later ldap maps start: server, bind method, -n', () => {
    const w = fakeWorld({ files: { '/hosts': '127.0.0.1 localhost\n' } });
    w.table.setLdapDefaults('-h localhost -M none -n', ctx);
    w.declare('inherit ldap -k x', 'uri ldap -H ldap://localhost -k x', 'recurse ldap -k x -v a:dn,b');
    expect(w.said()).toEqual([
      'syserr: Can not specify both an LDAP host and an LDAP URI in map uri',
      'syserr: LDAP recursion requested in recurse can not be used with -n',
    ]);
    // no simple bind, so no connection is tried and errno stays clear
    expect(w.map('inherit', 'x')).toBe('no match (75)');
    expect(w.said()).toEqual(['syserr: ldap_init/ldap_bind failed to localhost in map inherit']);
  });
  it('starts again from nothing each time it is set', () => {
    const w = fakeWorld();
    w.table.setLdapDefaults('-H ldap://nosuch.example', ctx);
    w.table.setLdapDefaults('-M simple', ctx);
    w.declare('l ldap -h localhost -k x');
    expect(w.said()).toEqual([]);
  });
  it('refuses what is not its business, naming the map "O LDAPDefaultSpec"', () => {
    const w = fakeWorld();
    w.table.setLdapDefaults('-a.x -Q -k (uid=%0) -v mail', ctx);
    w.table.setLdapDefaults('-S ', ctx);
    w.table.setLdapDefaults('-S_ -z,', ctx);
    w.table.setLdapDefaults('-1', ctx);
    w.table.setLdapDefaults('-w 4 -k x', ctx);
    expect(w.said()).toEqual([
      'syserr: Illegal option Q map O LDAPDefaultSpec',
      'syserr: readcf: option LDAPDefaultSpec: Do not set non-LDAP specific flags',
      'syserr: readcf: option LDAPDefaultSpec: Do not set the LDAP search filter',
      'syserr: readcf: option LDAPDefaultSpec: Do not set the requested LDAP attributes',
      'syserr: readcf: option LDAPDefaultSpec: Do not set non-LDAP specific flags',
      'syserr: readcf: option LDAPDefaultSpec: Do not set non-LDAP specific flags',
      'syserr: LDAP version 4 exceeds max of 3 in map O LDAPDefaultSpec',
    ]);
  });
});

describe('the rewriter’s lookups', () => {
  const files = { '/m': 'a"b\tquoted\nab\tstripped\n' };
  it('strips quotes unless -q, and passes the stripped key as %0', () => {
    const w = fakeWorld({ files: { ...files, '/p': 'k %0:%1\n' } });
    w.declare('m hash /m', 'q hash -q /m', 'p hash /p');
    expect(w.table.lookupForRewrite('m', 'a"b', []).replacement).toBe('stripped');
    expect(w.table.lookupForRewrite('q', 'a"b', []).replacement).toBe('quoted');
    expect(w.table.lookupForRewrite('p', '"k"', ['one']).replacement).toBe('k:one');
  });
  it('turns a temporary failure into the -T answer, deferring unless -t', () => {
    const w = fakeWorld();
    w.declare('x hash -T.tmp /nothere', 't hash -t /nothere');
    expect(w.table.lookupForRewrite('x', 'key', [])).toEqual({
      replacement: 'key.tmp',
      tempfail: true,
      deferMessage: 'x map: lookup (key): deferred',
    });
    expect(w.table.lookupForRewrite('t', 'key', [])).toEqual({
      replacement: null,
      tempfail: false,
      deferMessage: null,
    });
  });
  it('answers -D maps with a temporary failure in defer mode', () => {
    const w = fakeWorld({ files, options: { deferMode: true } });
    w.declare('d hash -D /m');
    expect(w.table.lookupForRewrite('d', 'ab', []).tempfail).toBe(true);
    expect(w.table.lookupForRewrite('nosuch', 'ab', []).replacement).toBe(null);
  });
  it('gives the blank substitute of a map for building its key', () => {
    const w = fakeWorld();
    w.declare('s null -S_', 'd dequote');
    expect(w.table.keySpaceSub('s')).toBe('_');
    expect(w.table.keySpaceSub('d')).toBe(' ');
    expect(w.table.keySpaceSub('nosuch')).toBe(' ');
  });
});

describe('loader services', () => {
  it('adds the host map and the aliases switch when the .cf has none', () => {
    const w = fakeWorld({ files: { '/switch': 'aliases files\n' } });
    w.table.addDefaultMaps({ blankSub: ' ', configLevel: 10 });
    expect(w.table.get('host')?.flags.appendText).toBe('.');
    expect(w.table.get('host')?.flags.defer).toBe(true);
    expect(w.table.get('aliases.files')?.className).toBe('null');
    expect(w.table.get('aliases')?.className).toBe('switch');
  });
  it('looks a key up through a temporary map for F{x}', () => {
    const w = fakeWorld({ files: { '/m': 'key a b c\n' } });
    expect(w.table.classLookup?.('hash', '/m', 'key', 'X')).toBe('a b c');
    expect(w.table.classLookup?.('hash', '/nothere', 'key', 'X')).toBe(null);
    expect(w.table.classLookup?.('frob', '/m', 'key', 'X')).toBe(undefined);
    expect(w.said()).toEqual([
      'syserr: hash map "X": missing map file /nothere.db: No such file or directory',
      'syserr: fileclass: F{X}: map open failed',
    ]);
    expect(w.table.names()).toEqual([]);
  });
  it('builds the alias databases of AliasFile', () => {
    const w = fakeWorld({ files: { '/al': 'root: me\n' }, options: { verbose: true } });
    w.table.setAliasFiles('/al, hash:/h, frob:/x', { blankSub: ' ', configLevel: 10 });
    expect(w.table.get('aliases.files')?.settings).toEqual({
      kind: 'sequence',
      members: ['Alias0', 'Alias1'],
    });
    expect(w.map('Alias0', 'root')).toBe('me (0)');
    expect(w.said()).toEqual([
      'syserr: setalias: unknown alias class frob',
      'message: WARNING: cannot open alias database /al; reading text version',
      'message: /al: 1 aliases, longest 2 bytes, 6 bytes total',
    ]);
    expect(EX_OK).toBe(0);
  });
});
