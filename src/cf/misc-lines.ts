// The smaller line kinds: D (macro), P (precedence), Q (queue group), V (version), K (map),
// E (environment), X (mail filter).
import type { SendmailConfig } from './config.js';
import { expandMacros, parseMacroId } from './macros.js';
import { asciiCaseEqual, isAlpha, isDigit, isSpace } from '../sendmail/ctype.js';
import { atoi, strtol, toCInt } from '../sendmail/c-numbers.js';
import { munchString } from './strings.js';

const MAXPRIORITIES = 25;
const MAXQUEUEGROUPS = 50;
const MAXLINE = 2048;

/** D line: `Dx value` or `D{name} value`. */
export function readMacroLine(config: SendmailConfig, bp: string): void {
  const parsed = parseMacroId(bp, 1, config.macroNames, config.errors);
  if (parsed.id === 0) return;
  config.macros.set(parsed.id, munchString(bp, '\0', parsed.end).text);
}

/** P line: `Pname=number`. */
export function readPriorityLine(config: SendmailConfig, bp: string): void {
  const { errors } = config;
  if (config.priorities.length >= MAXPRIORITIES) {
    errors.syserr(`too many P lines, ${MAXPRIORITIES} max`);
    return;
  }
  const eq = bp.indexOf('=');
  if (eq < 0) {
    errors.syserr(`unknown configuration line "${bp}"`);
    return;
  }
  config.priorities.push({ name: bp.slice(1, eq), value: atoi(bp.slice(eq + 1)) });
}

/** V line: `Vlevel[/vendor]`. */
export function readVersionLine(config: SendmailConfig, bp: string): void {
  const { errors } = config;
  let p = 1;
  while (p < bp.length && isSpace(bp.charCodeAt(p))) p++;
  if (!isDigit(bp.charCodeAt(p))) {
    errors.syserr(`invalid argument to V line: "${bp.slice(1, 21)}"`);
    return;
  }
  const level = strtol(bp, p, 10);
  config.configLevel = toCInt(level.value);
  if (config.configLevel >= 5) {
    // level 5 and later configs have the short host name in $w
    const w = 'w'.charCodeAt(0);
    const value = config.macros.get(w);
    const dot = value === null ? -1 : value.indexOf('.');
    if (value !== null && dot >= 0) config.macros.set(w, value.slice(0, dot));
  }
  if (config.configLevel >= 6) config.options.colonOkInAddr = false;
  if (bp[level.end] === '/') {
    let e = level.end + 1;
    while (e < bp.length && isAlpha(bp.charCodeAt(e))) e++;
    const vendor = bp.slice(level.end + 1, e);
    if (!asciiCaseEqual(vendor, 'Berkeley')) errors.syserr(`invalid V line vendor code: "${vendor}"`);
    else config.vendor = 'Berkeley';
  }
}

/** K line: handed to the map table after macro expansion. */
export function readMapLine(config: SendmailConfig, text: string, line: number): void {
  const expanded = expandMacros(text, config.macros, config.errors, MAXLINE);
  const maps = config.maps;
  if (maps === null) return;
  const declaration = maps.declare(expanded, {
    blankSub: config.options.blankSub,
    configLevel: config.configLevel,
  });
  if (declaration !== null) config.declaredMaps.push({ declaration, line });
}

/** E line: `Ename=value` or `Ename` (take the value from sendmail's own environment). */
export function readEnvLine(config: SendmailConfig, bp: string): void {
  const eq = bp.indexOf('=');
  if (eq < 0) config.environment.push([bp.slice(1), null]);
  else config.environment.push([bp.slice(1, eq), bp.slice(eq + 1)]);
}

/** Reads `name, X=value, …` fields as M, Q and X lines share them. */
function readFields(
  line: string,
  onField: (code: string, value: string) => void,
): { name: string; error: 'no-equals' | null } {
  let p = 0;
  while (p < line.length && line[p] !== ',' && !isSpace(line.charCodeAt(p))) p++;
  const name = line.slice(0, p);
  if (p < line.length) p++;
  while (p < line.length) {
    while (p < line.length && (line[p] === ',' || isSpace(line.charCodeAt(p)))) p++;
    const code = line[p] ?? '';
    while (p < line.length && line[p] !== '=' && line[p] !== ',') p++;
    if (line[p++] !== '=') return { name, error: 'no-equals' };
    while (p < line.length && isSpace(line.charCodeAt(p))) p++;
    const field = munchString(line, ',', p);
    p = field.end;
    onField(code, field.text);
  }
  return { name, error: null };
}

