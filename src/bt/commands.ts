// One line of address test mode, parsed the way sendmail's testmodeline parses it: the first
// character picks the family (# comment, ? help, .D/.C definitions, =S/=M listings, -d debug,
// $ macros and classes, / commands), anything else is "rulesets address".
import type { TestModeEnv, TryFlags } from './env.js';
import { isCSpace } from './text.js';

/** State that lives across lines: the /tryflags setting. */
export interface CommandState {
  tryFlags: TryFlags;
}

export function newCommandState(): CommandState {
  return { tryFlags: { header: false, sender: false } };
}

export function runTestLine(raw: string, env: TestModeEnv, state: CommandState): void {
  let start = 0;
  while (raw[start] === ' ') start++;
  const line = raw.slice(start);
  switch (line[0]) {
    case undefined:
    case '#':
      return;
    case '?':
      env.help();
      return;
    case '.':
      dotCommand(line, env);
      return;
    case '=':
      listCommand(line, env);
      return;
    case '-':
      dashCommand(line, env);
      return;
    case '$':
      macroCommand(line, env);
      return;
    case '/':
      slashCommand(line, env, state);
      return;
    default:
      rulesCommand(line, env);
  }
}

/** `.Dx value` defines a macro, `.Cc words` adds to a class. */
function dotCommand(line: string, env: TestModeEnv): void {
  switch (line[1]) {
    case 'D': {
      const { id, end } = env.parseMacro(line, 2);
      if (id === 0) return;
      env.defineMacro(id, env.translateDollars(line.slice(end)));
      return;
    }
    case 'C': {
      if (line.length === 2) return;
      const { id, end } = env.parseMacro(line, 2);
      if (id === 0) return;
      const words = env.expand(env.translateDollars(line.slice(end)));
      for (const word of splitOnCSpace(words)) env.addToClass(id, word);
      return;
    }
    case undefined:
      env.write('Usage: .[DC]macro value(s)\n');
      return;
    default:
      env.write(`Unknown "." command ${line}\n`);
  }
}

function splitOnCSpace(s: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const ch of s) {
    if (isCSpace(ch)) {
      if (word !== '') words.push(word);
      word = '';
    } else word += ch;
  }
  if (word !== '') words.push(word);
  return words;
}

/** `=Sruleset` lists a ruleset, `=M` the mailers. */
function listCommand(line: string, env: TestModeEnv): void {
  switch (line[1]) {
    case 'S': {
      const text = line.slice(2);
      const ref = env.lookUpRuleset(text);
      if (ref.number < 0) {
        // the name's lookup cut the line short where it wrote NULs over blanks
        env.write(`Undefined ruleset ${text.slice(0, ref.cutAt ?? text.length)}\n`);
        return;
      }
      env.write(env.rulesetListing(ref.number));
      return;
    }
    case 'M':
      env.write(env.mailerListing());
      return;
    case undefined:
      env.write('Usage: =Sruleset or =M\n');
      return;
    default:
      env.write(`Unknown "=" command ${line}\n`);
  }
}

function dashCommand(line: string, env: TestModeEnv): void {
  switch (line[1]) {
    case 'd':
      env.setDebug(line.slice(2));
      return;
    case undefined:
      env.write('Usage: -d{debug arguments}\n');
      return;
    default:
      env.write(`Unknown "-" command ${line}\n`);
  }
}

/** `$x` prints a macro, `$=c` a class. */
function macroCommand(line: string, env: TestModeEnv): void {
  if (line[1] === '=') {
    const { id } = env.parseMacro(line, 2);
    if (id !== 0) for (const member of env.classMembers(id)) env.write(member + '\n');
    return;
  }
  const { id } = env.parseMacro(line, 1);
  if (id === 0) return;
  const value = env.macroValue(id);
  env.write(value === null ? 'Undefined\n' : env.printable(value) + '\n');
}

/** The `/` commands: the word after the slash, then its argument (blanks trimmed). */
function slashCommand(raw: string, env: TestModeEnv, state: CommandState): void {
  let line = raw;
  while (line.length > 0 && isCSpace(line[line.length - 1])) line = line.slice(0, -1);
  const blank = line.search(/[ \t]/);
  let arg = '';
  if (blank >= 0) {
    let a = blank;
    while (a < line.length && isCSpace(line[a])) a++;
    arg = line.slice(a);
    line = line.slice(0, blank);
  }
  const word = line.slice(1).toLowerCase();
  if (word === '') {
    env.write('Usage: /[canon|map|mx|parse|try|tryflags]\n');
    return;
  }
  const handler = SLASH_COMMANDS[word];
  if (handler) handler(arg, env, state);
  else env.write(`Unknown "/" command ${line}\n`);
}

type SlashHandler = (arg: string, env: TestModeEnv, state: CommandState) => void;

