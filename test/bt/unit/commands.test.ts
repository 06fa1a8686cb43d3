import { describe, expect, it } from 'vitest';
import type { TestModeEnv } from '../../../src/bt/env.js';
import { formatHeaderFlags } from '../../../src/bt/commands.js';
import { QuitSignal, TestSession, runPipedSession } from '../../../src/bt/session.js';
import { fgetsPieces, commandFromPiece } from '../../../src/bt/lines.js';

/** A fake configuration: macros by letter, one class, rulesets 0 and 3, an "esmtp" mailer. */
function fakeEnv(): { env: TestModeEnv; out: () => string; calls: string[] } {
  let out = '';
  const calls: string[] = [];
  const macros = new Map<number, string>([[0x77, 'vm']]);
  const classes = new Map<number, string[]>();
  const env: TestModeEnv = {
    write: (t) => void (out += t),
    report: {
      syserr: (t) => void (out += `syserr:${t}\n`),
      usrerr: (t) => void (out += `usrerr:${t}\n`),
      message: (t) => void (out += `message:${t}\n`),
      setStatus: () => {},
    },
    parseMacro: (text, at) => {
      if (at >= text.length) {
        out += 'Name required for macro/class\n';
        return { id: 0, end: at };
      }
      if (text[at] === '{') {
        const close = text.indexOf('}', at);
        return { id: 0xa0, end: close + 1 };
      }
      return { id: text.charCodeAt(at), end: at + 1 };
    },
    macroValue: (id) => macros.get(id) ?? null,
    defineMacro: (id, v) => void macros.set(id, v),
    translateDollars: (raw) => raw.trim(),
    expand: (s) => s,
    addToClass: (id, w) => void classes.set(id, [...(classes.get(id) ?? []), w]),
    classMembers: (id) => classes.get(id) ?? [],
    printable: (s) => s,
    lookUpRuleset: (text) => {
      const m = /^\s*(\d+|[A-Za-z]\w*)/.exec(text);
      const end = m ? m[0].length : 0;
      if (!m) return { number: -1, end };
      const n = m[1] === '0' || m[1] === 'parse' ? 0 : m[1] === '3' || m[1] === 'canonify' ? 3 : -1;
      return { number: n, end };
    },
    rulesetListing: (rs) => `R-listing-${rs}\n`,
    mailerListing: () => 'mailer-listing\n',
    mailerExists: (name) => name === 'esmtp',
    setDebug: (spec) => void calls.push(`debug:${spec}`),
    debugLevel: () => 0,
    checkAddressChars: () => true,
    scanAddress: (text, at) => {
      const comma = text.indexOf(',', at);
      const end = comma < 0 ? text.length : comma;
      return { tokens: text.slice(at, end).split(' ').filter(Boolean), end };
    },
    rewrite: (tokens, rs) => {
      calls.push(`rewrite:${rs}:${tokens.join(' ')}`);
      return rs === 3 ? 0 : 75;
    },
    joinTokens: (t) => t.join(''),
    mapLookup: (name, key, before) => {
      if (name !== 'm') return { kind: 'no-such-map' };
      before();
      return { kind: 'looked-up', result: { value: key === 'k' ? 'v' : null, status: 0 } };
    },
    canonicalHost: (h) => h + '.example',
    mxLookup: (h) => ({ count: 1, hosts: [h + '.'] }),
    getHostByName: (h, inet6) => void calls.push(`ghbn:${h}:${inet6}`),
    crackAddress: () => '$g',
    parseAddress: (a) => (a === 'bad' ? null : { mailer: 'local', host: '', user: a }),
    setSender: (a) => a || 'root',
    remoteName: (_m, a) => ({ status: 0, address: a }),
    headerFlags: () => 0x40000,
    help: () => void (out += 'HELP\n'),
    quit: () => {
      throw new QuitSignal();
    },
  };
  return { env, out: () => out, calls };
}

function run(input: string): { out: string; calls: string[] } {
  const f = fakeEnv();
  runPipedSession(input, new TestSession(f.env, { write: f.env.write }, 2));
  return { out: f.out(), calls: f.calls };
}

const BANNER = 'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n';

