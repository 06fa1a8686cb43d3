// The contract between sendmail's maps (this directory) and their users: the .cf loader (K
// lines), the rewriter ($( … $) and $[ … $]) and address test mode (/map). Everything a map
// needs from the outside world comes in through MapEnvironment, so maps are testable in-process
// and never touch the real system unless the environment says so.

/** Limits sendmail builds in (conf.h / sendmail.h). */
export const MAXNAME = 256;
export const MAXMAPSTACK = 12;
/** %0 (the key) plus %1..%9. */
export const MAX_MAP_ARGS = 10;

/**
 * Map flags as sendmail keeps them after parsing a K line. Which options a class accepts
 * depends on its parser (most use the common one: -A -a -D -d -f -k -m -N -O -o -q -S -T -t
 * -v -z; host, dequote, regex, syslog, ldap, dns have their own). Fields keep sendmail's
 * meaning, not its bit layout.
 */
export interface MapFlags {
  /** -A: append values of duplicate keys on rebuild. */
  appendOnRebuild: boolean;
  /** -a: text appended to every successful result. */
  appendText: string | null;
  /** -T: text appended to the key when the lookup fails temporarily. */
  tempfailText: string | null;
  /** -D: do not look up in defer (queue-only) mode: answer tempfail. */
  defer: boolean;
  /** -t: a temporary failure does not defer the message. */
  noDefer: boolean;
  /** -f: keys are not folded to lower case. */
  noFoldCase: boolean;
  /** -m: return the key itself, not the value. */
  matchOnly: boolean;
  /** -q: do not strip quotes from the key before the lookup. */
  keepQuotes: boolean;
  /** -o: the map is optional: no message when it cannot be opened. */
  optional: boolean;
  /** Try the key without / with a trailing NUL byte (-N clears the first, -O the second). */
  tryWithoutNull: boolean;
  tryWithNull: boolean;
  /** -N: include the NUL byte in keys (makemap -N builds such maps). */
  includeNull: boolean;
  /**
   * -S: the character that replaces blanks between atoms when the rewriter builds the key.
   * null means "the BlankSub option at lookup time" (sendmail's '\0').
   */
  spaceSub: string | null;
  /** -k and -v: column names (text, user, ldap…), as written. */
  keyColumn: string | null;
  valueColumn: string | null;
  /** -z: column delimiter; null means white space. */
  columnDelimiter: string | null;
  /** -d (and host's -d): timeout in seconds; 0 when unset. */
  timeoutSeconds: number;
  /** host -r: resolver retries; 0 when unset. */
  retry: number;
  /** regex -n: the map matches when the pattern does not. */
  regexNot: boolean;
}

/** Class-specific settings, discriminated by the implementation that parsed them. */
export type ClassSettings =
  | { kind: 'none' }
  | {
      kind: 'regex';
      /** The pattern text as written (after the flags). */
      pattern: string;
      /** -b clears it: POSIX basic instead of extended syntax. */
      extended: boolean;
      /** -f clears it: case-insensitive matching. */
      ignoreCase: boolean;
      /** -s given: substring fields to return (indices into the groups), else null. */
      subFields: number[] | null;
      /** -d: delimiter between fields; sendmail's default is its internal "$|" byte, 0x9B. */
      delimiter: string;
    }
  | { kind: 'syslog'; priority: SyslogPriority }
  | { kind: 'sequence'; members: string[] }
  | { kind: 'switch'; service: string }
  | { kind: 'dns'; resourceType: string; options: string };

export type SyslogPriority = 'EMERG' | 'ALERT' | 'CRIT' | 'ERR' | 'WARNING' | 'NOTICE' | 'INFO' | 'DEBUG';

/** A map as declared by a K line (what the loader keeps in its model). */
export interface MapDeclaration {
  name: string;
  /** The class name as written (e.g. "hash"); known to exist when declare() accepted it. */
  className: string;
  /** The arguments after the class name, as written (macros already expanded by readcf). */
  rawArgs: string;
  flags: MapFlags;
  /** The file (or other source) argument: first word after the flags; null if none. */
  file: string | null;
  /** Everything after the file argument (program map arguments, rebuild command…). */
  rest: string | null;
  settings: ClassSettings;
  /** sendmail's MF_VALID: parsing succeeded. An invalid map exists but is "not open". */
  valid: boolean;
}

