// The running configuration as test-mode commands and sendmail's address routines see it:
// TestModeEnv (what each command does) and AddressEngine (what parseaddr and friends need),
// both over the loaded SendmailConfig, the test envelope's macros and the rewriter.
import type { ByteSink } from '../cli/io.js';
import { addToClass } from '../cf/class-lines.js';
import { expandMacros, parseMacroId, translateDollars } from '../cf/macros.js';
import { formatMailer } from '../cf/mailer-line.js';
import type { Mailer } from '../cf/model.js';
import type { RulesetRef } from '../cf/rulesets.js';
import { prescan } from '../rules/prescan.js';
import type { RewriteEnv, Workspace } from '../rules/context.js';
import { rewrite } from '../rules/rewrite.js';
import { ANSI_ESCAPES, NO_ESCAPES, catTokens, formatText } from '../rules/tokens.js';
import { mergeServiceSwitch, parseServiceSwitch, serviceTypes } from '../rules/maps/service-switch.js';
import type { TestMapOutcome } from '../rules/maps/types.js';
import { crackAddress } from './address/crack.js';
import { EX_OK, EX_TEMPFAIL, MAXATOM, type AddressEngine, type ScanResult } from './address/engine.js';
import { HeaderTable, checkHeader } from './address/header.js';
import { invalidAddress, parseAddress } from './address/parse.js';
import { remoteName } from './address/remote.js';
import { setSender, type SenderContext, type SenderState } from './address/sender.js';
import type { ParsedAddress, ParsedMacro, Reporter, TestModeEnv, TryFlags } from './env.js';
import { printHelp, HelpState } from './help.js';
import { formatRule } from './print.js';
import { lookUpHost } from './host-commands.js';
import { QuitSignal } from './session.js';
import type { TestModeRuntime } from './startup.js';

export interface TestEnvServices {
  sender: SenderContext;
  /** Reads a file (the help file), or null. */
  readFile(path: string): string | null;
}

const MAXLINE = 2048;
const NULLMX = -2;

export class TestEnv implements TestModeEnv, AddressEngine {
  readonly report: Reporter;
  private suppressed = false;
  private readonly help_ = new HelpState();
  private readonly senderState: SenderState = { fullName: null, from: null };
  private readonly headers: HeaderTable;

  constructor(
    private readonly rt: TestModeRuntime,
    private readonly out: ByteSink,
    private readonly services: TestEnvServices,
  ) {
    this.headers = new HeaderTable(
      rt.config.headerChecks,
      rt.config.headers.map((h) => h.name),
    );
    rt.aliases.resolve = (name) => this.aliasAddress(name);
    this.report = {
      syserr: (t) => this.syserr(t),
      usrerr: (t) => this.usrerr(t),
      message: (t) => this.message(t),
      setStatus: (s) => this.setStatus(s),
    };
  }

  private get config() {
    return this.rt.config;
  }

  private get errors() {
    return this.rt.config.errors;
  }

  // ---- output and errors

  write(text: string): void {
    this.out.write(text);
  }

  syserr(text: string): void {
    this.errors.syserr(text);
  }

  usrerr(text: string): void {
    if (!this.suppressed) this.errors.usrerr(text);
  }

  message(text: string): void {
    this.errors.message(text);
  }

  setStatus(status: number): void {
    if (this.errors.exitStatus === EX_OK || this.errors.exitStatus === EX_TEMPFAIL)
      this.errors.exitStatus = status;
  }

  exitStatus(): number {
    return this.errors.exitStatus;
  }

  resetStatus(status: number): void {
    this.errors.exitStatus = status;
  }

  setTo(addr: string | null): string | null {
    const before = this.errors.to;
    this.errors.to = addr;
    return before;
  }

  suppressErrors(on: boolean): boolean {
    const before = this.suppressed;
    this.suppressed = on;
    return before;
  }

  // ---- macros and classes

  parseMacro(text: string, at: number): ParsedMacro {
    return parseMacroId(text, at, this.config.macroNames, this.errors);
  }

  private idOf(name: string): number {
    if (name.length === 1) return name.charCodeAt(0);
    return this.parseMacro(name, 0).id;
  }

  macroValue(id: number): string | null {
    return this.rt.envelope.get(id);
  }

