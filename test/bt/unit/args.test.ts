import { describe, expect, it } from 'vitest';
import { parseTestArgs } from '../../../src/bt/args.js';

describe('mailcf test command line', () => {
  it('reads -C, -O, -o, -d and bundled -bt like sendmail', () => {
    const r = parseTestArgs([
      '-bt',
      '-C',
      'x.cf',
      '-OServiceSwitchFile=/s',
      '-O',
      'HostsFile=/h',
      '-d21.12',
      '-oB.',
    ]);
    expect(r.ok && r.args).toMatchObject({
      cfFile: 'x.cf',
      debug: ['21.12'],
      options: [
        { letter: ' ', text: 'ServiceSwitchFile=/s' },
        { letter: ' ', text: 'HostsFile=/h' },
        { letter: 'B', text: '.' },
      ],
    });
  });

  it('takes a positional .cf file and --no-color', () => {
    const r = parseTestArgs(['--no-color', 'site.cf']);
    expect(r.ok && r.args).toMatchObject({ cfFile: 'site.cf', noColor: true });
  });

  it('defines the macros sendmail derives from -h and -p', () => {
    const r = parseTestArgs(['-h', '7', '-pESMTP:relay.example']);
    expect(r.ok && r.args.macros).toEqual([
      { name: 'c', value: '7' },
      { name: 's', value: 'relay.example' },
      { name: 'r', value: 'ESMTP' },
    ]);
  });

  it('keeps -q as a complaint test mode goes on after', () => {
    const r = parseTestArgs(['-q1h']);
    expect(r.ok && r.args.complaints).toEqual(['Can not use -q with -bt']);
  });

  it('rejects unknown options, missing arguments and other modes with status 64', () => {
    for (const argv of [['-z'], ['-C'], ['-bd'], ['a.cf', 'b.cf']]) {
      const r = parseTestArgs(argv);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.status).toBe(64);
    }
    const r = parseTestArgs(['-z']);
    expect(!r.ok && r.message).toMatch(/^mailcf test: illegal option -- z\n/);
  });

  it('takes --map-source (repeatable, separate or with =) as makemap text sources by map file', () => {
    const r = parseTestArgs([
      '--map-source',
      '/etc/mail/access=/srv/access.txt -f -t :',
      '--map-source=/etc/mail/virtusertable=/srv/virt -N',
      '-C',
      'x.cf',
    ]);
    expect(r.ok && [...r.args.textSources]).toEqual([
      ['/etc/mail/access', { path: '/srv/access.txt', noFoldCase: true, delimiter: ':' }],
      ['/etc/mail/virtusertable', { path: '/srv/virt', includeNull: true }],
    ]);
    expect(r.ok && r.args.cfFile).toBe('x.cf');
  });

  it('rejects a --map-source without MAPFILE=SOURCE or without a value', () => {
    for (const argv of [['--map-source', 'nofile'], ['--map-source', '=src'], ['--map-source']]) {
      const r = parseTestArgs(argv);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.status).toBe(64);
        expect(r.message).toMatch(/^mailcf test: .*--map-source/);
      }
    }
  });

  it("leaves words after -- to sendmail's getopt (a file named --no-color)", () => {
    const r = parseTestArgs(['--', '--no-color']);
    expect(r.ok && r.args).toMatchObject({ cfFile: '--no-color', noColor: false });
  });

  it('asks for help with --help', () => {
    const r = parseTestArgs(['--help', '-z']);
    expect(r.ok && r.args.help).toBe(true);
  });
});
