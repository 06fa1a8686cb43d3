// The syslog class's own argument parser: -D, -S, and -L priority.
import { CBuffer, isSpace } from './cbuf.js';
import { illegalOption, nulAsNull } from './parse-options.js';
import type { MapState, ParseContext } from './state.js';
import type { SyslogPriority } from './types.js';

const PRIORITIES: readonly SyslogPriority[] = [
  'EMERG',
  'ALERT',
  'CRIT',
  'ERR',
  'WARNING',
  'NOTICE',
  'INFO',
  'DEBUG',
];

export function parseSyslogArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const f = map.decl.flags;
  const buf = new CBuffer(args);
  let priority: string | null = null;
  let p = 0;
  while (buf.at(p) !== '\0') {
    p = buf.skipSpaces(p);
    if (buf.at(p) !== '-') break;
    p++;
    const opt = buf.at(p);
    if (opt === 'D') {
      f.defer = true;
      p++;
    } else if (opt === 'S') {
      p++;
      f.spaceSub = nulAsNull(buf.at(p));
      if (buf.at(p) !== '\0') p++;
    } else if (opt === 'L') {
      p++;
      while (buf.at(p) !== '\0' && isSpace(buf.at(p))) p++;
      if (buf.at(p) === '\0') break;
      const start = p;
      p = buf.endWord(p);
      priority = buf.str(start);
    } else {
      ctx.env.report({
        severity: 'syserr',
        // sendmail names the class here, not the map
        text: illegalOption(opt, 'syslog'),
      });
      p++;
    }
  }
  let chosen: SyslogPriority = 'INFO';
  if (priority !== null) {
    const name = priority.slice(0, 4).toUpperCase() === 'LOG_' ? priority.slice(4) : priority;
    const match = PRIORITIES.find((q) => q === name.toUpperCase());
    if (match === undefined) {
      ctx.env.report({
        severity: 'syserr',
        text: `syslog_map_parseargs: Unknown priority ${name}`,
      });
      return false;
    }
    chosen = match;
  }
  map.decl.settings = { kind: 'syslog', priority: chosen };
  return true;
}