  macro(name: string): string | null {
    return this.rt.envelope.get(this.idOf(name));
  }

  defineMacro(idOrName: number | string, value: string | null): void {
    const id = typeof idOrName === 'number' ? idOrName : this.idOf(idOrName);
    this.rt.envelope.set(id, value);
  }

  translateDollars(raw: string): string {
    return translateDollars(raw, this.config.configLevel, this.config.macroNames, this.errors);
  }

  expand(internal: string): string {
    return expandMacros(internal, this.rt.envelope, this.errors, MAXLINE);
  }

  addToClass(id: number, word: string): void {
    addToClass(this.config, id, word);
  }

  classMembers(id: number): string[] {
    return this.config.classes.members(id);
  }

  /** -dANSI: reverse video around metasymbols in printed text. */
  private ansi(): boolean {
    return this.rt.debug.namedLevel('ANSI') >= 1;
  }

  printable(internal: string): string {
    return formatText(internal, this.config.macroNames, this.ansi() ? ANSI_ESCAPES : NO_ESCAPES);
  }

  // ---- rulesets and mailers

  lookUpRuleset(text: string): RulesetRef {
    return this.config.rulesets.resolve(text, 0, 'find', this.errors);
  }

  findRuleset(text: string): number {
    return this.lookUpRuleset(text).number;
  }

  rulesetListing(ruleset: number): string {
    const rules = this.config.rulesets.rules[ruleset] ?? [];
    return rules.map((r) => formatRule(r, (t) => this.printable(t))).join('');
  }

  mailerListing(): string {
    return this.config.mailers
      .filter((m): m is Mailer => m !== undefined)
      .map((m) => formatMailer(this.config, m))
      .join('');
  }

  mailerExists(name: string): boolean {
    return this.config.mailer(name) !== undefined;
  }

  mailer(name: string): Mailer | undefined {
    return this.config.mailer(name);
  }

  mailers(): readonly Mailer[] {
    return this.config.mailers.filter((m): m is Mailer => m !== undefined);
  }

  setDebug(spec: string): void {
    this.rt.debug.apply(spec);
  }

  debugLevel(category: number): number {
    return this.rt.debug.level(category);
  }

  // ---- scanning and rewriting

  checkAddressChars(addr: string): boolean {
    return !invalidAddress(addr, true, this);
  }

  scanAddress(text: string, at: number): { tokens: string[] | null; end: number } {
    const table = this.rt.debug.on(23, 103) || this.config.configLevel < 9 ? 'external' : 'no-comments';
    const r = this.prescan(text.slice(at), ',', table);
    return { tokens: r.tokens, end: at + r.end };
  }

  /** prescan into sendmail's one static token vector (the top-level rewrites work there). */
  prescan(
    text: string,
    delimiter: string,
    table: 'external' | 'internal' | 'no-comments',
    ignoreUnbalanced = false,
  ): ScanResult {
    const tables = this.config.tokenTables();
    const t =
      table === 'external' ? tables.external : table === 'internal' ? tables.internal : tables.noComments;
    const r = prescan(text, { delimiter, table: t, ignoreUnbalanced, errors: this.errors });
    this.rt.scanVector.write(r.written, !r.failed);
    return { tokens: r.tokens, end: r.end, truncateInputTo: r.truncateInputTo };
  }

  rewrite(tokens: string[], ruleset: number, maxAtom = MAXATOM, from = 0): number {
    const vector = this.rt.scanVector;
    const head = tokens.slice(0, from);
    vector.write(tokens, true);
    const ws: Workspace = {
      read: () => vector.read().slice(from),
      write: (t) => vector.write([...head, ...t], true),
      restore: (t) => vector.write([...head, ...t], false),
    };
    const status = rewrite(ws, ruleset, 0, this.rewriteEnv(), maxAtom);
    tokens.splice(0, tokens.length, ...head, ...ws.read());
    return status;
  }

  private rewriteEnv(): RewriteEnv {
    return {
      config: this.config,
      macros: this.rt.envelope,
      out: this.out,
      testMode: true,
      debug: this.rt.debug,
      escapes: this.ansi() ? ANSI_ESCAPES : NO_ESCAPES,
      scanVector: this.rt.scanVector,
    };
  }

