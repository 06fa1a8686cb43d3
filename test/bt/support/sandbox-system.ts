// The machine as the oracle sandbox shows it (host name "vm", the sandbox's hosts file,
// standard input a socket), for in-process runs of mailcf test that are compared with
// sendmail -bt run in that sandbox. Interfaces and everything else are the real machine's.
import { readFileSync } from 'node:fs';
import { nodeStartupSystem } from '../../../src/bt/run.js';
import type { StartupSystem } from '../../../src/bt/startup.js';
import { DEFAULT_IDENTITY, writeSandboxFiles } from '../../../src/oracle/oracles.js';

export interface SandboxRun {
  system: StartupSystem;
  /** Arguments both tools get (the sandbox's service switch). */
  args: string[];
  /** Arguments only the in-process run needs (the sandbox's hosts file for the maps). */
  ownArgs: string[];
}

export function sandboxRun(dir: string): SandboxRun {
  const { hosts, switchFile } = writeSandboxFiles(dir);
  const hostsText = readFileSync(hosts, 'latin1');
  const real = nodeStartupSystem();
  const name = DEFAULT_IDENTITY.hostname;
  return {
    system: {
      ...real,
      host: {
        ...real.host,
        hostname: () => name,
        nodename: () => name,
        readFile: (path) => (path === '/etc/hosts' ? hostsText : real.host.readFile(path)),
      },
      stdinIsSocket: true,
    },
    args: ['-O', `ServiceSwitchFile=${switchFile}`],
    ownArgs: ['-O', `HostsFile=${hosts}`],
  };
}
