// GNU m4's regexp and patsubst builtins, and the regex API the engine uses elsewhere: m4's thin
// layer over the project's regex engine (src/regex/), which does what gnulib's regex does.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  type Charset,
  type Regex,
  type Registers,
  RegexSearcher,
  compileRegex,
  emacsToJsRegExp,
  searchRegex,
} from '../regex/index.js';
import { NO_DIAGNOSTICS, type Diagnostic, type PureResult } from './diagnostics.js';
import { cString } from './numeric.js';

export type { Charset, MatchResult, Registers } from '../regex/index.js';

/**
 * What regexp and patsubst keep between calls in one m4 run: the character set (from the
 * locale, as GNU m4's setlocale(LC_ALL, "") picks it) and whether the once-per-run warning
 * about \0 in replacements was given. The engine makes one per run with newRegexState().
 */
export interface RegexState {
  charset: Charset;
  warnedZeroReference: boolean;
}

/**
 * The character set GNU m4 would use for LC_CTYPE in this environment: UTF-8 when the
 * locale named by LC_ALL, else LC_CTYPE, else LANG is a UTF-8 locale present on the system.
 */
export function charsetForEnvironment(env: NodeJS.ProcessEnv): Charset {
  const name = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const match = /^([^.@]*)\.(utf-?8)(@.*)?$/i.exec(name);
  if (!match) return 'bytes';
  const normalized = `${match[1]}.utf8${match[3] ?? ''}`;
  if (match[1] === 'C' || match[1] === 'POSIX') return 'utf8';
  if (existsSync(`/usr/lib/locale/${normalized}`) || existsSync(`/usr/lib/locale/${name}`)) return 'utf8';
  // Locales compiled into the archive are only listed by `locale -a`.
  return archivedLocales().has(normalized.toLowerCase()) ? 'utf8' : 'bytes';
}

// node:child_process is loaded only when a locale has to be looked up in the archive.
const require = createRequire(import.meta.url);

let archived: Set<string> | undefined;
function archivedLocales(): Set<string> {
  if (!archived) {
    archived = new Set();
    if (existsSync('/usr/lib/locale/locale-archive')) {
      const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
      const listing = spawnSync('locale', ['-a'], { encoding: 'latin1', timeout: 10_000 });
      for (const line of (listing.stdout ?? '').split('\n')) if (line) archived.add(line.toLowerCase());
    }
  }
  return archived;
}

/** A run's state; the character set is worked out when a pattern first needs it. */
export function newRegexState(env: NodeJS.ProcessEnv = process.env): RegexState {
  let charset: Charset | undefined;
  return {
    // Finding it may list the locale archive (a command): most runs use no regexp at all.
    get charset(): Charset {
      return (charset ??= charsetForEnvironment(env));
    },
    warnedZeroReference: false,
  };
}

let defaultState: RegexState | undefined;
/** The state used when a caller passes none: one per process, from process.env. */
function processState(): RegexState {
  defaultState ??= newRegexState();
  return defaultState;
}

/** A compiled GNU m4 regex. */
export type M4Regex = Regex;

/** A pattern compiled as GNU m4 compiles it, or gnulib's message for a bad one. */
export type CompiledM4Regex = { ok: true; regex: M4Regex } | { ok: false; message: string };

const caches: Record<Charset, Map<string, CompiledM4Regex>> = { bytes: new Map(), utf8: new Map() };
const CACHE_LIMIT = 512;

/** Compiles a pattern as GNU m4 does (patterns in loops once); the error is gnulib's message. */
export function compileM4Regex(pattern: string, charset: Charset): CompiledM4Regex {
  const cache = caches[charset];
  let entry = cache.get(pattern);
  if (entry === undefined) {
    const compiled = compileRegex(pattern, { syntax: 'emacs', charset });
    entry = compiled.ok ? { ok: true, regex: compiled.regex } : { ok: false, message: compiled.message };
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(pattern, entry);
  }
  return entry;
}

/**
 * For the engine's other needs: the pattern as a JS RegExp that accepts the same texts (C
 * locale). JS finds leftmost-first matches; use compileM4Regex and searchRegex for GNU's.
 */
export function compileEmacsRegex(
  pattern: string,
): { ok: true; regex: RegExp; groups: number } | { ok: false; message: string } {
  return emacsToJsRegExp(cString(pattern));
}

/**
 * Copying a group whose end lies before its start makes GNU ask its obstack for an impossible
 * size: glibc prints a bare `memory exhausted` and m4 stops at once (a 'fatal' diagnostic).
 */
const IMPOSSIBLE_COPY: Diagnostic = { severity: 'fatal', message: 'memory exhausted', bare: true };

class Substitution {
  readonly diagnostics: Diagnostic[] = [];
  /** The text so far: a few pieces, which concatenation joins faster than an array would. */
  private out = '';
  failed = false;

  constructor(
    private readonly state: RegexState,
    private readonly groups: number,
  ) {}

