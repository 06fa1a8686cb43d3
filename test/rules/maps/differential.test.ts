// Differential tests: the same K lines and /map commands through sendmail -bt and through our
// maps, compared line by line (load-time messages, then the session).
import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
  runProgram,
} from '../../../src/oracle/oracles.js';
import { textSourceSpec } from '../../../src/rules/maps/text-source.js';
import { oracleTranscript, ourTranscript, writeCf, type OurRunOptions } from './harness.js';

const haveOracle = hasSendmailOracle();
if (!haveOracle) console.warn(missingOracleNotice('sendmail 8.17 (with root and unshare)'));

interface Scenario {
  name: string;
  /** K lines (and O BlankSub); FILES is replaced by the scenario's map directory. */
  cf: string;
  lookups: string[];
  run?: OurRunOptions;
}

/** Text sources we write; each becomes X (text) and X.db (built by makemap). */
const SOURCES: Record<string, { text: string; makemap?: string[]; type?: string }> = {
  plain: {
    text:
      [
        '# a comment',
        '',
        'foo\tbar',
        'Baz\tQux %1 and %0 %% %x %',
        'spaced   value with  spaces  ',
        'user@example.com\tREJECT',
        'example.com\tOK',
        'dup\tfirst',
        'dup\tsecond',
        'quoted\t"a b" <x@y>',
        'empty',
        '  leading\tspace',
        'percent\t%9%1%2',
        'MiXeD\tvalue',
      ].join('\n') + '\n',
  },
  nofold: { text: 'MiXeD\tvalue\nlower\tx\n', makemap: ['-f'] },
  withnull: { text: 'key\tvalue\n', makemap: ['-N'] },
  tabsep: { text: 'a:b:c\nd e:f\n', makemap: ['-t', ':'] },
  replace: { text: 'dup\tfirst\ndup\tsecond\n', makemap: ['-r'] },
  tree: { text: 'baz\tfrom btree\n', type: 'btree' },
  eight: {
    text: `\xc9t\xe9\tsummer\n\xe9t\xe9\tlower\nk\xe9y\tv\xe4lue %0\n${'x'.repeat(300)}\tlong\n${'y'.repeat(256)}\tcut\n`,
  },
};

/** An aliases file whose path is longer than the 83 bytes a message shows of it. */
const LONG_ALIASES = `aliases-${'a'.repeat(100)}`;

