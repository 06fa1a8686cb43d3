// The typed model of a loaded sendmail.cf. Text fields keep sendmail's internal form (latin1
// strings in which `$x`, `$*`, `$:` … are single high bytes, see meta.ts); formatTokens() in
// src/rules/tokens.ts prints them as sendmail does.
import type { MapDeclaration } from '../rules/maps/types.js';

/** One R line. */
export interface Rule {
  /** Pattern tokens (internal form). Empty when sendmail rejected the LHS. */
  lhs: string[];
  /** Replacement tokens (internal form). */
  rhs: string[];
  /** The .cf line the rule ends on (sendmail's r_line). */
  line: number;
  /** The third tab-separated field, as written (after macro translation), if any. */
  comment: string;
}

/** One M line. Rulesets are numbers (sendmail's internal -1 … 199; 0 when unset). */
export interface Mailer {
  name: string;
  /** Index in sendmail's mailer table (=M prints it). */
  number: number;
  /** P= */
  path: string;
  /** F= flags: each char a flag. */
  flags: Set<string>;
  /** S= envelope/header sender rulesets, R= envelope/header recipient rulesets. */
  senderEnvelopeRuleset: number;
  senderHeaderRuleset: number;
  recipientEnvelopeRuleset: number;
  recipientHeaderRuleset: number;
  /** A= words. */
  argv: string[];
  /** E= (default "\r\n", or "\n" when A= uses $u). */
  eol: string;
  /** M= */
  maxMessageSize: number;
  /** m= */
  maxDeliveries: number;
  /** r= (default 100) */
  maxRecipients: number;
  /** L= */
  lineLimit: number;
  /** N= */
  nice: number;
  /** D= */
  execDir: string | null;
  /** C= */
  defaultCharset: string | null;
  /** Q= (queue group name), if given and known. */
  queueGroup: string | null;
  /** T= parts; null when unset. */
  mtaType: string | null;
  addrType: string | null;
  diagType: string | null;
  /** U= user and group ids; null when unset (sendmail's NO_UID / NO_GID). */
  uid: number | null;
  gid: number | null;
  /** W= seconds. */
  wait: number;
  /** /= */
  rootDir: string | null;
  /** The .cf line it was defined on (0 for built-in mailers). */
  line: number;
}

/** One H line: a default header, possibly conditional on mailer flags or a macro. */
export interface HeaderDefault {
  name: string;
  /** The value (internal form; expanded when the header is generated); null once a later H line replaced it. */
  value: string | null;
  /** `?FLAGS?`: mailer flags that must be set for the header to be added. */
  mailerFlags: string;
  /** `?$x?`: the id of the macro that must be set; 0 when none. */
  macroId: number;
  line: number;
}

/** An `H name: $>ruleset` line: a ruleset that checks a header. */
export interface HeaderCheck {
  header: string;
  ruleset: string;
  /** `$>+name`: comments are kept when the header is passed to the ruleset. */
  keepComments: boolean;
  line: number;
}

/** One P line. */
export interface Priority {
  name: string;
  value: number;
}

/** One Q line. */
export interface QueueGroup {
  name: string;
  /** Field letter to value, as written (P= F= I= N= R= J= r=). */
  fields: Map<string, string>;
  line: number;
}

/** One X line. */
export interface MailFilter {
  name: string;
  fields: Map<string, string>;
  line: number;
}

/** A map declared by a K line, with the line it came from. */
export interface DeclaredMap {
  declaration: MapDeclaration;
  line: number;
}

/** An option as set by an O line (or -O): the long name and the value as given. */
export interface OptionAssignment {
  name: string;
  value: string;
  /** 0 for options set outside the .cf. */
  line: number;
}
