// Reading a sendmail.cf (sendmail's readcf): lines are folded (a line starting with a blank
// continues the previous one), translated to internal form, then dispatched on their first
// character. Messages are sendmail's, prefixed "FILE: line N: " as its syserr does while the
// file is read.
import { statSync, readFileSync } from 'node:fs';
import type { SendmailConfig } from './config.js';
import { readClassLine, readFileClassLine } from './class-lines.js';
import type { CfEnvironment } from './environment.js';
import { SendmailExit } from './errors.js';
import { EX_OSFILE } from '../sendmail/sysexits.js';
import { readHeaderLine } from './header-line.js';
import { translateDollars } from './macros.js';
import { readMailerLine } from './mailer-line.js';
import {
  readEnvLine,
  readFilterLine,
  readMacroLine,
  readMapLine,
  readPriorityLine,
  readQueueLine,
  readVersionLine,
} from './misc-lines.js';
import { setOption } from './options.js';
import { RuleReader } from './rule-lines.js';
import { bytePath } from '../sendmail/byte-paths.js';

export interface ReadCfOptions {
  /** The name messages show (sendmail prints the -C argument as given). */
  fileName: string;
  env: CfEnvironment;
  /** The system .cf (sendmail's "safe"): every option may be set. Default true. */
  safe?: boolean;
}

/** One logical line: its text (continuations joined with their newlines) and last line number. */
export interface FoldedLine {
  text: string;
  lineNumber: number;
}

/**
 * Splits .cf text into logical lines as sendmail's fgetfolded does: CR LF is LF, a line that
 * starts with a blank or tab continues the previous one (the newline stays in the text), and
 * the line number is the count of newlines read so far (a last line without newline keeps the
 * number of the line before it).
 */
export function foldLines(text: string): FoldedLine[] {
  const out: FoldedLine[] = [];
  let lineNumber = 0;
  let cur = '';
  let started = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      i++;
      c = '\n';
    }
    cur += c;
    started = true;
    if (c === '\n') {
      lineNumber++;
      const next = text[i + 1];
      if (next === ' ' || next === '\t') continue;
      out.push({ text: cur.slice(0, -1), lineNumber });
      cur = '';
      started = false;
    }
  }
  if (started) out.push({ text: cur, lineNumber });
  return out;
}

/** Reads a .cf file from disk with sendmail's checks (cannot open / not a plain file). */
export function readCfFile(
  config: SendmailConfig,
  path: string,
  opts: Omit<ReadCfOptions, 'fileName'> & { fileName?: string },
): void {
  const fileName = opts.fileName ?? path;
  const { errors } = config;
  let text: string;
  try {
    const st = statSync(bytePath(path));
    if (st.isFile() && (st.mode & 0o444) === 0 && process.getuid?.() === 0)
      throw Object.assign(new Error(), { code: 'EACCES' });
    if (!st.isFile()) {
      errors.fileName = fileName;
      errors.lineNumber = 0;
      errors.syserr('not a plain file');
      throw new SendmailExit(EX_OSFILE);
    }
    text = readFileSync(bytePath(path), 'latin1');
  } catch (err) {
    if (err instanceof SendmailExit) throw err;
    errors.fileName = fileName;
    errors.lineNumber = 0;
    errors.syserr('cannot open', (err as NodeJS.ErrnoException).code ?? 'EIO');
    throw new SendmailExit(EX_OSFILE);
  }
  readCf(config, text, { ...opts, fileName });
}

/** Reads .cf text into `config` (sendmail's readcf), printing its load-time messages. */
export function readCf(config: SendmailConfig, text: string, opts: ReadCfOptions): void {
  const { errors } = config;
  const safe = opts.safe ?? true;
  config.fileName = opts.fileName;
  errors.fileName = opts.fileName;
  errors.lineNumber = 0;
  const rules = new RuleReader(config);
  try {
    for (const folded of foldLines(text)) {
      errors.lineNumber = folded.lineNumber;
      // sendmail's lines are C strings: a NUL byte ends the line
      const nul = folded.text.indexOf('\0');
      const raw = nul < 0 ? folded.text : folded.text.slice(0, nul);
      if (raw[0] === '#') continue;
      const bp = translateDollars(raw, config.configLevel, config.macroNames, errors);
      const line = folded.lineNumber;
      switch (bp[0]) {
        case undefined:
        case '#':
          break;
        case 'R':
          rules.readRule(bp, line);
          break;
        case 'S':
          rules.selectRuleset(bp);
          break;
        case 'D':
          readMacroLine(config, bp);
          break;
        case 'H':
          readHeaderLine(config, bp.slice(1), line);
          break;
        case 'C':
        case 'T':
          readClassLine(config, bp);
          break;
        case 'F':
          readFileClassLine(config, bp, opts.env, safe);
          break;
        case 'M':
          readMailerLine(config, bp.slice(1), line, opts.env);
          break;
        case 'O':
          setOption(bp.charCodeAt(1) || 0, bp.slice(2), { config, env: opts.env, sticky: false, safe, line });
          break;
        case 'P':
          readPriorityLine(config, bp);
          break;
        case 'Q':
          readQueueLine(config, bp.slice(1), line);
          break;
        case 'V':
          readVersionLine(config, bp);
          break;
        case 'K':
          readMapLine(config, bp.slice(1), line);
          break;
        case 'E':
          readEnvLine(config, bp);
          break;
        case 'X':
          readFilterLine(config, bp.slice(1), line);
          break;
        default:
          errors.syserr(`unknown configuration line "${bp}"`);
      }
    }
  } finally {
    errors.fileName = null;
  }
  // after the file: the maps sendmail defines itself (host, aliases)
  config.maps?.addDefaultMaps({ blankSub: config.options.blankSub, configLevel: config.configLevel });
}
