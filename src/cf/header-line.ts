// H lines: `H[?flags?]Name: value` (a default header, conditional on mailer flags or on a
// macro with `?$x?`), or `HName: $>ruleset` / `$>+ruleset` (a ruleset that checks the header).
import type { SendmailConfig } from './config.js';
import { expandMacros } from './macros.js';
import { CALLSUBR, MACROEXPAND } from './meta.js';
import { asciiCaseEqual, isAscii, isGraph, isSpace } from '../sendmail/ctype.js';

const MAX_HEADER_NAME = 100;

export function readHeaderLine(config: SendmailConfig, line: string, lineNumber: number): void {
  const { errors } = config;
  const syntaxError = (shown: string): void =>
    errors.syserr(`553 5.3.0 header syntax error, line "${shown}"`);
  let p = 0;
  let mailerFlags = '';
  let macroId = 0;
  if (line[0] === '?') {
    const q = line.indexOf('?', 1);
    if (q < 0) return syntaxError(line);
    const cond = line.slice(1, q);
    if (cond.charCodeAt(0) === MACROEXPAND) {
      if (cond.length < 2 || cond.length > 2) return syntaxError(line);
      macroId = cond.charCodeAt(1);
    } else {
      for (let i = 0; i < cond.length; i++) {
        if (!isAscii(cond.charCodeAt(i))) return syntaxError(line);
        mailerFlags += cond[i];
      }
    }
    p = q + 1;
  }
  const nameStart = p;
  while (p < line.length && isAscii(line.charCodeAt(p)) && isGraph(line.charCodeAt(p)) && line[p] !== ':')
    p++;
  const name = line.slice(nameStart, p);
  while (p < line.length && isSpace(line.charCodeAt(p))) p++;
  if (line[p] !== ':' || name === '') {
    // sendmail cut the line at the second '?' and does not restore it here
    const cut = line.indexOf('?', 1);
    return syntaxError(line[0] === '?' && cut >= 0 ? line.slice(0, cut) : line);
  }
  const value = line.slice(p + 1);
  if (name.length > MAX_HEADER_NAME) return;

  // A ruleset call as the value makes this a header check, not a header.
  const expanded = expandMacros(value, config.macros, errors, 50).replace(/^[\t\n\v\f\r ]+/, '');
  if (expanded.charCodeAt(0) === CALLSUBR) {
    let r = 1;
    const keepComments = expanded[r] === '+';
    if (keepComments) r++;
    const ref = config.rulesets.resolve(expanded, r, 'enter', errors);
    if (ref.number > 0) {
      const rulesetName = expanded.slice(r, ref.end).replace(/[\t\n\v\f\r ]+$/, '');
      config.headerChecks.push({ header: name, ruleset: rulesetName, keepComments, line: lineNumber });
      return;
    }
  }
  const isNull = value.replace(/^[\t\n\v\f\r ]+/, '') === '';
  let inheritedFlags: string | null = null;
  for (const h of config.headers) {
    if (!asciiCaseEqual(h.name, name) || h.value === null) continue;
    if (isNull) return;
    if (line[0] !== '?') inheritedFlags = h.mailerFlags;
    h.value = null;
  }
  config.headers.push({
    name,
    value,
    mailerFlags: inheritedFlags ?? mailerFlags,
    macroId,
    line: lineNumber,
  });
}
