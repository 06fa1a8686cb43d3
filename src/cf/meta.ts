// sendmail's internal byte codes. A .cf line is translated into an "internal form" where `$x`
// and the rule metasymbols become single high bytes; tokens keep those bytes, so a token is a
// latin1 string whose first char may be one of these codes. Keeping sendmail's byte values makes
// every quirk of its scanner and matcher (which look at those bytes) reproducible.

/** `$*`: zero or more tokens. */
export const MATCHZANY = 0x90;
/** `$+`: one or more tokens. */
export const MATCHANY = 0x91;
/** `$-`: exactly one token. */
export const MATCHONE = 0x92;
/** `$=X`: a phrase in class X. */
export const MATCHCLASS = 0x93;
/** `$~X`: one token not in class X. */
export const MATCHNCLASS = 0x94;
/** `$1`…`$9` on the RHS. */
export const MATCHREPL = 0x95;
/** `$#`: mailer triple start. */
export const CANONNET = 0x96;
/** `$@`: host part; on the LHS it matches zero tokens; on the RHS first it means "return". */
export const CANONHOST = 0x97;
/** `$:`: user part; first on the RHS it means "rewrite once". */
export const CANONUSER = 0x98;
/** `$>`: call a ruleset. */
export const CALLSUBR = 0x99;
/** `$?x` `$|` `$.`: load-time conditionals. */
export const CONDIF = 0x9a;
export const CONDELSE = 0x9b;
export const CONDFI = 0x9c;
/** `$[` `$]`: host name canonicalisation. */
export const HOSTBEGIN = 0x9d;
export const HOSTEND = 0x9e;
/** `$(` `$)`: map lookup. */
export const LOOKUPBEGIN = 0x85;
export const LOOKUPEND = 0x86;
/** `$x`: macro expansion (followed by the macro id byte). */
export const MACROEXPAND = 0x81;
/** `$&x`: deferred macro expansion. */
export const MACRODEXPAND = 0x82;
/** Quotes the next byte (protects 8-bit input bytes from being taken as codes). */
export const METAQUOTE = 0xff;

/** The metasymbol letters and their codes, in sendmail's table order (printing walks it). */
export const META_MACROS: readonly (readonly [letter: string, code: number])[] = [
  ['*', MATCHZANY],
  ['+', MATCHANY],
  ['-', MATCHONE],
  ['=', MATCHCLASS],
  ['~', MATCHNCLASS],
  ['#', CANONNET],
  ['@', CANONHOST],
  [':', CANONUSER],
  ['>', CALLSUBR],
  ['?', CONDIF],
  ['|', CONDELSE],
  ['.', CONDFI],
  ['[', HOSTBEGIN],
  [']', HOSTEND],
  ['(', LOOKUPBEGIN],
  [')', LOOKUPEND],
  ['&', MACRODEXPAND],
];

/** The one-char string of a byte code. */
export const chr = (code: number): string => String.fromCharCode(code);
