// Differential test of host identity: sendmail -bt and mailcf test started under other host
// names and hosts files (the C library's lookups, "multi on" merging, IPv6 entries, names of
// the interfaces' addresses), compared on $w $j $m $k, $=w, $=k and the -d0.4 trace.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canBuildCorpus } from '../../src/bt/oracle-corpus.js';
import {
  SENDMAIL_ORACLE,
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
  runInSandbox,
  type RunResult,
} from '../../src/oracle/oracles.js';
import { MAILCF_BIN, hasBuiltCli } from './support/bt-diff.js';
import { runCorpus } from './support/corpus-cache.js';

interface Scenario {
  name: string;
  hostname: string;
  hosts: string;
  args?: string[];
}

// Every scenario gives the host a qualified name one way or another: sendmail sleeps a minute
// when it cannot find one.
const SCENARIOS: Scenario[] = [
  {
    name: 'short name, qualified in the hosts file',
    hostname: 'mail',
    hosts: '127.0.0.1 localhost\n10.0.0.5 mail.corp.example mail\n',
  },
  {
    name: 'fully qualified host name',
    hostname: 'box.example.org',
    hosts: '127.0.1.1 box.example.org box\n',
  },
  {
    name: 'multi on: later lines add names and addresses',
    hostname: 'alias',
    hosts:
      '192.0.2.10 Primary.Example.COM alias other\n192.0.2.11 primary.example.com alias second\n::1 localhost ip6-localhost\n',
  },
  {
    name: 'an IPv6 entry is found first',
    hostname: 'six',
    hosts: 'fd00::5 six.example.net six\n10.9.9.9 six.v4.example six\n',
  },
  {
    name: 'the dotted name comes from a later line',
    hostname: 'hosty',
    hosts: '10.1.1.1 hosty\n10.1.1.2 hosty.example.net hosty\n',
  },
  {
    name: 'interface addresses with names',
    hostname: 'vm',
    hosts: '127.0.0.1 vm.example.net vm localhost\n192.0.2.2 iface.example.net ifalias\n',
  },
  {
    name: 'loopback interfaces not probed',
    hostname: 'vm',
    hosts: '127.0.0.1 vm.example.net vm localhost loop-alias\n192.0.2.2 iface.example.net\n',
    args: ['-O', 'DontProbeInterfaces=loopback'],
  },
  {
    name: 'no interfaces probed',
    hostname: 'vm',
    hosts: '127.0.0.1 vm.example.net vm localhost\n192.0.2.2 iface.example.net\n',
    args: ['-O', 'DontProbeInterfaces=true'],
  },
];

const INPUT =
  '$w\n$j\n$m\n$k\n$=w\n$=k\n/canon vm\n/gethostbyname six\n-d61.11\n/gethostbyname alias\n/gethostbyname six inet6\n';

const missing = !hasSendmailOracle()
  ? 'sendmail 8.17'
  : !canBuildCorpus()
    ? 'GNU m4 and sendmail-cf'
    : undefined;

if (missing) {
  describe('host identity differential', () => it.skip(missingOracleNotice(missing), () => {}));
} else {
  const work = privateWorkDir('bt-identity');
  afterAll(() => removeWorkDir(work));
  const cf = runCorpus().configs.find((c) => c.name === 'generic-linux');

  describe('host identity differential', () => {
    it('has a built CLI and the generic-linux .cf', () => {
      expect(hasBuiltCli()).toBe(true);
      expect(cf).toBeDefined();
    });

    SCENARIOS.forEach((s, i) => {
      it(s.name, () => {
        const hosts = join(work, `hosts-${i}`);
        const switchFile = join(work, 'switch');
        writeFileSync(hosts, s.hosts);
        writeFileSync(switchFile, 'hosts files\naliases files\n');
        const common = ['-O', `ServiceSwitchFile=${switchFile}`, '-d0.4', ...(s.args ?? [])];
        const run = (argv: string[]): RunResult =>
          runInSandbox(argv, {
            input: INPUT,
            hostsFile: hosts,
            identity: { hostname: s.hostname, fqdn: '' },
          });
        const oracle = run([SENDMAIL_ORACLE, ...common, '-bt', '-C', cf!.cfPath]);
        const ours = run([process.execPath, MAILCF_BIN, 'test', ...common, '-C', cf!.cfPath]);
        expect(ours.stdout).toBe(oracle.stdout);
        expect(ours.stderr).toBe(oracle.stderr);
        expect(ours.status).toBe(oracle.status);
      });
    });
  });
}
