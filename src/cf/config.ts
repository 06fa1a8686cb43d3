// The state of one sendmail run as the .cf builds it: macros, classes, rulesets, mailers,
// maps, options and the rest. sendmail keeps these in globals; we keep them in one object that
// test mode (src/bt) creates, prepares (host identity, -O options), hands to the loader
// (readCf), and then uses to run rulesets.
import type { MapTable } from '../rules/maps/types.js';
import { NO_DEBUG, type DebugFlags } from '../rules/context.js';
import { DEFAULT_OPERATOR_CHARS, TokenTables } from '../rules/prescan.js';
import { ClassTable } from './classes.js';
import { ErrorChannel } from './errors.js';
import { MacroNames, MacroTable, defineMetaMacros, expandMacros } from './macros.js';
import { asciiCaseEqual } from '../sendmail/ctype.js';
import type {
  DeclaredMap,
  HeaderCheck,
  HeaderDefault,
  MailFilter,
  Mailer,
  OptionAssignment,
  Priority,
  QueueGroup,
} from './model.js';
import { OptionState } from './option-state.js';
import { RulesetTable } from './rulesets.js';
import type { ByteSink } from '../cli/io.js';

/** sendmail's MAXMAILERS. */
export const MAXMAILERS = 25;

export class SendmailConfig {
  readonly errors: ErrorChannel;
  readonly macroNames = new MacroNames();
  /**
   * The macros the .cf defines (sendmail's BlankEnvelope); test mode's own envelope should be
   * a child table of this one.
   */
  readonly macros: MacroTable;
  readonly classes = new ClassTable();
  readonly rulesets = new RulesetTable();
  /** Mailers by number (sendmail's Mailer[]); holes are undefined. */
  readonly mailers: (Mailer | undefined)[] = [];
  /** The number the next new mailer gets. */
  nextMailerNumber = 0;
  readonly options = new OptionState();
  /** Every option assignment read, in order (O lines and -O). */
  readonly optionAssignments: OptionAssignment[] = [];
  readonly headers: HeaderDefault[] = [];
  readonly headerChecks: HeaderCheck[] = [];
  readonly priorities: Priority[] = [];
  readonly queueGroups: QueueGroup[] = [];
  readonly filters: MailFilter[] = [];
  /** E lines: name and value (null when the line had no '='). */
  readonly environment: [string, string | null][] = [];
  /** K lines as the map table accepted them. */
  readonly declaredMaps: DeclaredMap[] = [];
  /** sendmail's -d flags (the loader's scans trace with -d22.x); none unless the caller sets them. */
  debug: DebugFlags = NO_DEBUG;
  /** The map table rules look up in; null until the caller provides one. */
  maps: MapTable | null = null;

  /** The V line's level (sendmail's ConfigLevel; 0 until a V line is read). */
  configLevel = 0;
  /** The V line's vendor (Berkeley unless given). */
  vendor = 'Berkeley';
  /** The .cf's file name, once read. */
  fileName: string | null = null;

  private tables: TokenTables | null = null;

  constructor(out: ByteSink, err?: ByteSink) {
    this.errors = new ErrorChannel(out, err);
    this.macros = new MacroTable();
    defineMetaMacros(this.macros);
    // sendmail's one built-in long macro name (MID_OPMODE, which shares the $& code)
    this.macroNames.bind('opMode', 0x82);
    // setdefaults' set_delivery_mode(SM_FORK) takes the first long-name id, before the .cf
    this.setDeliveryMode('b');
  }

  /** sendmail's set_delivery_mode: the DeliveryMode option and the {deliveryMode} macro. */
  setDeliveryMode(mode: string): void {
    this.options.deliveryMode = mode;
    const id = this.macroNames.idOf('deliveryMode');
    if (id !== 'exhausted') this.macros.set(id, mode);
  }

  /** The mailer with this name (case-insensitive). */
  mailer(name: string): Mailer | undefined {
    return this.mailers.find((m) => m !== undefined && asciiCaseEqual(m.name, name));
  }

  /**
   * The scanner's character tables. sendmail builds them at its first scan (usually the first
   * R line) from OperatorChars as set then (or $o in configs before V7); later changes to the
   * option have no effect.
   */
  tokenTables(): TokenTables {
    if (this.tables === null) {
      let chars = this.options.operatorChars;
      if (chars === null) {
        if (this.configLevel < 7) chars = this.macros.get('o'.charCodeAt(0));
        if (chars === null) chars = DEFAULT_OPERATOR_CHARS;
        this.options.operatorChars = chars;
      }
      const expanded = expandMacros(chars, this.macros, this.errors, 50 - 9);
      this.tables = new TokenTables(expanded);
    }
    return this.tables;
  }

  /** True once the scanner tables exist (OperatorChars can no longer change them). */
  get tokenTablesBuilt(): boolean {
    return this.tables !== null;
  }
}