  text(piece: string): void {
    this.out += piece;
  }

  /** The expansion, read as GNU reads it: a C string, up to a NUL a group copy brought in. */
  result(): string {
    return cString(this.out);
  }

  /** Expands a replacement: \& and \0 the match, \1..\9 groups, \x is x. */
  replace(victim: string, replacement: string, registers: Registers): void {
    let i = 0;
    for (;;) {
      const backslash = replacement.indexOf('\\', i);
      if (backslash < 0) {
        this.text(replacement.slice(i));
        return;
      }
      this.text(replacement.slice(i, backslash));
      const ch = replacement[backslash + 1];
      i = backslash + 2;
      if (ch === undefined) {
        this.warn('Warning: trailing \\ ignored in replacement');
        return;
      }
      if (ch === '0' || ch === '&') {
        if (ch === '0' && !this.state.warnedZeroReference) {
          this.state.warnedZeroReference = true;
          this.warn('Warning: \\0 will disappear, use \\& instead in replacements');
        }
        this.text(victim.slice(registers.start[0], registers.end[0]));
      } else if (ch >= '1' && ch <= '9') {
        const k = ch.charCodeAt(0) - 48;
        if (k > this.groups) {
          this.warn(`Warning: sub-expression ${k} not present`);
        } else if (registers.end[k] > 0) {
          // A group left half-open ends before it starts: GNU then asks for a huge copy and dies.
          if (registers.end[k] < registers.start[k]) {
            this.failed = true;
            return;
          }
          // An end without a start (gnulib's walk can restore one): GNU copies from the byte
          // before the text, the NUL that ends the word before it in m4's argument storage.
          if (registers.start[k] < 0) this.text('\0' + victim.slice(0, registers.end[k]));
          else this.text(victim.slice(registers.start[k], registers.end[k]));
        }
      } else {
        this.text(ch);
      }
    }
  }

  private warn(message: string): void {
    this.diagnostics.push({ severity: 'warning', message });
  }
}

/** regexp(string, regexp, [replacement]). `args` exclude the macro name. */
export function regexpBuiltin(
  _builtinName: string,
  args: string[],
  state: RegexState = processState(),
): PureResult {
  // Too few arguments: GNU's fallbacks (the engine has warned already).
  if (args.length < 2) return { text: args.length === 1 ? '0' : '', diagnostics: NO_DIAGNOSTICS };
  const victim = cString(args[0]);
  const pattern = cString(args[1]);
  const compiled = compileM4Regex(pattern, state.charset);
  if (!compiled.ok) {
    return {
      text: '',
      diagnostics: [
        { severity: 'warning', message: `bad regular expression: \`${pattern}': ${compiled.message}` },
      ],
    };
  }
  const wantReplacement = args.length >= 3;
  const match = searchRegex(compiled.regex, victim, 0, wantReplacement);
  if (!wantReplacement) return { text: String(match ? match.start : -1), diagnostics: NO_DIAGNOSTICS };
  if (!match) return { text: '', diagnostics: NO_DIAGNOSTICS };
  const substitution = new Substitution(state, compiled.regex.groups);
  substitution.replace(victim, cString(args[2]), match.registers);
  if (substitution.failed) return { text: '', diagnostics: [...substitution.diagnostics, IMPOSSIBLE_COPY] };
  return { text: substitution.result(), diagnostics: substitution.diagnostics };
}

/** patsubst(string, regexp, [replacement]). `args` exclude the macro name. */
export function patsubstBuiltin(
  _builtinName: string,
  args: string[],
  state: RegexState = processState(),
): PureResult {
  if (args.length < 2)
    return { text: args.length === 1 ? cString(args[0]) : '', diagnostics: NO_DIAGNOSTICS };
  const pattern = cString(args[1]);
  const compiled = compileM4Regex(pattern, state.charset);
  if (!compiled.ok) {
    return {
      text: '',
      diagnostics: [
        { severity: 'warning', message: `bad regular expression \`${pattern}': ${compiled.message}` },
      ],
    };
  }
  const victim = cString(args[0]);
  const replacement = cString(args[2] ?? '');
  const searcher = new RegexSearcher(compiled.regex, victim);
  const substitution = new Substitution(state, compiled.regex.groups);
  let offset = 0;
  while (offset <= victim.length) {
    const match = searcher.search(offset, true);
    if (!match) {
      substitution.text(victim.slice(offset));
      break;
    }
    substitution.text(victim.slice(offset, match.start));
    substitution.replace(victim, replacement, match.registers);
    if (substitution.failed) return { text: '', diagnostics: [...substitution.diagnostics, IMPOSSIBLE_COPY] };
    offset = match.end;
    // An empty match copies one byte and moves on, so the search cannot stall.
    if (match.start === match.end) substitution.text(victim.slice(offset, ++offset));
  }
  return { text: substitution.result(), diagnostics: substitution.diagnostics };
}
