// sendmail's start-up in address test mode, in its order: debug flags, the built-in macros and
// host identity, command-line options (sticky), the .cf, then what sendmail does after reading
// it (interface names in $=w, $j in $=w, warnings, the built-in classes) and the test
// envelope with its own macros.
import type { ByteSink } from '../cli/io.js';
import { SendmailConfig } from '../cf/config.js';
import type { CfEnvironment } from '../cf/environment.js';
import { MacroTable } from '../cf/macros.js';
import { setOption } from '../cf/options.js';
import { readCfFile } from '../cf/reader.js';
import { readMailerLine } from '../cf/mailer-line.js';
import { readQueueLine } from '../cf/misc-lines.js';
import { MACROEXPAND } from '../cf/meta.js';
import { ScanVector } from '../rules/context.js';
import { createMapTable } from '../rules/maps/table.js';
import { parseServiceSwitch, serviceTypes } from '../rules/maps/service-switch.js';
import type { TestArgs } from './args.js';
import { arpaDate, queueId } from './clock.js';
import { DebugLevels } from './debug.js';
import {
  addInterfaceNames,
  addStartupNames,
  lookUpIdentity,
  type ClassAccess,
  type InterfaceProbing,
} from './host/identity.js';
import { SystemResolver, type HostSystem } from './host/system.js';
import {
  testModeMapEnvironment,
  type AliasResolver,
  type CurrentMacros,
  type ProgMailerRef,
} from './map-env.js';
import type { MapEnvironment } from '../rules/maps/types.js';
import { afterReadingCf } from './startup-checks.js';
import {
  SENDMAIL_VERSION_TEXT,
  akaLine,
  printCompileInfo,
  printConfiguration,
  printIdentityDebug,
  printSelectedFiles,
  PID_FILE,
} from './startup-debug.js';
import { expandMacros } from '../cf/macros.js';
import { EX_USAGE } from '../sendmail/sysexits.js';

export const DEFAULT_CF = '/etc/mail/sendmail.cf';

/** Everything outside the process that start-up reads. */
export interface StartupSystem {
  host: HostSystem;
  cf: CfEnvironment;
  now(): Date;
  pid: number;
  /** The login name of the user running us (sendmail's RealUserName). */
  realUserName: string;
  /** True when root runs us (sendmail then skips some warnings). */
  isRoot: boolean;
  /** Standard input is a socket (then $_ names a UNIX-domain peer, as under a test harness). */
  stdinIsSocket: boolean;
  loadAverage(): number;
}

/** The state test mode runs on once start-up is done. */
export interface TestModeRuntime {
  config: SendmailConfig;
  /** The test envelope's macros (sendmail's MainEnvelope), child of the .cf's. */
  envelope: MacroTable;
  debug: DebugLevels;
  current: CurrentMacros;
  resolver: SystemResolver;
  /** prescan's one token vector, shared by every scan of the run (as in sendmail). */
  scanVector: ScanVector;
  /** How maps that read aliases files parse their names (set by the test environment). */
  aliases: AliasResolver;
  mapEnv: MapEnvironment;
  /** sendmail's Verbose: 2 prompts, 1 echoes, 0 is silent. */
  verbosity: 0 | 1 | 2;
}

const id = (c: string): number => c.charCodeAt(0);

const U_MACRO = String.fromCharCode(MACROEXPAND) + 'u';

/** The mailers sendmail defines before reading the .cf (a .cf may redefine them). */
const BUILT_IN_MAILERS = [
  `prog, P=/bin/sh, F=lsouDq9, T=X-Unix/X-Unix/X-Unix, A=sh -c ${U_MACRO}`,
  `*file*, P=[FILE], F=lsDFMPEouq9, T=X-Unix/X-Unix/X-Unix, A=FILE ${U_MACRO}`,
  `*include*, P=/dev/null, F=su, A=INCLUDE ${U_MACRO}`,
];

/** The DontProbeInterfaces option's values as load_if_names reads them. */
const PROBING: Record<'all' | 'none' | 'loopback', InterfaceProbing> = {
  all: 'all',
  none: 'none',
  loopback: 'skip-loopback',
};

/** Class access on the configuration, by one-letter class name. */
function classAccess(config: SendmailConfig): ClassAccess {
  return {
    has: (cls, word) => config.classes.has(id(cls), word),
    add: (cls, word) => config.classes.add(id(cls), word),
  };
}

function longMacro(config: SendmailConfig, name: string): number {
  const got = config.macroNames.idOf(name);
  return got === 'exhausted' ? 0 : got;
}

