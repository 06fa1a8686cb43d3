// A small differential harness for the pure builtins (eval, format, regexp, patsubst, translit,
// incr …): many calls go into ONE GNU m4 run, separated by markers on both streams, and each
// call's expansion and messages are compared with what our function returns.
import type { PureResult } from '../../src/m4/diagnostics.js';
import { spawnSync } from 'node:child_process';
import { M4_ORACLE, hasM4Oracle } from '../../src/oracle/oracles.js';

export interface PureCall {
  /** The builtin, as the macro is invoked. */
  name: string;
  /** Its arguments (without the name). Any bytes except the harness's control bytes. */
  args: string[];
}

export interface CallOutcome {
  text: string;
  /** Message texts after the `m4:stdin:N: ` prefix, in order. */
  messages: string[];
  /** The first call of a fresh m4 process (per-run state such as the \\0 warning starts over). */
  freshRun?: boolean;
}

// Quotes and markers chosen from bytes the generated cases never contain.
const OPEN = '\x02';
const CLOSE = '\x03';
const MARK = '\x01<mark>\x01';
const CONTROL = /[\x01\x02\x03]/;

export const ORACLE_ENV_C: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin', LC_ALL: 'C' };
export const ORACLE_ENV_UTF8: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8' };

export { hasM4Oracle };

function quote(text: string): string {
  if (CONTROL.test(text)) throw new Error(`harness cannot pass control bytes: ${JSON.stringify(text)}`);
  return OPEN + text + CLOSE;
}

/** The m4 program that runs every call, marking where each one's output and messages start. */
export function batchProgram(calls: PureCall[]): string {
  const lines = [`changequote(${OPEN},${CLOSE})dnl`];
  calls.forEach((call, i) => {
    const args = call.args.map(quote).join(',');
    lines.push(`errprint(${OPEN}${MARK}${i}\n${CLOSE})${MARK}${call.name}(${args})`);
  });
  lines.push(`errprint(${OPEN}${MARK}end\n${CLOSE})${MARK}`);
  return lines.join('\n') + '\n';
}

const PREFIX = /^(?:\/usr\/bin\/)?m4:stdin:\d+: /;

/**
 * Runs all calls through GNU m4 at once and splits the result per call. When m4 dies on a call
 * ("memory exhausted"), that call's outcome is its messages plus that line, with no text, and
 * the calls after it run in a fresh m4.
 */
export function runOracleBatch(calls: PureCall[], env: NodeJS.ProcessEnv = ORACLE_ENV_C): CallOutcome[] {
  const outcomes: CallOutcome[] = [];
  while (outcomes.length < calls.length) {
    const rest = calls.slice(outcomes.length);
    const run = runGnuM4(batchProgram(rest), env);
    // stdout: MARK out0 \n MARK out1 \n ... MARK — each call's text sits between MARK and "\n".
    const outs = run.stdout.split(MARK).slice(1);
    // stderr: MARK i \n, then that call's message lines.
    const sections = run.stderr.split(MARK).slice(1);
    const finished = sections.length > rest.length;
    const completed = finished ? rest.length : sections.length - 1;
    const first = outcomes.length;
    for (let i = 0; i < completed; i++) outcomes.push(outcome(outs[i], sections[i]));
    if (!finished) {
      const died = sections[completed] ?? '';
      const messages = outcome('', died).messages;
      if (messages[messages.length - 1] !== 'memory exhausted') {
        throw new Error(`GNU m4 stopped on ${JSON.stringify(rest[completed])}: ${died}`);
      }
      outcomes.push({ text: '', messages });
    }
    outcomes[first].freshRun = true;
  }
  return outcomes;
}

/** GNU m4 on a program; m4 may die before reading it all (EPIPE), which is an outcome too. */
function runGnuM4(program: string, env: NodeJS.ProcessEnv): { stdout: string; stderr: string } {
  const r = spawnSync(M4_ORACLE, ['-'], {
    input: Buffer.from(program, 'latin1'),
    env,
    timeout: 120_000,
    maxBuffer: 1 << 30,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'EPIPE') throw r.error;
  return { stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1') };
}

function outcome(out: string, section: string): CallOutcome {
  const body = section.slice(section.indexOf('\n') + 1);
  const messages =
    body === ''
      ? []
      : body
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => l.replace(PREFIX, ''));
  return { text: out.slice(0, out.length - 1), messages };
}

/** What our implementation gives for the same calls. */
export function runOursBatch(calls: PureCall[], impl: (call: PureCall) => PureResult): CallOutcome[] {
  return calls.map((call) => {
    const result = impl(call);
    return { text: result.text, messages: result.diagnostics.map((d) => d.message) };
  });
}

export interface Disagreement {
  call: PureCall;
  ours: CallOutcome;
  gnu: CallOutcome;
}

/** Calls whose expansion or messages differ between GNU m4 and ours. */
export function disagreements(
  calls: PureCall[],
  impl: (call: PureCall) => PureResult,
  env: NodeJS.ProcessEnv = ORACLE_ENV_C,
  /** Called where GNU m4 started afresh, so per-run state can be reset to match. */
  newRun?: () => void,
): Disagreement[] {
  const gnu = runOracleBatch(calls, env);
  const ours = calls.map((call, i) => {
    if (newRun && gnu[i].freshRun) newRun();
    return runOursBatch([call], impl)[0];
  });
  const out: Disagreement[] = [];
  calls.forEach((call, i) => {
    if (gnu[i].text !== ours[i].text || gnu[i].messages.join('\n') !== ours[i].messages.join('\n')) {
      out.push({ call, ours: ours[i], gnu: gnu[i] });
    }
  });
  return out;
}

/** What a whole m4 run produced. */
export interface RunOutcome {
  stdout: string;
  stderr: string;
  status: number;
}

function runGnuProgram(program: string, env: NodeJS.ProcessEnv): RunOutcome {
  const r = spawnSync(M4_ORACLE, ['-'], {
    argv0: 'm4',
    input: Buffer.from(program, 'latin1'),
    env,
    timeout: 120_000,
    maxBuffer: 1 << 30,
  });
  if (r.error) throw r.error;
  return { stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), status: r.status ?? -1 };
}

async function runOurProgram(program: string, env: NodeJS.ProcessEnv): Promise<RunOutcome> {
  const { memoryIO } = await import('../../src/cli/io.js');
  const { runM4Command } = await import('../../src/cli/m4.js');
  const io = memoryIO(program, { env });
  const status = await runM4Command(['-'], io);
  return { stdout: io.out(), stderr: io.err(), status };
}

/**
 * The calls as ONE m4 program run by GNU m4 and by `mailcf m4` (in-process, through the engine):
 * every byte of stdout and stderr, and the exit status, must agree. Calls on which GNU m4 dies
 * (memory exhausted) are left out, so one run covers the rest.
 */
export async function engineDisagreement(
  calls: PureCall[],
  env: NodeJS.ProcessEnv = ORACLE_ENV_C,
): Promise<{ gnu: RunOutcome; ours: RunOutcome } | undefined> {
  const outcomes = runOracleBatch(calls, env);
  const survivors = calls.filter((_call, i) => outcomes[i].messages.at(-1) !== 'memory exhausted');
  const program = batchProgram(survivors);
  const gnu = runGnuProgram(program, env);
  const ours = await runOurProgram(program, env);
  if (gnu.stdout === ours.stdout && gnu.stderr === ours.stderr && gnu.status === ours.status)
    return undefined;
  return { gnu, ours };
}