describe('test-mode command parsing', () => {
  it('prints the banner, a prompt before every read, and one at the end', () => {
    expect(run('# comment\n\n').out).toBe(BANNER + '> > > ');
  });

  it('answers the dot, equals and dash families', () => {
    expect(run('.\n.Q\n=\n=Q\n=S3\n=Sfoo\n=M\n-\n-x\n-d21.12\n').out).toBe(
      BANNER +
        '> Usage: .[DC]macro value(s)\n' +
        '> Unknown "." command .Q\n' +
        '> Usage: =Sruleset or =M\n' +
        '> Unknown "=" command =Q\n' +
        '> R-listing-3\n' +
        '> Undefined ruleset foo\n' +
        '> mailer-listing\n' +
        '> Usage: -d{debug arguments}\n' +
        '> Unknown "-" command -x\n' +
        '> > ',
    );
  });

  it('defines macros and classes and prints them', () => {
    expect(run('.Dx hello\n$x\n$y\n.Cw a b\t c\n$=w\n.C\n').out).toBe(
      BANNER + '> > hello\n> Undefined\n> > a\nb\nc\n> > ',
    );
  });

  it('runs an address through each ruleset of a list and reports failures and unknown names', () => {
    const r = run('3,0 a b\n3,nope,0 x\n3\n  0 z,y\n');
    expect(r.out).toBe(
      BANNER +
        '> == Ruleset 0 (0) status 75\n' +
        '> Undefined ruleset nope,0\n' +
        '> No address!\n' +
        '> == Ruleset 0 (0) status 75\n== Ruleset 0 (0) status 75\n' +
        '> ',
    );
    expect(r.calls).toEqual(['rewrite:3:a b', 'rewrite:0:a b', 'rewrite:3:x', 'rewrite:0:z', 'rewrite:0:y']);
  });

  it('parses the slash commands and their usage messages', () => {
    expect(
      run(
        '/\n/bogus x\n/mx\n/mx a\n/canon\n/canon h \n/map\n/map m\n/map m k\n/map m  z\n/map q k\n/expand\n/expand $x\n/try\n/try esmtp\n/try nope a\n/try esmtp a@b\n/tryflags\n/tryflags hs\n${x}\n/parse\n/parse bad\n/parse u\n/sender\n/header X: y\n/QUIT\n3,0 never\n',
      ).out,
    ).toBe(
      BANNER +
        '> Usage: /[canon|map|mx|parse|try|tryflags]\n' +
        '> Unknown "/" command /bogus\n' +
        '> Usage: /mx address\n' +
        '> getmxrr(a) returns 1 value(s):\n\ta.\n' +
        '> Usage: /canon address\n' +
        '> getcanonname(h) returns h.example\n' +
        '> Usage: /map mapname key\n' +
        '> No key specified\n' +
        '> map_lookup: m (k) returns v (0)\n' +
        '> map_lookup: m ( z) no match (0)\n' +
        '> Map named "q" not found\n' +
        '> Usage: /expand string\n' +
        '> $x' +
        '> Usage: /try mailer address\n' +
        '> Usage: /try mailer address\n' +
        '> Unknown mailer nope\n' +
        '> Trying envelope recipient address a@b for mailer esmtp\nRcode = 0, addr = a@b\n' +
        '> Usage: /tryflags [Hh|Ee][Ss|Rr]\n' +
        '> > h s\n' +
        '> Usage: /parse address\n' +
        '> Cracked address = $g\nParsing header sender address\nCannot parse\n' +
        '> Cracked address = $g\nParsing header sender address\nmailer local, user u\n' +
        '> addr=root\n' +
        '> ul = 0x00040000\n' +
        '> ',
    );
  });

  it('echoes commands instead of prompting when not fully verbose', () => {
    const f = fakeEnv();
    const s = new TestSession(f.env, { write: f.env.write }, 1);
    runPipedSession('$w\n', s);
    expect(f.out()).toBe(BANNER + '> $w\nvm\n');
  });

  it('formats header flags as printf %#0.8lx', () => {
    expect(formatHeaderFlags(0)).toBe('00000000');
    expect(formatHeaderFlags(0x40100)).toBe('0x00040100');
  });
});

describe('reading input like fgets', () => {
  it('splits long lines into 2047-byte pieces and keeps a last line without newline', () => {
    const long = 'x'.repeat(3000);
    expect(fgetsPieces(`a\n${long}\nb`).map((p) => p.length)).toEqual([2, 2047, 954, 1]);
  });

  it('cuts a command at a NUL byte', () => {
    expect(commandFromPiece('$w\0junk\n')).toBe('$w');
  });
});