const SCENARIOS: Scenario[] = [
  {
    name: 'hash and btree: folding, %n, -a, -m, -f, -N, -O, -o, missing files',
    cf: [
      'Kh hash FILES/plain',
      'Khdb hash FILES/plain.db',
      'Kb btree -a.ok FILES/tree',
      'Kbh btree FILES/plain',
      'Khb hash FILES/tree',
      'Km hash -m -a! FILES/plain',
      'Kf hash -f FILES/plain',
      'Kff hash -f FILES/nofold',
      'Kn hash -N FILES/plain',
      'Knn hash -N FILES/withnull',
      'Knd hash FILES/withnull',
      'Ko hash -O FILES/withnull',
      'Kmiss hash FILES/nothere',
      'Kopt hash -o FILES/nothere',
      'Kt hash -t FILES/tabsep',
      'Kr hash FILES/replace',
      'Kimp implicit FILES/plain',
      'Kimpmiss implicit FILES/nothere',
      'Kq hash -q FILES/plain',
    ].join('\n'),
    lookups: [
      '/map h foo',
      '/map h FOO',
      '/map h baz',
      '/map h nothing',
      '/map h spaced',
      '/map h user@example.com',
      '/map h dup',
      '/map h quoted',
      '/map h empty',
      '/map h leading',
      '/map h percent',
      '/map h mixed',
      '/map hdb foo',
      '/map b baz',
      '/map b nope',
      '/map bh foo',
      '/map hb baz',
      '/map m Foo',
      '/map m nope',
      '/map f FOO',
      '/map f foo',
      '/map ff MiXeD',
      '/map ff mixed',
      '/map n foo',
      '/map nn key',
      '/map nn KEY',
      '/map knd key',
      '/map knd key',
      '/map ko key',
      '/map miss foo',
      '/map miss foo',
      '/map opt foo',
      '/map t a',
      '/map t d e',
      '/map r dup',
      '/map imp foo',
      '/map impmiss foo',
      '/map q foo',
      '/map nosuchmap foo',
      '/map h',
      '/map',
    ],
  },
  {
    name: 'dequote, arith, arpa, macro, null, syslog, stab-free basics',
    cf: [
      'Kdq dequote',
      'Kdqa dequote -a.x -S_',
      'Kdqs dequote -S_',
      'Kar arith',
      'Kap arpa -a.in-addr.arpa',
      'Kmac macro',
      'Knul null',
      'Knul2 null -a.x',
      'Ksys syslog -a.appended',
      'Ksysl syslog -L LOG_WARNING',
      'Ksysb syslog -L bogus',
      'Ksysx syslog -X',
    ].join('\n'),
    lookups: [
      '/map dq "abc"',
      '/map dq abc',
      '/map dq "a b"',
      '/map dq "a(b)c"',
      '/map dq "a\\"b"',
      '/map dq "<a>"',
      '/map dq "a>"',
      '/map dq "a)"',
      '/map dq ""',
      '/map dqa "abc"',
      '/map dqs "a b"',
      '/map ar +',
      '/map ar x',
      '/map ap 1.2.3.4',
      '/map ap 10.0.0.255',
      '/map ap 1.2.3',
      '/map ap 256.1.1.1',
      '/map ap 01.2.3.4',
      '/map ap IPv6:2001:db8::1',
      '/map ap ipv6:::ffff:1.2.3.4',
      '/map ap IPv6:1:2:3:4:5:6:7:8',
      '/map ap IPv6:1::2::3',
      '/map ap IPv6:garbage',
      '/map mac {foo}',
      '/map mac x',
      '/map mac {}',
      '/map nul anything',
      '/map nul2 anything',
      '/map sys hello %0',
      '/map sysl x',
      '/map sysb x',
      '/map sysx x',
    ],
  },
  {
    name: 'user, program, text maps',
    cf: [
      'Ku user',
      'Kun user -vname',
      'Kup user -vpasswd',
      'Kuu user -vuid -a.x',
      'Kug user -vgid',
      'Kugc user -vgecos',
      'Kud user -vdir',
      'Kus user -vshell',
      'Kum user -m',
      'Kux user -vbogus',
      'Kp program PROGS/echo.sh first  second',
      'Kp3 program PROGS/exit3.sh',
      'Kpk program PROGS/killed.sh',
      'Kpx program PROGS/nothere.sh',
      'Kpe program PROGS/stderr.sh',
      'Kpm program -m -a.m PROGS/echo.sh',
      'Kpn program PROGS/empty.sh',
      'Kpr program echo hi',
      'Ktx text FILES/cols',
      'Ktv text -v2 FILES/cols',
      'Ktk text -k1 -v0 FILES/cols',
      'Ktz text -z: -v1 FILES/colon',
      'Ktf text -f FILES/cols',
      'Ktm text FILES/nothere',
      'Ktr text relative/file',
      'Ktbad text -kx FILES/cols',
    ].join('\n'),
    lookups: [
      '/map u root',
      '/map u ROOT',
      '/map u Root',
      '/map u nosuchuser',
      '/map u ',
      '/map un daemon',
      '/map up root',
      '/map uu daemon',
      '/map ug daemon',
      '/map ugc root',
      '/map ud root',
      '/map us root',
      '/map um ROOT',
      '/map ux root',
      '/map p key',
      '/map p "a b"',
      '/map p3 key',
      '/map pk key',
      '/map px key',
      '/map pe key',
      '/map pm key',
      '/map pn key',
      '/map pr key',
      '/map tx alpha',
      '/map tx ALPHA',
      '/map tx beta',
      '/map tx gamma',
      '/map tv alpha',
      '/map tk two',
      '/map tz a',
      '/map tz b',
      '/map tf ALPHA',
      '/map tm x',
      '/map tr x',
      '/map tbad x',
    ],
  },
  {
    // readaliases names the file before each complaint, cut to 83 bytes as the .cf's name is
    name: 'an aliases file with a long name read as text',
    cf: 'O AliasFile=FILES/LONG_ALIASES',
    lookups: ['/map aliases root', '/map Alias0 root'],
  },
  {
    name: 'sequence and switch',
    cf: [
      'Ka hash FILES/plain',
      'Kb hash FILES/nofold',
      'Kmiss hash FILES/nothere',
      'Kseq sequence a b',
      'Kseq2 sequence miss,a',
      'Kseq3 sequence nosuch a',
      'Kseq4 sequence b',
      'Kempty sequence',
      'Kaliases.files hash FILES/plain',
      'Ksw switch aliases',
      'Ksw2 switch hosts',
      'Ksw3 switch nosuchservice',
    ].join('\n'),
    lookups: [
      '/map seq foo',
      '/map seq lower',
      '/map seq none',
      '/map seq2 foo',
      '/map seq2 none',
      '/map seq3 foo',
      '/map seq4 none',
      '/map empty x',
      '/map sw foo',
      '/map sw none',
      '/map sw2 x',
      '/map sw3 x',
    ],
  },
  {
    name: 'host, bestmx, dns with the hosts file only',
    cf: [
      'Khost host -a. -T.tmp',
      'Kh2 host -m',
      'Kmx bestmx',
      'Kmxz bestmx -z,',
      'Kmxm bestmx -m -a!',
      'Kdns dns -RA',
      'Kdns2 dns -R MX -a.x',
      'Kdns3 dns -Rbogus',
      'Kdns4 dns',
    ].join('\n'),
    lookups: [
      '/map host vm',
      '/map host VM',
      '/map host vm.example.net',
      '/map host vm.example.net.',
      '/map host localhost',
      '/map host vm.example',
      '/map host nosuch',
      '/map host nosuch.example.com',
      '/map host [127.0.0.1]',
      '/map host [127.1]',
      '/map host [::1]',
      '/map host [IPv6:::1]',
      '/map host [10.1.2.3]',
      '/map host [127.0.0.1',
      '/map h2 vm',
      '/map mx vm',
      '/map mx example.com',
      '/map mx [vm]',
      '/map mx [1.2.3.4]',
      '/map mx [nosuch]',
      '/map mxz [vm]',
      '/map mxm [vm]',
      '/map dns example.com',
      '/map dns2 example.com',
      '/map dns3 x',
      '/map dns4 x',
    ],
  },
  {
    name: 'regex: flags, substrings, delimiters, errors',
    cf: [
      'Kr1 regex ^[0-9]+$',
      'Kr2 regex -a.MATCH ^(abc|def)',
      'Kr3 regex -f ^ABC',
      'Kr4 regex -n ^abc',
      'Kr5 regex -s1 -d+ ^([a-z]+)@([a-z.]+)$',
      'Kr6 regex -s2,1 -d: ^([a-z]+)@([a-z.]+)$',
      'Kr7 regex -s ^([a-z]+)@([a-z.]+)$',
      'Kr8 regex -m ^x',
      'Kr9 regex -b ^a\\{2\\}b',
      'Kr10 regex ^(a|ab)(c|bcd)(d*)$',
      'Kr11 regex -s3 (a',
      'Kr12 regex -s9 (a)(b)',
      'Kr13 regex a{2,1}',
      'Kr14 regex -s1 ^(.*)$',
      'Kr15 regex [[:alpha:]]+[[:digit:]]',
      'Kr16 regex -s0 \\<foo\\>',
      'Kr17 regex -s1 ^"?([^"]*)"?$',
      'Kr18 regex -s -d ^(a)(b)?(c)$',
      'Kr19 regex *x',
      'Kr20 regex [z-a]',
    ].join('\n'),
    lookups: [
      '/map r1 12345',
      '/map r1 123a',
      '/map r2 abcdef',
      '/map r2 ABC',
      '/map r2 xyz',
      '/map r3 ABCd',
      '/map r3 abcd',
      '/map r4 abc',
      '/map r4 xyz',
      '/map r5 user@example.com',
      '/map r5 User@Example.Com',
      '/map r6 user@example.com',
      '/map r7 user@example.com',
      '/map r8 xylophone',
      '/map r9 aab',
      '/map r9 ab',
      '/map r10 abcd',
      '/map r11 a',
      '/map r12 ab',
      '/map r13 a',
      '/map r14 has space',
      '/map r14 a<b',
      '/map r14 plain',
      '/map r15 abc1',
      '/map r16 a foo b',
      '/map r17 "quoted"',
      '/map r18 ac',
      '/map r18 abc',
      '/map r19 x',
      '/map r20 x',
    ],
  },
];

