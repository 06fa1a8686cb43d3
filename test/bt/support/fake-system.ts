// A made-up machine for in-process runs of mailcf test (no oracle, no real host lookups), and
// the small hand-written .cf those runs load.
import { join } from 'node:path';
import { nodeCfEnvironment } from '../../../src/cf/environment.js';
import { parseIpv4 } from '../../../src/bt/host/inet.js';
import type { StartupSystem } from '../../../src/bt/startup.js';
import { BT_TEST_ROOT } from './probes.js';

export const TINY_CF = join(BT_TEST_ROOT, 'fixtures', 'tiny.cf');

/** A machine called "box" with one address besides loopback. */
export function fakeSystem(): StartupSystem {
  const files: Record<string, string> = {
    '/etc/hosts': '127.0.0.1 localhost\n10.0.0.1 box.test.example box\n',
    '/etc/nsswitch.conf': 'hosts: files\n',
    '/etc/host.conf': 'multi on\n',
  };
  return {
    host: {
      hostname: () => 'box',
      nodename: () => 'box',
      interfaces: () => [{ name: 'lo', address: parseIpv4('127.0.0.1')!, loopback: true }],
      readFile: (p) => files[p] ?? null,
    },
    cf: nodeCfEnvironment(),
    now: () => new Date(Date.UTC(2025, 10, 25, 12, 0, 0)),
    pid: 4242,
    realUserName: 'tester',
    isRoot: false,
    stdinIsSocket: false,
    loadAverage: () => 0,
  };
}
