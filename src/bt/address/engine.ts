// What sendmail's address routines (parseaddr, remotename, setsender, chompheader) need from
// the loaded configuration and the rewriter. session.ts implements it over the loader's model;
// unit tests use small fakes.
import type { Mailer } from '../../cf/model.js';

/** sendmail's RF_* flags that test mode can set (through /tryflags). */
export interface AddressFlags {
  sender: boolean;
  header: boolean;
}

export interface ScanResult {
  tokens: string[] | null;
  /** Index of the delimiter (or the end) where the scan stopped. */
  end: number;
  /** "Address too long": sendmail cut the scanned text to this length in place. */
  truncateInputTo?: number;
}

export interface AddressEngine {
  // reporting (err.c): the address being worked on prefixes user errors
  syserr(text: string): void;
  usrerr(text: string): void;
  message(text: string): void;
  /** sendmail's setstat. */
  setStatus(status: number): void;
  /** The current exit status (ExitStat). */
  exitStatus(): number;
  /** Sets ExitStat outright (rscheck puts back what it saved). */
  resetStatus(status: number): void;
  /** e_to: the address shown before user errors; returns the previous one. */
  setTo(addr: string | null): string | null;
  /** SuprErrs: while true, user errors are not printed. */
  suppressErrors(on: boolean): boolean;

  /**
   * prescan with sendmail's external token table, the internal one, or the internal one with
   * parentheses as operators (TokTypeNoC); `ignoreUnbalanced` skips the balance repairs.
   */
  prescan(
    text: string,
    delimiter: string,
    table: 'external' | 'internal' | 'no-comments',
    ignoreUnbalanced?: boolean,
  ): ScanResult;
  /**
   * rewrite(pvp, ruleset, 0, e, maxatom) with its trace. The vector is rewritten in place from
   * index `from` on (buildaddr rewrites the user part that follows "$:").
   */
  rewrite(tokens: string[], ruleset: number, maxAtom: number, from?: number): number;
  /** strtorwset(name, NULL, ST_FIND): -1 when there is no such ruleset. */
  findRuleset(name: string): number;
  /**
   * cataddr: tokens joined; spaceSub null means the BlankSub option, '' no separator.
   * `size` is the destination buffer size.
   */
  joinTokens(tokens: readonly string[], spaceSub: string | null, external: boolean, size: number): string;

  mailer(name: string): Mailer | undefined;
  /** The mailers in table order (for buildaddr's lookup). */
  mailers(): readonly Mailer[];

  macro(name: string): string | null;
  defineMacro(name: string, value: string | null): void;
  /** expand() of an internal string. */
  expand(internal: string): string;

  /** Options the address routines consult. */
  readonly configLevel: number;
  readonly mustQuoteChars: string;
  readonly colonOkInAddr: boolean;
  readonly eightBitAddrOk: boolean;
  /** DeliveryMode is defer (messages say "Deferring" instead of "Transient parse error"). */
  readonly deferMode: boolean;
}

/** sysexits values the address routines use. */
export {
  EX_OK,
  EX_USAGE,
  EX_DATAERR,
  EX_NOUSER,
  EX_NOHOST,
  EX_UNAVAILABLE,
  EX_SOFTWARE,
  EX_PROTOCOL,
  EX_TEMPFAIL,
  EX_CONFIG,
} from '../../sendmail/sysexits.js';

/** sendmail's MAXATOM and MAXNAME. */
export const MAXATOM = 1000;
export const MAXNAME = 256;