SCENARIOS.push(
  {
    name: 'K line syntax: names, classes, odd options, redeclaration',
    cf: [
      'K',
      'K  ',
      'K-x hash /x',
      'Kfoo',
      'Kfoo   ',
      'Kfoo -hash /x',
      'Kfoo:hash /x',
      'Kbar hash-o /x',
      'Kbaz hash',
      'Kd1 hash -d5x FILES/nothere',
      'Kd2 hash -d 5 FILES/nothere',
      'Kd3 host -d 5q',
      'Kq hash -z\\n -k name -v val -S_ -Tfail FILES/nothere',
      'Kre dequote -a.',
      'Kre hash FILES/nothere',
      'KFOO null',
      'Kfoo.bar_baz null -',
      'Kx null - a',
      'Kseq sequence foo,nosuch  FOO;x',
      'Kd4 dequote -a.x -D -S_',
      'Kcdb cdb FILES/plain',
      'Kdbm dbm FILES/plain',
      'Khes hesiod x',
      'Kph ph x',
      'Knsd nsd x',
      'Kunknown frobnitz x',
      'KHash HASH FILES/plain',
    ].join('\n'),
    lookups: [
      '/map foo x',
      '/map bar x',
      '/map baz x',
      '/map d1 x',
      '/map d2 x',
      '/map q x',
      '/map re x',
      '/map FOO x',
      '/map foo.bar_baz x',
      '/map Foo.Bar_Baz x',
      '/map x y',
      '/map seq x',
      '/map d4 "a b"',
      '/map cdb foo',
      '/map hash foo',
      '/map HASH Foo',
    ],
  },
  {
    name: 'servers that are not there: ldap, nis, nisplus, socket, userdb',
    cf: [
      'Kl1 ldap -h localhost -b dc=x -k uid=%0 -v mail',
      'Kl2 ldap -H ldap://localhost -k uid=%0',
      'Kl3 ldap -k (uid=%0) -t',
      'Kl4 ldap -s bogus -k x',
      'Kl5 ldap -o -k x',
      'Kl6 ldap -M krbv4 -k x',
      'Kl7 ldap -w 4 -k x',
      'Kl8 ldap -w 1 -k x',
      'Kl9 ldap -r bogus -k x',
      'Kla ldap -M bogus x -k y',
      'Klb ldap -k x -v a,b:dn',
      'Klc ldap -k x -v a:bogus',
      'Kld ldap -k x -v a,a',
      'Kle ldap -h h -H ldap://x -k y',
      'Klf ldap -Q -k y',
      'Klg ldap -k x -v a:dn -n -v b:dn,c',
      'Klh ldap -k x -M simple -P /nonexistent',
      'Kli ldap -k x -R',
      'Klj ldap -h "quoted host" -k y',
      'Klk ldap -k y -v b:dn -n',
      'Kll ldap -h vm -k y',
      'Klm ldap -b base',
      'Kn1 nis foo@example.com',
      'Kn2 nis -o foo',
      'Kn3 nis mail.aliases',
      'Knp nisplus foo.org_dir',
      'Kns nisplus',
      'Ks1 socket inet:1234@127.0.0.1',
      'Ks2 socket local:/var/run/nothere',
      'Ks3 socket inet:1234@nohost.invalid',
      'Ks4 socket bogus:x',
      'Ks5 socket inet:1234',
      'Ks6 socket inet:1234@[1.2.3]',
      'Ks7 socket inet:tcpmux@vm',
      'Ks8 socket inet:nosuchservice@vm',
      'Ks9 socket inet6:1234@[::1]',
      'Ksa socket inet:1234@[bogus]',
      'Ksb socket -o inet:1234',
      'Kud userdb /etc/mail/userdb',
    ].join('\n'),
    lookups: [
      'l1',
      'l2',
      'l3',
      'l4',
      'l5',
      'l6',
      'l7',
      'l8',
      'l9',
      'la',
      'lb',
      'lc',
      'ld',
      'le',
      'lf',
      'lg',
      'lh',
      'li',
      'lj',
      'lk',
      'll',
      'lm',
      'n1',
      'n2',
      'n3',
      'np',
      'ns',
      's1',
      's2',
      's3',
      's4',
      's5',
      's6',
      's7',
      's8',
      's9',
      'sa',
      'sb',
      'ud',
    ].map((m) => `/map ${m} key`),
  },
  {
    name: 'host and bestmx with dns and nis in the service switch',
    cf: ['Khost host -a.', 'Kmx bestmx', 'Ksw switch hosts', 'Khosts.files hash FILES/plain'].join('\n'),
    lookups: [
      '/map host vm',
      '/map host nosuch',
      '/map host vm.',
      '/map mx vm',
      '/map mx example.com',
      '/map mx [vm]',
      '/map sw foo',
    ],
    run: { switchText: 'hosts dns nis files\naliases files\n' },
  },
);