/** What a map lookup answers. value null means "not found" (status says why). */
export interface LookupResult {
  value: string | null;
  /** EX_OK, EX_NOTFOUND, EX_TEMPFAIL, EX_UNAVAILABLE, EX_CONFIG … as sendmail sets it. */
  status: number;
}

/**
 * The result of a lookup made by the rewriter for `$( map key $@ args $: default $)` and
 * `$[ host $]` (sendmail's map_lookup in parseaddr.c): quotes stripped unless -q, -D honoured,
 * -T applied.
 */
export interface RewriteLookupResult {
  /** The replacement text from the map, or null (then the rewriter uses the default / key). */
  replacement: string | null;
  /**
   * True when the lookup failed temporarily and the map does not have -t: the rewrite must
   * then return EX_TEMPFAIL (sendmail sets the rewrite status).
   */
  tempfail: boolean;
  /** The envelope message sendmail records for a deferred lookup ("… map: lookup (…): deferred"). */
  deferMessage: string | null;
}

/** The /map command's outcome, which bt prints in sendmail's words. */
export type TestMapOutcome =
  | { kind: 'no-such-map' } // Map named "x" not found
  | { kind: 'not-open' } // Map named "x" not open
  | { kind: 'looked-up'; result: LookupResult }; // map_lookup: x (key) returns … (n) / no match (n)

/**
 * A message a map prints while it is declared, opened or used. text is the line as sendmail
 * prints it in test mode, without a newline, without the "file: line N: " prefix that the
 * loader adds for messages issued while reading the .cf, and without the errno text (below).
 * - 'syserr': a system/config error (sendmail's syserr; affects the exit status as syserr does);
 * - 'usrerr': a user error;
 * - 'message': an informational line (sendmail's message());
 * - 'stderr': raw bytes a program map's program wrote to standard error (no newline added).
 * A map that reads a file of its own (stab's aliases file) prefixes "file: line N: " itself
 * (filePositionPrefix in src/sendmail/message-text.ts).
 */
export interface MapDiagnostic {
  severity: 'syserr' | 'usrerr' | 'message' | 'stderr';
  text: string;
  /**
   * For a syserr: the errno name (ENOENT, E_SM_WWDIR …) that was set when sendmail called it.
   * The sink appends ": " and its text (ErrorChannel.syserr(text, errno) does, or
   * withErrnoText in src/sendmail/errno.ts), and the first syserr makes the exit status 71
   * (EX_OSERR) with an errno, 70 (EX_SOFTWARE) without.
   */
  errno?: string;
}

/** A file read: latin1 text, or the errno name of the failure (ENOENT, EACCES, EISDIR …). */
export type FileRead = { ok: true; text: string } | { ok: false; code: string };

/** The outcome of running a program (program map). */
export interface ProgramRun {
  stdout: string;
  /** What the program wrote to its standard error (sendmail lets it through to its own). */
  stderr: string;
  /** Exit status when it exited; null when killed by a signal or it could not run. */
  exitStatus: number | null;
  signal: number | null;
  /** errno name when it could not be started (ENOENT …). */
  spawnError: string | null;
}

/** Macro access for the macro map and for host lookups ($m). Names are as sendmail's macid parses them. */
export interface MapMacros {
  /**
   * Parses a macro name as sendmail's macid() does ("x" or "{long}"), returning the canonical
   * name ("x" or "{long}"), or null when it is not a valid macro name.
   */
  parseName(text: string): string | null;
  /** The current value of a macro (canonical name), or null when undefined. */
  get(name: string): string | null;
  /** Defines (or, with null, undefines) a macro. */
  define(name: string, value: string | null): void;
}

