// What a test-mode command can do to the running configuration. The command processor
// (commands.ts) parses lines exactly as sendmail's testmodeline does and calls these
// operations; session.ts builds the real environment from the loaded .cf, tests build fakes.
import type { TestMapOutcome } from '../rules/maps/types.js';
import type { RulesetRef } from '../cf/rulesets.js';

/** sendmail's three ways of reporting (err.c), plus plain output to standard output. */
export interface Reporter {
  syserr(text: string): void;
  usrerr(text: string): void;
  message(text: string): void;
  /** sendmail's setstat: remember an exit status unless a worse one is set. */
  setStatus(status: number): void;
}

export interface ParsedMacro {
  /** The macro/class id, 0 when the name was bad (sendmail already complained). */
  id: number;
  /** Index just after the name. */
  end: number;
}

export interface TestModeEnv {
  /** Standard output (latin1). */
  write(text: string): void;
  report: Reporter;

  // macros and classes
  /** sendmail's macid_parse at text[at]. */
  parseMacro(text: string, at: number): ParsedMacro;
  macroValue(id: number): string | null;
  /** Defines a macro in the test envelope. */
  defineMacro(id: number, value: string): void;
  /** translate_dollars: a raw value into internal form. */
  translateDollars(raw: string): string;
  /** expand: macros substituted, conditionals resolved. */
  expand(internal: string): string;
  addToClass(id: number, word: string): void;
  /** The members of a class in the order sendmail prints them. */
  classMembers(id: number): string[];
  /** xputs: the printable form of an internal string. */
  printable(internal: string): string;

  // rulesets
  /** strtorwset in find mode: the ruleset number, or -1 (messages already printed). */
  lookUpRuleset(text: string): RulesetRef;
  /** The =S listing of a ruleset ('' when it has no rules). */
  rulesetListing(ruleset: number): string;
  /** The =M listing. */
  mailerListing(): string;
  mailerExists(name: string): boolean;

  /** Sets debug flags from a spec (tTflag). */
  setDebug(spec: string): void;
  debugLevel(category: number): number;

  // address operations
  /**
   * The rules command: prescan `addr` (at most up to a ',' delimiter, starting at `at`) and run
   * it through each ruleset of `rulesetList`. Returns where the scan stopped.
   */
  checkAddressChars(addr: string): boolean;
  scanAddress(text: string, at: number): { tokens: string[] | null; end: number };
  /** REWRITE with trace: returns the status. */
  rewrite(tokens: string[], ruleset: number): number;
  /** cataddr in external form. */
  joinTokens(tokens: readonly string[]): string;

  /** /map: `beforeLookup` runs once the map is open, just before the lookup (sendmail prints its
   * "map_lookup:" line there). */
  mapLookup(name: string, key: string, beforeLookup: () => void): TestMapOutcome;
  /** getcanonname: the canonical form of a host name (unchanged when not found). */
  canonicalHost(host: string): string;
  /** getmxrr for /mx: how many it returned (-1 on error) and the hosts, or a null MX. */
  mxLookup(host: string): { count: number; hosts: string[] } | 'null-mx';
  /** /gethostbyname: prints what sm_gethostbyname prints (only with debug 61). */
  getHostByName(host: string, inet6: boolean): void;

  /** crackaddr: the address with its mailbox replaced by $g (internal form). */
  crackAddress(addr: string): string;
  /** parseaddr: the mailer, host and user it resolves to, or null when it cannot be parsed. */
  parseAddress(addr: string, flags: TryFlags): ParsedAddress | null;
  /** setsender: the sender's user part (e_from.q_user). */
  setSender(addr: string): string;
  /** remotename: the address as a mailer would be given it, and the rewrite status. */
  remoteName(mailer: string, addr: string, flags: TryFlags): { status: number; address: string | null };
  /** chompheader in check mode: the header's flags. */
  headerFlags(header: string): number;

  help(): void;
  quit(): never;
}

export interface ParsedAddress {
  mailer: string;
  /** '' when the address has no host. */
  host: string;
  user: string;
}

/** /tryflags: which kind of address /parse and /try treat the input as. */
export interface TryFlags {
  header: boolean;
  sender: boolean;
}