SCENARIOS.push({
  name: 'bytes above 127 and long keys',
  cf: [
    'Ke hash FILES/eight',
    'Kef hash -f FILES/eight',
    'Kr regex -s1 ^(.\xe9).*$',
    'Kri regex -a! \xc9T\xc9',
    'Kt text FILES/eight',
  ].join('\n'),
  lookups: [
    '/map e \xc9T\xc9',
    '/map e \xe9t\xe9',
    '/map e \xc9t\xe9',
    '/map ef \xc9t\xe9',
    '/map e K\xe9Y',
    `/map e ${'x'.repeat(300)}`,
    `/map e ${'y'.repeat(256)}`,
    `/map e ${'y'.repeat(256)}zzz`,
    '/map r k\xe9y',
    '/map ri \xe9t\xe9',
    '/map ri \xc9t\xc9',
    '/map t \xc9T\xe9',
    '/map t \xe9T\xe9',
  ],
});

const PROGRAMS: Record<string, string> = {
  'echo.sh': '#!/bin/sh\necho "out:$*"\n',
  'exit3.sh': '#!/bin/sh\necho partial\nexit 3\n',
  'killed.sh': '#!/bin/sh\nkill -9 $$\n',
  'stderr.sh': '#!/bin/sh\necho "to stderr" >&2\necho fine\n',
  'empty.sh': '#!/bin/sh\nexit 0\n',
};

