#!/usr/bin/env node
// mailcf test against sendmail -bt: 5,000 traced "3,0 address" lines through generic-linux's
// .cf (GNU m4 over sendmail's cf library), each tool run as a whole process in turn, in the
// same sandbox (host name, hosts file, service switch) the differential tests use. Prints the
// best wall time of N runs (MAILCF_BENCH_RUNS, default 3) and mailcf/sendmail; target <= 1.0x.
// Also checks that the two transcripts are identical. Needs `npm run build`, root, sendmail,
// m4 and sendmail-cf. MAILCF_BENCH_LINES changes the number of lines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, RUNS, digest, timed } from './support.js';
import { buildCf, canBuildCorpus, sampleMcFiles } from '../dist/bt/oracle-corpus.js';
import {
  hasSendmailOracle,
  privateWorkDir,
  removeWorkDir,
  runInSandbox,
  runSendmailBt,
  writeSandboxFiles,
} from '../dist/oracle/oracles.js';

const LINES = Number(process.env.MAILCF_BENCH_LINES ?? 5000);

/** A deterministic mix of local, remote, routed and decorated addresses. */
function addresses(n) {
  const locals = ['user', 'root', 'first.last', 'a+b', '"quoted user"', 'postmaster', 'x_y-z'];
  const domains = [
    'example.com',
    'vm',
    'vm.example.net',
    'localhost',
    'sub.example.org',
    '[192.0.2.2]',
    null,
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const local = locals[i % locals.length] + (i % 11);
    const domain = domains[(i * 7) % domains.length];
    const addr = domain === null ? local : `${local}@${domain}`;
    switch (i % 6) {
      case 0:
        out.push(`<${addr}>`);
        break;
      case 1:
        out.push(`Some Body <${addr}>`);
        break;
      case 2:
        out.push(`<@relay.example:${addr}>`);
        break;
      case 3:
        out.push(`${local}%${domain ?? 'host'}@vm.example.net`);
        break;
      case 4:
        out.push(`host${i % 5}!${local}`);
        break;
      default:
        out.push(addr);
    }
  }
  return out;
}

function main() {
  if (!hasSendmailOracle() || !canBuildCorpus()) {
    console.log('bench/bt.js: needs sendmail 8.17 (as root, with unshare), GNU m4 and sendmail-cf; skipped');
    return;
  }
  const dir = privateWorkDir('bench-bt');
  try {
    const mc = sampleMcFiles().find((m) => m.name === 'generic-linux');
    const cf = join(dir, 'generic-linux.cf');
    writeFileSync(cf, buildCf(mc).text, { encoding: 'latin1', mode: 0o600 });
    const input = addresses(LINES)
      .map((a) => `3,0 ${a}\n`)
      .join('');
    const { hosts, switchFile } = writeSandboxFiles(dir);
    const sendmail = () => runSendmailBt(cf, input, { dir, timeoutMs: 600_000 });
    const mailcf = () =>
      runInSandbox([process.execPath, CLI, 'test', '-O', `ServiceSwitchFile=${switchFile}`, '-C', cf], {
        input,
        hostsFile: hosts,
        timeoutMs: 600_000,
      });
    let best = { sendmail: Infinity, mailcf: Infinity };
    let same = true;
    let lines = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = timed(sendmail);
      const m = timed(mailcf);
      best = { sendmail: Math.min(best.sendmail, s.wall), mailcf: Math.min(best.mailcf, m.wall) };
      same &&= digest(s.r) === digest(m.r);
      lines = s.r.stdout.split('\n').length;
    }
    console.log(`bt: mailcf test against sendmail -bt (${process.version}), ${LINES} lines of "3,0 address"`);
    console.log(`  trace lines per run: ${lines}`);
    console.log(`  sendmail -bt: ${best.sendmail.toFixed(3)} s   mailcf test: ${best.mailcf.toFixed(3)} s`);
    console.log(`  ratio mailcf/sendmail: ${(best.mailcf / best.sendmail).toFixed(2)}x (target <= 1.0x)`);
    if (!same) console.log("warning: mailcf's transcript differs from sendmail's");
  } finally {
    removeWorkDir(dir);
  }
}

main();
