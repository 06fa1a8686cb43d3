// C, T and F lines: class members given inline, trusted users (class t), and members read
// from a file (with an optional scanf format), a program, or a map lookup.
import type { SendmailConfig } from './config.js';
import type { CfEnvironment, FileReadResult } from './environment.js';
import { ErrorChannel } from './errors.js';
import { trustedUidOf } from './options.js';
import { SafeFlags } from '../sendmail/safefile.js';
import { expandMacros, macroId, parseMacroId } from './macros.js';
import { MATCHCLASS } from './meta.js';
import { isSpace } from '../sendmail/ctype.js';
import { extractQuoted } from './strings.js';
import { ScanBuffer, scanfWord } from './scanf.js';

const MAXLINE = 2048;

/** Splits on blanks (sendmail's SM_ISSPACE) and drops empty words. */
function words(text: string): string[] {
  const out: string[] = [];
  let p = 0;
  while (p < text.length) {
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    const start = p;
    while (p < text.length && !isSpace(text.charCodeAt(p))) p++;
    if (p > start) out.push(text.slice(start, p));
  }
  return out;
}

/** sendmail's setclass: a word, or `$=X` (the members of class X). */
export function addToClass(config: SendmailConfig, classId: number, word: string): void {
  if (word.charCodeAt(0) === MATCHCLASS) {
    const from = parseMacroId(word, 1, config.macroNames, config.errors).id;
    if (from !== 0) config.classes.copy(from, classId);
    return;
  }
  config.classes.add(classId, word);
}

/** A C or T line. */
export function readClassLine(config: SendmailConfig, bp: string): void {
  let id: number;
  let text: string;
  if (bp[0] === 'C') {
    const parsed = parseMacroId(bp, 1, config.macroNames, config.errors);
    if (parsed.id === 0) return;
    id = parsed.id;
    text = expandMacros(bp.slice(parsed.end), config.macros, config.errors, MAXLINE);
  } else {
    id = 't'.charCodeAt(0);
    text = bp.slice(1);
  }
  for (const w of words(text)) addToClass(config, id, w);
}

/** An F line: `F{x} [-o] file [format]`, `F{x} |program`, or `F{x} key@class:spec`. */
export function readFileClassLine(
  config: SendmailConfig,
  bp: string,
  env: CfEnvironment,
  safe: boolean,
): void {
  const { errors } = config;
  const parsed = parseMacroId(bp, 1, config.macroNames, errors);
  if (parsed.id === 0) return;
  let p = parsed.end;
  while (p < bp.length && isSpace(bp.charCodeAt(p))) p++;
  let optional = false;
  if (bp[p] === '-' && bp[p + 1] === 'o') {
    optional = true;
    while (p < bp.length && !isSpace(bp.charCodeAt(p))) p++;
    while (p < bp.length && isSpace(bp.charCodeAt(p))) p++;
  }
  const spec = bp.slice(p);
  let isMap = false;
  const at = spec.indexOf('@');
  if (spec[0] !== '/' && spec[0] !== '|' && at >= 0) {
    const after = spec.slice(at + 1);
    if (after === 'LDAP' || (after[0] !== ':' && after.includes(':'))) isMap = true;
  }
  let file: string;
  let format = '%s';
  if (isMap) file = spec;
  else {
    const q = extractQuoted(spec, ' ');
    if (!q.ok) {
      errors.syserr(`illegal filename '${spec}'`);
      return;
    }
    file = q.text;
    if (file[0] !== '|' && q.end < spec.length) {
      let f = q.end + 1;
      while (f < spec.length && isSpace(spec.charCodeAt(f))) f++;
      format = spec.slice(f);
    }
  }
  fileClass(config, parsed.id, file, format, isMap, optional, env, safe);
}

function fileClass(
  config: SendmailConfig,
  classId: number,
  file: string,
  format: string,
  isMap: boolean,
  optional: boolean,
  env: CfEnvironment,
  safe: boolean,
): void {
  const { errors } = config;
  if (file === '') {
    errors.syserr('fileclass: missing file name');
    return;
  }
  if (isMap) {
    mapClass(config, classId, file, optional);
    return;
  }
  let result;
  if (file[0] === '|') result = runClassProgram(config, file.slice(1), env);
  else {
    const problem = env.checkFile?.(file, classFileChecks(config, safe), {
      trustedUid: trustedUidOf(config.options.raw.get('TrustedUser'), (n) => env.getpwnam(n)),
      dontBlame: config.options.dontBlame,
    });
    result = problem ? { ok: false as const, code: problem } : env.readFile(file);
  }
  if (!result.ok) {
    if (!optional) errors.syserr(`fileclass: cannot open '${file}'`, result.code);
    return;
  }
  const buffer = scanBuffer(config);
  for (const line of fileLines(result.text)) {
    if (line[0] === '#') continue;
    const word = scanfWord(line, format, buffer);
    if (word === null) continue;
    for (const w of words(word)) addToClass(config, classId, w);
  }
}