/** Q line: a queue group. */
export function readQueueLine(config: SendmailConfig, line: string, lineNumber: number): void {
  const { errors } = config;
  if (line === '') {
    errors.syserr('name required for queue');
    return;
  }
  const fields = new Map<string, string>();
  const { name, error } = readFields(line, (code, value) => {
    fields.set(code, value);
    switch (code) {
      case 'P':
        if (value === '') errors.syserr(`queue ${queueName()}: empty path name`);
        break;
      case 'R': {
        const n = atoi(value);
        const max = config.options.maxQueueChildren;
        if (max > 0 && n > max)
          errors.print(`Q=${queueName()}: R=${n} exceeds MaxQueueChildren=${max}, set to MaxQueueChildren\n`);
        break;
      }
      case 'F':
      case 'I':
      case 'N':
      case 'J':
      case 'r':
        break;
      default:
        errors.syserr(`Q${queueName()}: unknown queue equate ${code}=`);
    }
  });
  function queueName(): string {
    let p = 0;
    while (p < line.length && line[p] !== ',' && !isSpace(line.charCodeAt(p))) p++;
    return line.slice(0, p);
  }
  if (error === 'no-equals') {
    errors.syserr(`queue ${name}: \`=' expected`);
    return;
  }
  if (config.queueGroups.length >= MAXQUEUEGROUPS) {
    errors.syserr(`too many queue groups defined (${MAXQUEUEGROUPS} max)`);
    return;
  }
  if (!fields.has('P') || fields.get('P') === '') {
    const qd = config.options.queueDirectory;
    if (qd === null || qd === '') {
      errors.syserr('QueueDir must be defined before queue groups');
      return;
    }
  }
  const existing = config.queueGroups.findIndex((q) => asciiCaseEqual(q.name, name));
  const group = { name, fields, line: lineNumber };
  if (existing >= 0) config.queueGroups[existing] = group;
  else config.queueGroups.push(group);
}

/** X line: a mail filter (milter). */
export function readFilterLine(config: SendmailConfig, line: string, lineNumber: number): void {
  const { errors } = config;
  if (filterName(line) === '') {
    errors.syserr('name required for mail filter');
    return;
  }
  const fields = new Map<string, string>();
  const { name, error } = readFields(line, (code, value) => {
    fields.set(code, value);
    if (code !== 'S' && code !== 'F' && code !== 'T')
      errors.syserr(`X${filterName(line)}: unknown filter equate ${code}=`);
  });
  if (error === 'no-equals') {
    errors.syserr(`X${name}: \`=' expected`);
    return;
  }
  checkFilterSocket(config, name, fields.get('S') ?? '');
  if (config.filters.some((f) => asciiCaseEqual(f.name, name))) {
    errors.syserr(`X${name}: duplicate filter definition`);
    return;
  }
  config.filters.push({ name, fields, line: lineNumber });
}

function filterName(line: string): string {
  let p = 0;
  while (p < line.length && line[p] !== ',' && !isSpace(line.charCodeAt(p))) p++;
  return line.slice(0, p);
}

/** The checks milter_open makes on S= before any connection (sendmail's parse-only pass). */
function checkFilterSocket(config: SendmailConfig, name: string, spec: string): void {
  const { errors } = config;
  if (spec === '') {
    errors.syserr(`X${name}: empty or missing socket information`);
    return;
  }
  const colon = spec.indexOf(':');
  const proto = colon < 0 ? spec : spec.slice(0, colon);
  const known = ['unix', 'local', 'inet', 'inet6'];
  // without a protocol the spec is a local socket path
  if (colon >= 0 && !known.some((k) => asciiCaseEqual(k, proto)))
    errors.syserr(`X${name}: unknown socket type ${proto}`, 'EPROTONOSUPPORT');
}