/** The settings of the running sendmail that maps consult at lookup time. */
export interface MapOptions {
  /** Option ServiceSwitchFile (default /etc/mail/service.switch). */
  serviceSwitchFile: string;
  /** Option HostsFile (default /etc/hosts). */
  hostsFile: string;
  /** The passwd file the user map reads (sendmail uses getpwnam: /etc/passwd). */
  passwdFile: string;
  /** Option MatchGECOS. */
  matchGecos: boolean;
  /** Option BlankSub: the default space substitute. */
  blankSub: string;
  /** sendmail's Verbose (always set in test mode): a few maps then say more. */
  verbose?: boolean;
  /** True in defer (queue-only, DeliveryMode=defer) mode: -D maps answer tempfail. */
  deferMode: boolean;
  /**
   * Option TrustedUser as a uid (0 when unset): files it owns count as root's when sendmail
   * checks whether it may read a map (safefile).
   */
  trustedUid?: number;
  /** Option DefaultUser: the uid and gid program maps run as (when mailcf runs as root). */
  defaultUid: number;
  defaultGid: number;
  /**
   * The prog mailer's D= directories with macros expanded, where programs run (the first
   * one they can enter, else /tmp); empty or absent while the .cf is read.
   */
  programDirectories?: readonly string[];
}

/**
 * Everything outside the map: files, macros, programs, syslog, diagnostics. nodeMapEnvironment()
 * (in environment.ts) gives the real one; tests build their own.
 */
export interface MapEnvironment {
  options: MapOptions;
  macros: MapMacros;
  readFile(path: string): FileRead;
  /**
   * sendmail's safefile() check of a file a map reads, as root: null when it may be read,
   * else the errno name it reports (ENOENT, EACCES, E_SM_WWDIR, E_SM_GWDIR, E_SM_REGONLY …).
   */
  safeFile(path: string): string | null;
  runProgram(argv: string[]): ProgramRun;
  /** The syslog map and a few warnings log here; nothing is printed. */
  syslog(priority: SyslogPriority, text: string): void;
  /** Prints a diagnostic (see MapDiagnostic). */
  report(diagnostic: MapDiagnostic): void;
  /**
   * Text sources given on mailcf's command line for file-based maps: keyed by the map's file
   * as written in the K line, the path of the makemap text source to serve instead of the
   * default (the same path without ".db").
   */
  textSources: ReadonlyMap<string, TextSourceSpec>;
  /**
   * What sendmail's parseaddr makes of an aliases-file line read up to its first unquoted ':'
   * outside angle brackets (the delimiter parseaddr is given; it runs rulesets 3 and 0 and
   * prints what they print): `line` is the whole entry, as sendmail passes it. Null when it fails, else the user part (q_user), the printable
   * address (q_paddr) and whether its mailer may have aliases (M_ALIASABLE: the local mailer).
   * Used when stab and implicit alias maps read an aliases file; without it the name itself
   * (trimmed) is taken as a local user. While readaliases runs, sendmail's FileName and
   * LineNumber are the aliases file's (`where`), so parseaddr's own messages get that
   * "file: line N: " prefix; the line is the last line of a continued entry.
   */
  aliasAddress?(
    line: string,
    where?: { file: string; line: number },
  ): { user: string; printable: string; aliasable: boolean } | null;
  /** readaliases has finished a file: sendmail clears e_to (parseaddr set it) then. */
  aliasFileRead?(): void;
  /**
   * Services sendmail read from a service switch file before (its cache keeps them: a file read
   * at start-up, when its own host name lookup failed, still answers for services the current
   * ServiceSwitchFile does not name). Lower-case service names.
   */
  serviceSwitchCache?: ReadonlyMap<string, readonly string[]>;
  /** arith's "r" operator: a random non-negative integer (sendmail's get_random()). */
  random(): number;
}

/** How the text source of a file-based map was (or would be) fed to makemap. */
export interface TextSourceSpec {
  path: string;
  /** makemap -f: keys were not folded to lower case. */
  noFoldCase?: boolean;
  /** makemap -N: keys were stored with their NUL byte. */
  includeNull?: boolean;
  /** makemap -t: the key/value delimiter (default: white space). */
  delimiter?: string;
  /** makemap -D: the comment character (default #). */
  commentChar?: string;
  /** makemap -r: later duplicates replace earlier ones (default: the first stays). */
  replaceDuplicates?: boolean;
  /** makemap -e: keys with an empty value are kept. */
  allowEmpty?: boolean;
}