const SLASH_COMMANDS: Record<string, SlashHandler> = {
  quit: (_arg, env) => env.quit(),
  mx: (arg, env) => {
    if (arg === '') return env.write('Usage: /mx address\n');
    const mx = env.mxLookup(arg);
    if (mx === 'null-mx') return env.write(`getmxrr(${arg}) returns null MX (See RFC7505)\n`);
    env.write(`getmxrr(${arg}) returns ${mx.count} value(s):\n`);
    for (const h of mx.hosts) env.write(`\t${h}\n`);
  },
  canon: (arg, env) => {
    if (arg === '') return env.write('Usage: /canon address\n');
    if (arg.length >= HOST_BUF) return env.write('Name too long\n');
    env.write(`getcanonname(${arg}) returns ${env.canonicalHost(arg)}\n`);
  },
  map: (arg, env) => {
    if (arg === '') return env.write('Usage: /map mapname key\n');
    const blank = arg.search(/[\t\n\v\f\r ]/);
    if (blank < 0) return env.write('No key specified\n');
    const name = arg.slice(0, blank);
    const key = arg.slice(blank + 1);
    const outcome = env.mapLookup(name, key, () => env.write(`map_lookup: ${name} (${key}) `));
    if (outcome.kind === 'no-such-map') return env.write(`Map named "${name}" not found\n`);
    if (outcome.kind === 'not-open') return env.write(`Map named "${name}" not open\n`);
    const { value, status } = outcome.result;
    env.write(value === null ? `no match (${status})\n` : `returns ${value} (${status})\n`);
  },
  sender: (arg, env) => env.write(`addr=${env.setSender(arg)}\n`),
  expand: (arg, env) => {
    if (arg === '') return env.write('Usage: /expand string\n');
    env.write(env.printable(env.expand(arg)));
  },
  try: (arg, env, state) => {
    const blank = arg.search(/[ \t]/);
    let addr = '';
    if (blank >= 0) {
      let a = blank;
      while (a < arg.length && isCSpace(arg[a])) a++;
      addr = arg.slice(a);
    }
    if (blank < 0 || addr === '') return env.write('Usage: /try mailer address\n');
    const mailer = arg.slice(0, blank);
    if (!env.mailerExists(mailer)) return env.write(`Unknown mailer ${mailer}\n`);
    env.write(`Trying ${describeFlags(state.tryFlags)} address ${addr} for mailer ${mailer}\n`);
    const { status, address } = env.remoteName(mailer, addr, state.tryFlags);
    env.write(`Rcode = ${status}, addr = ${address ?? '<NULL>'}\n`);
  },
  tryflags: (arg, env, state) => {
    if (arg === '') return env.write('Usage: /tryflags [Hh|Ee][Ss|Rr]\n');
    for (const c of arg) {
      if (c === 'H' || c === 'h') state.tryFlags.header = true;
      else if (c === 'E' || c === 'e') state.tryFlags.header = false;
      else if (c === 'S' || c === 's') state.tryFlags.sender = true;
      else if (c === 'R' || c === 'r') state.tryFlags.sender = false;
    }
    const text = `${state.tryFlags.header ? 'h' : 'e'} ${state.tryFlags.sender ? 's' : 'r'}`;
    env.defineMacro(env.parseMacro('{addr_type}', 0).id, text);
  },
  parse: (arg, env, state) => {
    if (arg === '') return env.write('Usage: /parse address\n');
    env.write(`Cracked address = ${env.printable(env.crackAddress(arg))}\n`);
    env.write(`Parsing ${describeFlags(state.tryFlags)} address\n`);
    const a = env.parseAddress(arg, state.tryFlags);
    if (a === null) env.write('Cannot parse\n');
    else if (a.host !== '') env.write(`mailer ${a.mailer}, host ${a.host}, user ${a.user}\n`);
    else env.write(`mailer ${a.mailer}, user ${a.user}\n`);
  },
  header: (arg, env) => {
    const flags = env.headerFlags(arg);
    env.write(`ul = ${formatHeaderFlags(flags)}\n`);
  },
  gethostbyname: (arg, env) => {
    const blank = arg.search(/[ \t]/);
    let host = arg;
    let inet6 = false;
    if (blank >= 0) {
      let a = blank;
      while (a < arg.length && isCSpace(arg[a])) a++;
      const family = arg.slice(a);
      inet6 = family === 'inet6' || family === 'AAAA';
      host = arg.slice(0, blank);
    }
    env.getHostByName(host, inet6);
  },
};

function describeFlags(f: TryFlags): string {
  return `${f.header ? 'header' : 'envelope'} ${f.sender ? 'sender' : 'recipient'}`;
}

/** sendmail's host buffers (MAXHOSTNAMELEN). */
const HOST_BUF = 256;

/** printf("%#0.8lx"): at least 8 hex digits, with 0x unless the value is zero. */
export function formatHeaderFlags(flags: number): string {
  const digits = (flags >>> 0).toString(16).padStart(8, '0');
  return flags === 0 ? digits : '0x' + digits;
}

/** "rulesets address": run the address through each ruleset of the comma-separated list. */
function rulesCommand(line: string, env: TestModeEnv): void {
  let p = 0;
  while (p < line.length && isCSpace(line[p])) p++;
  const listStart = p;
  while (p < line.length && !isCSpace(line[p])) p++;
  if (p >= line.length) {
    env.write('No address!\n');
    return;
  }
  const list = line.slice(listStart, p);
  const addr = line.slice(p + 1);
  if (!env.checkAddressChars(addr)) return;
  let at = 0;
  for (;;) {
    const { tokens, end } = env.scanAddress(addr, at);
    if (tokens !== null) runRulesetList(list, tokens, env);
    if (end >= addr.length) break;
    at = end + 1;
  }
}

function runRulesetList(list: string, tokens: string[], env: TestModeEnv): void {
  let q = 0;
  while (q < list.length) {
    const rest = list.slice(q);
    const rs = env.lookUpRuleset(rest).number;
    if (rs < 0) {
      env.write(`Undefined ruleset ${rest}\n`);
      break;
    }
    const status = env.rewrite(tokens, rs);
    if (status !== 0) env.write(`== Ruleset ${rest} (${rs}) status ${status}\n`);
    const comma = list.indexOf(',', q);
    q = comma < 0 ? list.length : comma + 1;
  }
}