describe.skipIf(!haveOracle)('maps against sendmail -bt', () => {
  let dir = '';
  let progDir = '';
  beforeAll(() => {
    dir = privateWorkDir('maps');
    const files = join(dir, 'files');
    mkdirSync(files, { mode: 0o755 });
    for (const [name, src] of Object.entries(SOURCES)) {
      writeFileSync(join(files, name), src.text, 'latin1');
      const r = runProgram(
        '/usr/sbin/makemap',
        [...(src.makemap ?? []), src.type ?? 'hash', join(files, `${name}.db`)],
        {
          input: src.text,
        },
      );
      expect(
        r.status === 0 ||
          r.stderr.includes('duplicate') ||
          r.stderr.includes('no RHS') ||
          r.stderr.includes('leading space'),
      ).toBe(true);
    }
    writeFileSync(join(files, 'cols'), '# comment\nalpha one two\nbeta  three\n  gamma lead\n');
    writeFileSync(join(files, 'colon'), 'a:x:y\nb::z\n');
    writeFileSync(join(files, LONG_ALIASES), 'no colon\n  stray continuation\n# comment\nnor here\n', {
      mode: 0o600,
    });
    // Programs must be reachable by the default user sendmail runs them as.
    progDir = `/opt/mailcf-maps-test-${process.pid}`;
    mkdirSync(progDir, { mode: 0o755 });
    chmodSync(progDir, 0o755);
    for (const [name, text] of Object.entries(PROGRAMS)) {
      writeFileSync(join(progDir, name), text, { mode: 0o755 });
    }
  });
  afterAll(() => {
    if (dir) removeWorkDir(dir);
    if (progDir) removeWorkDir(progDir);
  });

  for (const sc of SCENARIOS) {
    it(sc.name, () => {
      const body = sc.cf
        .replaceAll('LONG_ALIASES', LONG_ALIASES)
        .replaceAll('FILES', join(dir, 'files'))
        .replaceAll('PROGS', progDir);
      const cfName = `${sc.name.replace(/[^a-z0-9]+/gi, '-')}.cf`;
      const cf = writeCf(dir, cfName, `${body}\n`);
      const input = sc.lookups.join('\n') + '\n';
      const theirs = oracleTranscript(cf.path, input, dir, sc.run);
      // Tell our side how each database was built, as a user would on the command line.
      const textSources = new Map(
        Object.entries(SOURCES).map(([name, src]) => {
          const file = join(dir, 'files', name);
          return [file, textSourceSpec(file, src.makemap)] as const;
        }),
      );
      const ours = ourTranscript(cf.path, cf.text, input, dir, { textSources, ...sc.run });
      expect(ours.load).toBe(theirs.load);
      const oursLines = ours.session.split('\n');
      const theirLines = theirs.session.split('\n');
      for (let i = 0; i < Math.max(oursLines.length, theirLines.length); i++) {
        expect({ line: i, text: oursLines[i] }).toEqual({ line: i, text: theirLines[i] });
      }
      expect(ours.stderr).toBe(theirs.stderr);
    });
  }
});