/** What fileclass asks of a class file (safefopen's flags). */
function classFileChecks(config: SendmailConfig, safe: boolean): number {
  const blame = config.options.dontBlame;
  let flags = SafeFlags.REGONLY;
  if (!blame.has('classfileinunsafedirpath')) flags |= SafeFlags.SAFEDIRPATH;
  if (!blame.has('linkedclassfileinwritabledir')) flags |= SafeFlags.NOWLINK;
  if (safe) flags |= SafeFlags.OPENASROOT;
  else if ((process.getuid?.() ?? 0) === 0) flags |= SafeFlags.ROOTOK;
  return flags;
}

/**
 * `F{x}|program`: its output. sendmail forks before it execs, so a program that cannot be run
 * still "succeeds": the child's complaint, written to its standard output (the pipe), is read
 * as the output. A line without a program makes the child crash before it says anything.
 */
function runClassProgram(config: SendmailConfig, command: string, env: CfEnvironment): FileReadResult {
  const argv = command.split(/[ \t]+/).filter((w) => w !== '');
  if (argv.length === 0) return { ok: true, text: '' };
  const o = config.options;
  const run = env.runProgram(argv, { uid: o.defaultUid ?? 1, gid: o.defaultGid ?? 1 });
  if (run.ok) return run;
  let said = '';
  const child = new ErrorChannel({ write: (text) => void (said += text) });
  child.fileName = config.errors.fileName;
  child.lineNumber = config.errors.lineNumber;
  child.syserr(`${argv[0]}: cannot exec`, run.code);
  return { ok: true, text: said };
}

/**
 * sendmail's wordbuf, never cleared: what one F line's last value left there is still there
 * for the next (as long as nothing else used that stack space, which we cannot know).
 */
const scanBuffers = new WeakMap<SendmailConfig, ScanBuffer>();

function scanBuffer(config: SendmailConfig): ScanBuffer {
  let buffer = scanBuffers.get(config);
  if (!buffer) scanBuffers.set(config, (buffer = new ScanBuffer()));
  return buffer;
}

/** Lines as sm_io_fgets reads them (each with its newline; at most MAXLINE-1 bytes at a time). */
function fileLines(text: string): string[] {
  const out: string[] = [];
  let p = 0;
  while (p < text.length) {
    const nl = text.indexOf('\n', p);
    let end = nl < 0 ? text.length : nl + 1;
    if (end - p > MAXLINE - 1) end = p + MAXLINE - 1;
    out.push(text.slice(p, end));
    p = end;
  }
  return out;
}

/** `F{x} key@class:spec`: the members are the value of one map lookup. */
function mapClass(config: SendmailConfig, classId: number, spec: string, optional: boolean): void {
  const { errors } = config;
  const name = config.macroNames.name(classId);
  const at = spec.indexOf('@');
  const rest = spec.slice(at + 1);
  if (rest === 'LDAP') {
    // sendmail's default LDAP schema for classes
    const j = config.macros.get('j'.charCodeAt(0));
    // sendmail's macid here enters the name (so it takes a long-name id) even if unset
    const cluster = config.macros.get(macroId('{sendmailMTACluster}', config.macroNames, errors));
    const lc = cluster === null ? '' : expandMacros(cluster, config.macros, errors, MAXLINE);
    const host = j === null || j === '' ? 'localhost' : j;
    const ldapSpec =
      `-k (&(objectClass=sendmailMTAClass)(sendmailMTAClassName=${name})(|(sendmailMTACluster=${lc})` +
      `(sendmailMTAHost=${host}))) -v sendmailMTAClassValue,sendmailMTAClassSearch:FILTER:sendmailMTAClass,` +
      'sendmailMTAClassURL:URL:sendmailMTAClass';
    lookupClass(config, classId, 'ldap', ldapSpec, spec.slice(0, at), name, optional);
    return;
  }
  const colon = rest.indexOf(':');
  if (colon < 0) {
    errors.syserr(`fileclass: F{${name}}: missing map class`);
    return;
  }
  lookupClass(
    config,
    classId,
    rest.slice(0, colon),
    rest.slice(colon + 1),
    spec.slice(0, at),
    name,
    optional,
  );
}

/** One lookup through a temporary map of a class; its value's words join the class. */
function lookupClass(
  config: SendmailConfig,
  classId: number,
  className: string,
  spec: string,
  key: string,
  name: string,
  optional: boolean,
): void {
  const value = config.maps?.classLookup?.(className, spec, key, name, optional);
  if (value === undefined) {
    config.errors.syserr(`fileclass: F{${name}}: class ${className} not available`);
    return;
  }
  if (value !== null) for (const w of words(value)) addToClass(config, classId, w);
}