/** What the loader knows when it reads a K line. */
export interface DeclareContext {
  /** The BlankSub option's value at this point of the .cf (maps copy it when declared). */
  blankSub: string;
  /** The .cf's V level (sendmail's default host map gets -a. -D from level 2 on). */
  configLevel: number;
}

/**
 * The maps of one loaded .cf: sendmail's symbol table of maps plus their open state. Made by
 * createMapTable(env) in table.ts. Maps open lazily on first use, as sendmail's do, so open
 * errors are printed (through env.report) at the first lookup.
 */
export interface MapTable {
  /**
   * Declares a map from a K line: the text after "K", macros already expanded. Prints load
   * errors through env.report (the loader adds "file: line N: "). Returns the declaration, or
   * null when sendmail rejects the line (no name, no class, class not available) — then no map
   * is entered. A map whose arguments are bad is entered but invalid (valid: false).
   * Redeclaring a name updates the existing map as sendmail does.
   */
  declare(line: string, context: DeclareContext): MapDeclaration | null;
  /**
   * The AliasFile option (sendmail's setalias, called when the option is set): each
   * comma-separated "class:file" (a plain file means class implicit) becomes map AliasN, a
   * member of the sequence map aliases.files (created on first use). Messages via report.
   */
  setAliasFiles(spec: string, context: DeclareContext): void;
  /**
   * The LDAPDefaultSpec option (sendmail's ldapmap_set_defaults, called when the option is
   * set): the value is read as ldap map arguments, with their messages and the option's own
   * (`readcf: option LDAPDefaultSpec: Do not set non-LDAP specific flags` …), and what it sets
   * (server, bind method …) is where ldap maps declared later start from.
   */
  setLdapDefaults(spec: string, context: DeclareContext): void;
  /**
   * `F{x} key@class:spec` (sendmail's fileclass): one lookup through a temporary map of that
   * class, never entered in the table. Returns the value, null when there is none (open and
   * lookup failures are reported as sendmail does unless optional, i.e. F -o), or undefined
   * when the class does not exist (the loader reports that). Always present in tables made by
   * createMapTable (declared optional only so older callers' own declarations still fit).
   */
  classLookup?(
    className: string,
    spec: string,
    key: string,
    classDisplayName: string,
    optional?: boolean,
  ): string | null | undefined;
  /** The map declared under this name. */
  get(name: string): MapDeclaration | undefined;
  names(): string[];
  /**
   * After the .cf is read: adds the maps sendmail defines when the .cf did not (host; aliases
   * through the service switch), as inithostmaps does.
   */
  addDefaultMaps(context: DeclareContext): void;
  /**
   * The blank substitute the rewriter uses when it joins key tokens for this map (cataddr):
   * the map's -S character, or the BlankSub option when the map has none or does not exist.
   */
  keySpaceSub(name: string): string;
  /**
   * `$( name key $@ arg… $: default $)`: args are %1..%9 (extra ones are dropped). For a map
   * that does not exist the rewriter prints its own error; this answers "no replacement".
   */
  lookupForRewrite(name: string, key: string, args: readonly string[]): RewriteLookupResult;
  /**
   * `/map name key` in test mode: opens the map if needed and calls the class lookup directly
   * (no quote stripping, av = [key]). sendmail prints "map_lookup: NAME (KEY) " after opening
   * and before the lookup, so messages of the lookup itself follow it on the same line: bt
   * prints that prefix in beforeLookup.
   */
  testLookup(name: string, key: string, beforeLookup?: () => void): TestMapOutcome;
  /**
   * getmxrr as test mode's /mx calls it (TRYFALLBACK with the FallbackMXhost option): the MX
   * hosts (count -1 on error) and status, through the same code the bestmx map uses.
   */
  mxHosts(host: string, fallbackMx: string | null): { count: number; hosts: string[]; status: number };
  /**
   * getcanonname through the hosts service switch (test mode's /canon): whether it was found,
   * and sendmail's host buffer afterwards (the canonical name, or the name as lookups left it).
   */
  canonicalName(host: string): { found: boolean; name: string };
}
