// Finding and running the real tools mailcf emulates (GNU m4, sendmail), for differential tests
// and benchmarks. Nothing here is used when mailcf does its own job.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { constants as osConstants, homedir } from 'node:os';
import { join } from 'node:path';

export const M4_ORACLE = '/usr/bin/m4';
export const SENDMAIL_ORACLE = '/usr/sbin/sendmail';
export const SENDMAIL_CF_DIR = '/usr/share/sendmail/cf';

let m4Cache: boolean | undefined;
/** GNU m4 1.4.19 is installed. */
export function hasM4Oracle(): boolean {
  if (m4Cache === undefined) {
    const r = spawnSync(M4_ORACLE, ['--version'], { encoding: 'latin1' });
    m4Cache = r.status === 0 && /GNU M4\) 1\.4\.19/.test(r.stdout);
  }
  return m4Cache;
}

/** sendmail's cf library (and its sample .mc files) is installed. */
export function hasSendmailCf(): boolean {
  return existsSync(join(SENDMAIL_CF_DIR, 'm4', 'cf.m4'));
}

let sendmailCache: boolean | undefined;
/** sendmail 8.17 is installed and we can give it a private hostname (root, unshare). */
export function hasSendmailOracle(): boolean {
  if (sendmailCache === undefined) {
    sendmailCache =
      existsSync(SENDMAIL_ORACLE) &&
      process.getuid?.() === 0 &&
      spawnSync('unshare', ['-m', '--uts', 'true']).status === 0;
  }
  return sendmailCache;
}

/** The notice a skipped differential test prints. */
export function missingOracleNotice(what: string): string {
  return `oracle missing: ${what} is not installed here, so the differential tests that need it are skipped (.ci/run installs it)`;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

function result(r: ReturnType<typeof spawnSync>): RunResult {
  if (r.error) throw r.error;
  return {
    stdout: (r.stdout as Buffer).toString('latin1'),
    stderr: (r.stderr as Buffer).toString('latin1'),
    status: r.status ?? 128 + (r.signal ? (osConstants.signals[r.signal] ?? 0) : 0),
  };
}

export interface SpawnOptions {
  input?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a program with latin1 input and output. */
export function runProgram(file: string, args: string[], opts: SpawnOptions = {}): RunResult {
  return result(
    spawnSync(file, args, {
      input: Buffer.from(opts.input ?? '', 'latin1'),
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      timeout: opts.timeoutMs ?? 60_000,
      maxBuffer: 1 << 30,
    }),
  );
}

/** Runs GNU m4 with the given arguments and standard input. */
export function runM4Oracle(args: string[], opts: SpawnOptions = {}): RunResult {
  return runProgram(M4_ORACLE, args, opts);
}

/**
 * A private directory for oracle runs. sendmail refuses files below world-writable
 * directories such as /tmp, so it lives under the home directory.
 */
export function privateWorkDir(tag: string): string {
  const base = join(homedir(), '.cache', 'mailcf-oracle');
  mkdirSync(base, { recursive: true, mode: 0o700 });
  return mkdtempSync(join(base, `${tag}-`));
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The identity a sandboxed run gets: short hostname and the fully qualified name. */
export interface HostIdentity {
  hostname: string;
  fqdn: string;
}

export const DEFAULT_IDENTITY: HostIdentity = { hostname: 'vm', fqdn: 'vm.example.net' };

/**
 * Writes the hosts file and service switch a sandboxed run uses, and returns their paths.
 * The hosts file maps 127.0.0.1 to the fully qualified name so sendmail does not stall
 * looking for its own canonical name.
 */
export function writeSandboxFiles(
  dir: string,
  id: HostIdentity = DEFAULT_IDENTITY,
): { hosts: string; switchFile: string } {
  const hosts = join(dir, 'hosts');
  const switchFile = join(dir, 'service.switch');
  writeFileSync(hosts, `127.0.0.1\t${id.fqdn} ${id.hostname} localhost\n::1\tlocalhost ip6-localhost\n`);
  writeFileSync(switchFile, 'hosts files\naliases files\n');
  return { hosts, switchFile };
}

/**
 * Runs a command in a private mount and UTS namespace with the given hostname and the given
 * file bind-mounted over /etc/hosts. Used for sendmail -bt and for mailcf when compared with it.
 */
export function runInSandbox(
  argv: string[],
  opts: SpawnOptions & { hostsFile: string; identity?: HostIdentity },
): RunResult {
  const id = opts.identity ?? DEFAULT_IDENTITY;
  const script = 'hostname "$0" && mount --bind "$1" /etc/hosts && shift && exec "$@"';
  return runProgram(
    'unshare',
    ['-m', '--uts', 'sh', '-c', script, id.hostname, opts.hostsFile, ...argv],
    opts,
  );
}

/** Runs `sendmail -bt` on a .cf in the sandbox, with the switch file pointing at /etc/hosts. */
export function runSendmailBt(
  cfPath: string,
  input: string,
  opts: { dir: string; extraArgs?: string[]; identity?: HostIdentity; timeoutMs?: number },
): RunResult {
  const { hosts, switchFile } = writeSandboxFiles(opts.dir, opts.identity);
  return runInSandbox(
    [
      SENDMAIL_ORACLE,
      '-O',
      `ServiceSwitchFile=${switchFile}`,
      ...(opts.extraArgs ?? []),
      '-bt',
      '-C',
      cfPath,
    ],
    { input, hostsFile: hosts, identity: opts.identity, timeoutMs: opts.timeoutMs },
  );
}
