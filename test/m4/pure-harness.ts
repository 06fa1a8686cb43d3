// A small differential harness for the pure builtins (eval, format, regexp, patsubst, translit,
// incr …): many calls go into ONE GNU m4 run, separated by markers on both streams, and each
// call's expansion and messages are compared with what our function returns.
import type { PureResult } from '../../src/m4/diagnostics.js';
import { hasM4Oracle, runM4Oracle } from '../../src/oracle/oracles.js';

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

/** Runs all calls through GNU m4 at once and splits the result per call. */
export function runOracleBatch(calls: PureCall[], env: NodeJS.ProcessEnv = ORACLE_ENV_C): CallOutcome[] {
  const run = runM4Oracle(['-'], { input: batchProgram(calls), env });
  // stdout: MARK out0 \n MARK out1 \n ... MARK — each call's text sits between MARK and "\n".
  const outs = run.stdout.split(MARK).slice(1, calls.length + 1);
  // stderr: MARK i \n, then that call's message lines.
  const sections = run.stderr.split(MARK).slice(1, calls.length + 1);
  return calls.map((_call, i) => {
    const out = outs[i] ?? '';
    const section = sections[i] ?? '';
    const body = section.slice(section.indexOf('\n') + 1);
    const messages =
      body === ''
        ? []
        : body
            .replace(/\n$/, '')
            .split('\n')
            .map((l) => l.replace(PREFIX, ''));
    return { text: out.slice(0, out.length - 1), messages };
  });
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
): Disagreement[] {
  const gnu = runOracleBatch(calls, env);
  const ours = runOursBatch(calls, impl);
  const out: Disagreement[] = [];
  calls.forEach((call, i) => {
    if (gnu[i].text !== ours[i].text || gnu[i].messages.join('\n') !== ours[i].messages.join('\n')) {
      out.push({ call, ours: ours[i], gnu: gnu[i] });
    }
  });
  return out;
}
