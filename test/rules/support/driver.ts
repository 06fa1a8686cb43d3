// A minimal stand-in for test mode, enough to compare rule traces with `sendmail -bt`: it
// loads a .cf and runs `rulesets address` lines (and `.Dx value`) the way sendmail's
// testmodeline does. The real command processor is src/bt; this one exists so the .cf reader
// and the rewriter can be checked on their own.
import { createSendmailConfig } from '../../../src/cf/defaults.js';
import type { CfEnvironment } from '../../../src/cf/environment.js';
import { nodeCfEnvironment } from '../../../src/cf/environment.js';
import { SendmailExit } from '../../../src/cf/errors.js';
import { MacroTable, parseMacroId, translateDollars } from '../../../src/cf/macros.js';
import { readCf } from '../../../src/cf/reader.js';
import type { SendmailConfig } from '../../../src/cf/config.js';
import type { MapTable } from '../../../src/rules/maps/types.js';
import { createMapTable } from '../../../src/rules/maps/table.js';
import { nodeMapEnvironment } from '../../../src/rules/maps/environment.js';
import { NO_DEBUG, ScanVector, scanVectorWorkspace, type RewriteEnv } from '../../../src/rules/context.js';
import { prescan } from '../../../src/rules/prescan.js';
import { rewrite } from '../../../src/rules/rewrite.js';
import { prescanTrace } from '../../../src/rules/tokens.js';
import { mapCommand } from './map-command.js';

export interface DriverOptions {
  fileName?: string;
  env?: CfEnvironment;
  maps?: (config: SendmailConfig) => MapTable | null;
  /** Macros the run defines before the .cf is read (sendmail's host identity etc.). */
  macros?: Record<string, string>;
  /** Debug levels by category (sendmail's -dC.L), e.g. { 21: 12 }. */
  debug?: Record<number, number>;
  /** The hosts file and service switch the maps use (the oracle sandbox's). */
  hostsFile?: string;
  serviceSwitchFile?: string;
}

export interface DriverResult {
  out: string;
  status: number;
}

/** cf-maps' table, with its messages going through the configuration's error channel. */
function defaultMaps(config: SendmailConfig, opts: DriverOptions): MapTable {
  const errors = config.errors;
  const env = nodeMapEnvironment({
    report: (d) => {
      if (d.severity === 'syserr') errors.syserr(d.text, d.errno);
      else if (d.severity === 'usrerr') errors.usrerr(d.text);
      else errors.message(d.text);
    },
  });
  // maps read these options at lookup time, as sendmail reads its globals
  const fixed = env.options;
  const o = config.options;
  env.options = {
    ...fixed,
    get serviceSwitchFile() {
      return opts.serviceSwitchFile ?? o.serviceSwitchFile;
    },
    get hostsFile() {
      return opts.hostsFile ?? o.hostsFile;
    },
    get blankSub() {
      return o.blankSub;
    },
    get matchGecos() {
      return o.matchGecos;
    },
  };
  return createMapTable(env);
}

/** Loads `cfText` and runs the lines; returns what sendmail would print after its banner. */
export function runDriver(cfText: string, lines: readonly string[], opts: DriverOptions = {}): DriverResult {
  let out = '';
  const sink = { write: (t: string) => void (out += t) };
  const env = opts.env ?? nodeCfEnvironment();
  const config = createSendmailConfig(sink, env);
  // sendmail's start-up sets {load_avg} before the .cf, so it takes the next long-name id
  config.macroNames.idOf('load_avg');
  for (const [name, value] of Object.entries(opts.macros ?? {})) {
    const id = parseMacroId(name.length === 1 ? name : `{${name}}`, 0, config.macroNames, config.errors).id;
    config.macros.set(id, value);
  }
  config.maps = opts.maps ? opts.maps(config) : defaultMaps(config, opts);
  if (opts.debug) config.debug = { level: (c) => opts.debug?.[c] ?? 0 };
  try {
    readCf(config, cfText, { fileName: opts.fileName ?? 'x.cf', env });
    const envelope = new MacroTable(config.macros);
    const renv: RewriteEnv = {
      config,
      macros: envelope,
      out: sink,
      testMode: true,
      debug: opts.debug ? { level: (c) => opts.debug?.[c] ?? 0 } : NO_DEBUG,
      scanVector: new ScanVector(),
    };
    for (const line of lines) {
      out += '> ';
      testLine(line, config, envelope, renv);
    }
  } catch (err) {
    if (err instanceof SendmailExit) return { out, status: err.status };
    throw err;
  }
  return { out, status: config.errors.exitStatus };
}

function testLine(raw: string, config: SendmailConfig, envelope: MacroTable, renv: RewriteEnv): void {
  const { errors } = config;
  const line = raw.replace(/^ +/, '');
  if (line === '' || line[0] === '#') return;
  if (/^\/map\b/i.test(line)) {
    if (config.maps)
      mapCommand(line.replace(/[ \t\n\v\f\r]+$/, ''), config.maps, (text) => errors.print(text));
    return;
  }
  if (line.startsWith('.D')) {
    const parsed = parseMacroId(line, 2, config.macroNames, errors);
    if (parsed.id === 0) return;
    envelope.set(
      parsed.id,
      translateDollars(line.slice(parsed.end), config.configLevel, config.macroNames, errors),
    );
    return;
  }
  const m = /^[\t\n\v\f\r ]*([^\t\n\v\f\r ]*)([\t\n\v\f\r ]?)(.*)$/s.exec(line)!;
  if (m[2] === '') {
    errors.print('No address!\n');
    return;
  }
  const rulesets = m[1];
  let addr = m[3];
  if (addr.length > 255 || /[\x80-\xff]/.test(addr)) return; // invalidaddr's checks are bt's
  const tables = config.tokenTables();
  for (;;) {
    const scan = prescan(addr, {
      delimiter: ',',
      table: config.configLevel >= 9 ? tables.noComments : tables.external,
      ignoreUnbalanced: false,
      errors,
      trace: prescanTrace(renv.debug.level(22), renv.out, config.macroNames),
    });
    renv.scanVector.write(scan.written, !scan.failed);
    if (scan.tokens !== null) {
      const ws = scanVectorWorkspace(renv.scanVector);
      let p = 0;
      while (p < rulesets.length) {
        const ref = config.rulesets.resolve(rulesets, p, 'find', errors);
        if (ref.number < 0) {
          errors.print(`Undefined ruleset ${rulesets.slice(p)}\n`);
          break;
        }
        const status = rewrite(ws, ref.number, 0, renv);
        if (status !== 0) errors.print(`== Ruleset ${rulesets.slice(p)} (${ref.number}) status ${status}\n`);
        while (p < rulesets.length && rulesets[p++] !== ',');
      }
    }
    if (scan.end >= addr.length) break;
    addr = addr.slice(scan.end + 1);
  }
}
