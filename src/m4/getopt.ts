// glibc's getopt_long as GNU m4 uses it: options and file names are returned in command-line
// order (an option string starting with '-'), long options may be abbreviated to any unique
// prefix, and errors are reported with glibc's exact wording before m4 prints its usage hint.

export type ArgRequirement = 'none' | 'required' | 'optional';

export interface LongOption {
  name: string;
  has: ArgRequirement;
  /** The code returned for it: a short option letter or a pseudo name. */
  code: string;
}

export type GetoptEvent =
  | { kind: 'option'; code: string; arg: string | undefined }
  | { kind: 'operand'; arg: string }
  /** getopt's complaint (printed when the caller reaches it), then m4 stops. */
  | { kind: 'error'; message: string };

/**
 * Parses `argv` (without the program name). `shortSpec` is getopt's option string without the
 * leading '-', e.g. "D:d::E". Returns the events in order, up to the first error; operands
 * after "--" come last.
 */
export function getoptLong(
  argv: readonly string[],
  shortSpec: string,
  longOptions: readonly LongOption[],
  programName: string,
): GetoptEvent[] {
  const events: GetoptEvent[] = [];
  let optind = 0;
  while (optind < argv.length) {
    const arg = argv[optind];
    if (arg === '--') {
      for (const rest of argv.slice(optind + 1)) events.push({ kind: 'operand', arg: rest });
      return events;
    }
    if (arg[0] !== '-' || arg.length === 1) {
      events.push({ kind: 'operand', arg });
      optind++;
      continue;
    }
    if (arg[1] === '-') {
      const r = parseLong(argv, optind, arg.slice(2), longOptions, programName);
      events.push(r.event);
      optind = r.optind;
      if (r.event.kind === 'error') return events;
      continue;
    }
    // A cluster of short options, e.g. -dV or -Dname=value.
    let i = 1;
    optind++;
    for (;;) {
      const c = arg[i++];
      const at = shortSpec.indexOf(c);
      if (at < 0 || c === ':' || c === ';') {
        events.push({ kind: 'error', message: `${programName}: invalid option -- '${c}'\n` });
        return events;
      }
      const takesArg = shortSpec[at + 1] === ':';
      const optional = takesArg && shortSpec[at + 2] === ':';
      if (!takesArg) {
        events.push({ kind: 'option', code: c, arg: undefined });
        if (i >= arg.length) break;
        continue;
      }
      if (i < arg.length) {
        events.push({ kind: 'option', code: c, arg: arg.slice(i) });
      } else if (optional) {
        events.push({ kind: 'option', code: c, arg: undefined });
      } else if (optind < argv.length) {
        events.push({ kind: 'option', code: c, arg: argv[optind++] });
      } else {
        events.push({ kind: 'error', message: `${programName}: option requires an argument -- '${c}'\n` });
        return events;
      }
      break;
    }
  }
  return events;
}

function parseLong(
  argv: readonly string[],
  optind: number,
  body: string,
  longOptions: readonly LongOption[],
  programName: string,
): { event: GetoptEvent; optind: number } {
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const error = (message: string): { event: GetoptEvent; optind: number } => ({
    event: { kind: 'error', message: `${programName}: ${message}\n` },
    optind: optind + 1,
  });
  let found = longOptions.find((o) => o.name === name);
  if (found === undefined) {
    const candidates = longOptions.filter((o) => o.name.startsWith(name));
    if (candidates.length > 0) {
      const first = candidates[0];
      const ambiguous = candidates.filter((o) => o === first || o.has !== first.has || o.code !== first.code);
      if (ambiguous.length > 1) {
        const list = ambiguous.map((o) => ` '--${o.name}'`).join('');
        return error(`option '--${body}' is ambiguous; possibilities:${list}`);
      }
      found = first;
    }
  }
  if (found === undefined) return error(`unrecognized option '--${body}'`);
  optind++;
  if (eq >= 0) {
    if (found.has === 'none') return error(`option '--${found.name}' doesn't allow an argument`);
    return { event: { kind: 'option', code: found.code, arg: body.slice(eq + 1) }, optind };
  }
  if (found.has === 'required') {
    if (optind < argv.length)
      return { event: { kind: 'option', code: found.code, arg: argv[optind] }, optind: optind + 1 };
    return error(`option '--${found.name}' requires an argument`);
  }
  return { event: { kind: 'option', code: found.code, arg: undefined }, optind };
}