  joinTokens(
    tokens: readonly string[],
    spaceSub: string | null = null,
    external = true,
    size = MAXLINE,
  ): string {
    const sub = spaceSub ?? this.config.options.blankSub;
    return catTokens(tokens, 0, tokens.length - 1, sub, external, this.config.tokenTables().internal, size);
  }

  // ---- options the address routines read

  get configLevel(): number {
    return this.config.configLevel;
  }

  get mustQuoteChars(): string {
    return this.config.options.mustQuoteChars;
  }

  get colonOkInAddr(): boolean {
    return this.config.options.colonOkInAddr;
  }

  get eightBitAddrOk(): boolean {
    return this.config.options.flag('EightBitAddrOK');
  }

  get deferMode(): boolean {
    return this.config.options.deliveryMode === 'd';
  }

  // ---- the / commands

  mapLookup(name: string, key: string, beforeLookup: () => void): TestMapOutcome {
    return this.config.maps?.testLookup(name, key, beforeLookup) ?? { kind: 'no-such-map' };
  }

  canonicalHost(host: string): string {
    return this.config.maps?.canonicalName(host).name ?? host;
  }

  mxLookup(host: string): { count: number; hosts: string[] } | 'null-mx' {
    const maps = this.config.maps;
    if (!maps) return { count: 0, hosts: [] };
    // one getmxrr for /mx and the bestmx map (sendmail's NULLMX is -2)
    const r = maps.mxHosts(host, this.config.options.fallbackMX);
    return r.count === NULLMX ? 'null-mx' : { count: r.count, hosts: r.hosts };
  }

  /** An aliases-file name as parseaddr makes it into a local user (for maps reading aliases). */
  private aliasAddress(name: string): { user: string; printable: string; aliasable: boolean } | null {
    const flags = { sender: false, header: false };
    const a = parseAddress(name, { flags, delimiter: ':', isRecipient: true }, this);
    if (a === null) return null;
    return { user: a.user, printable: a.printable, aliasable: a.mailer?.flags.has('A') ?? false };
  }

  getHostByName(host: string, inet6: boolean): void {
    if (!this.rt.debug.on(61, 10)) return;
    const switchTable = mergeServiceSwitch(
      this.rt.mapEnv.serviceSwitchCache,
      parseServiceSwitch(this.services.readFile(this.config.options.serviceSwitchFile) ?? ''),
    );
    lookUpHost(host, inet6 ? 'inet6' : 'inet', {
      resolver: this.rt.resolver,
      hostServices: serviceTypes(switchTable, 'hosts') ?? [],
      mydomain: this.macro('m'),
      verbose: this.rt.debug.on(61, 11),
      write: (t) => this.write(t),
    });
  }

  crackAddress(addr: string): string {
    return crackAddress(addr, { mustQuoteChars: this.mustQuoteChars, colonOkInAddr: this.colonOkInAddr });
  }

  parseAddress(addr: string, flags: TryFlags): ParsedAddress | null {
    const a = parseAddress(addr, { flags, delimiter: '\0', isRecipient: true }, this);
    this.setTo(null);
    if (a === null) return null;
    return { mailer: a.mailerName, host: a.host ?? '', user: a.user };
  }

  setSender(addr: string): string {
    return setSender(addr, this, this.services.sender, this.senderState);
  }

  remoteName(mailer: string, addr: string, flags: TryFlags): { status: number; address: string | null } {
    const m = this.config.mailer(mailer);
    if (!m) return { status: EX_OK, address: null };
    const r = remoteName(addr, m, flags, this);
    this.setTo(null);
    return r;
  }

  headerFlags(header: string): number {
    const from = this.senderState.from;
    const sender = from && {
      printable: from.printable,
      user: from.user,
      localMailer: from.mailer?.flags.has('l') ?? false,
    };
    return checkHeader(header, this.headers, this, sender);
  }

  help(): void {
    const path = this.config.options.helpFile;
    printHelp(
      '-bt',
      {
        helpFile: path === null ? null : this.services.readFile(path),
        version: this.config.macros.get('v'.charCodeAt(0)) ?? '',
        expand: (text) => this.expand(this.translateDollars(text)),
        out: { message: (t) => this.message(t) },
      },
      this.help_,
    );
  }

  quit(): never {
    throw new QuitSignal();
  }
}