/** Runs sendmail's start-up for test mode. Throws SendmailExit when sendmail would give up. */
export function startTestMode(
  args: TestArgs,
  out: ByteSink,
  system: StartupSystem,
  stderr: ByteSink = out,
): TestModeRuntime {
  const debug = new DebugLevels();
  for (const spec of args.debug) debug.apply(spec);
  if (debug.on(0, 1)) printCompileInfo(out, debug);

  const config = new SendmailConfig(out);
  const globals = new MacroTable();
  config.macros.parent = globals;
  const current: CurrentMacros = { table: config.macros };
  const aliases: AliasResolver = { resolve: null };
  const progMailer: ProgMailerRef = { mailer: null };
  const mapEnv = testModeMapEnvironment(config, {
    current,
    aliases,
    progMailer,
    stderr,
    textSources: args.textSources,
    getpwnam: (name) => system.cf.getpwnam(name),
  });
  config.maps = createMapTable(mapEnv);
  const set = (name: string, value: string): void => config.macros.set(id(name), value);

  // sendmail's defaults before any .cf: the default queue and the built-in mailers
  readQueueLine(config, 'mqueue, P=/var/spool/mqueue', 0);
  for (const line of BUILT_IN_MAILERS) readMailerLine(config, line, 0, system.cf);

  // built-in macros, then who we are
  config.macros.set(0x82, 't'); // ${opMode}
  set('v', SENDMAIL_VERSION_TEXT);
  const resolver = new SystemResolver(system.host);
  const startupSwitch = parseServiceSwitch(readText(system.cf, config.options.serviceSwitchFile));
  const identity = lookUpIdentity(system.host, resolver, serviceTypes(startupSwitch, 'hosts') ?? []);
  if (identity.readServiceSwitch) mapEnv.serviceSwitchCache = startupSwitch;
  set('w', identity.canonicalName);
  set('j', identity.canonicalName);
  if (identity.domain !== null) set('m', identity.domain);
  set('k', identity.nodename);
  const aka = (name: string): void => {
    if (debug.on(0, 4)) out.write(akaLine(name));
  };
  if (debug.on(0, 4)) printIdentityDebug(out, identity);
  addStartupNames(identity, classAccess(config), aka);
  set('b', arpaDate(system.now()));
  globals.set(longMacro(config, 'load_avg'), String(system.loadAverage()));

  // the command line: options are sticky, some flags define macros
  for (const text of args.complaints) {
    config.errors.usrerr(text);
    config.errors.exitStatus = EX_USAGE;
  }
  for (const o of args.options) {
    setOption(id(o.letter || ' '), o.text, {
      config,
      env: system.cf,
      sticky: true,
      safe: system.isRoot,
      line: 0,
    });
  }
  for (const m of args.macros) {
    const mid = m.name.startsWith('{') ? longMacro(config, m.name.slice(1, -1)) : id(m.name);
    config.macros.set(mid, m.value);
  }

  config.errors.verbose = args.verbose;
  const cfFile = args.cfFile ?? DEFAULT_CF;
  readCfFile(config, cfFile, { env: system.cf, safe: args.cfFile === undefined });
  config.errors.fileName = null;
  config.errors.lineNumber = 0;

  set('_', system.stdinIsSocket ? 'localhost [[UNIX: localhost]]' : `${system.realUserName}@localhost`);
  const domain = config.macros.get(id('m'));
  if (domain !== null && domain !== '') config.classes.add(id('m'), domain);
  addInterfaceNames(
    system.host.interfaces(),
    resolver,
    PROBING[config.options.dontProbeInterfaces],
    classAccess(config),
    aka,
  );
  if (debug.on(0, 10)) {
    const pidFile = config.options.raw.get('PidFile') ?? PID_FILE;
    printSelectedFiles(out, cfFile, expandMacros(pidFile, config.macros, config.errors));
  }

  const verbosity: 0 | 1 | 2 = args.verbose || config.options.verbose ? 1 : 2;
  config.errors.verbose = true;
  afterReadingCf(config, { debug, isRoot: system.isRoot, cfGiven: args.cfFile !== undefined });
  progMailer.mailer = config.mailer('prog') ?? null;
  if (debug.on(0, 15)) printConfiguration(out, config);

  // the test envelope
  const envelope = new MacroTable(config.macros);
  envelope.set(longMacro(config, 'quarantine'), '');
  envelope.set(id('i'), queueId(system.now(), system.pid, 0));
  envelope.set(longMacro(config, 'addr_type'), 'e r');
  current.table = envelope;
  return {
    config,
    envelope,
    debug,
    current,
    resolver,
    verbosity,
    scanVector: new ScanVector(),
    aliases,
    mapEnv,
  };
}

function readText(env: CfEnvironment, path: string): string {
  const r = env.readFile(path);
  return r.ok ? r.text : '';
}
