// What running rulesets needs: the loaded configuration, the macros of the current envelope,
// where trace lines go, and which debug flags are on.
import type { ByteSink } from '../cli/io.js';
import type { SendmailConfig } from '../cf/config.js';
import type { MacroLookup } from '../cf/macros.js';
import type { TermEscapes } from './tokens.js';

/** sendmail's tTd(category, level): true when -dcategory.level (or more) is on. */
export interface DebugFlags {
  level(category: number): number;
}

export const NO_DEBUG: DebugFlags = { level: () => 0 };

/**
 * sendmail's prescan keeps its tokens in one static vector; in test mode the address being
 * rewritten lives there too, so a scan during rewriting (of a $&x value or a map result) can
 * overwrite it. Keeping that vector as an object reproduces what such runs leave behind.
 */
export class ScanVector {
  /** Slots as sendmail's array holds them; a null ends the vector. */
  private slots: (string | null)[] = [];
  private view: string[] | null = null;

  /** The tokens up to the first null slot (do not modify the array). */
  read(): string[] {
    if (this.view === null) {
      const out: string[] = [];
      for (const s of this.slots) {
        if (s === null) break;
        out.push(s);
      }
      this.view = out;
    }
    return this.view;
  }

  /** Overwrites the first slots; with `terminate` a null follows them. */
  write(tokens: readonly string[], terminate: boolean): void {
    for (let i = 0; i < tokens.length; i++) this.slots[i] = tokens[i];
    if (terminate) this.slots[tokens.length] = null;
    this.view = null;
  }
}

/** The token vector a ruleset rewrites in place. */
export interface Workspace {
  read(): string[];
  write(tokens: readonly string[]): void;
  /**
   * Puts back tokens saved before a scan, without an end marker (sendmail's memmove around
   * the $&x scan). Only matters when the workspace is prescan's vector.
   */
  restore(tokens: readonly string[]): void;
}

/** A workspace of its own (a subroutine's part of the caller's vector). */
export class ArrayWorkspace implements Workspace {
  /** The most tokens ever written (sendmail writes them into its caller's array). */
  longest: number;

  constructor(public tokens: string[]) {
    this.longest = tokens.length;
  }
  read(): string[] {
    return this.tokens;
  }
  /** Takes the array as it is: callers hand over vectors they no longer use. */
  write(tokens: readonly string[]): void {
    this.tokens = tokens as string[];
    if (tokens.length > this.longest) this.longest = tokens.length;
  }
  restore(): void {
    // a scan never touches a vector of its own
  }
}

/** The scan vector as a workspace (test mode's top-level address). */
export function scanVectorWorkspace(v: ScanVector): Workspace {
  return { read: () => v.read(), write: (t) => v.write(t, true), restore: (t) => v.write(t, false) };
}

export interface RewriteEnv {
  config: SendmailConfig;
  /** The current envelope's macros ($&x is read from here). */
  macros: MacroLookup;
  /** Where traces and messages go (stdout). */
  out: ByteSink;
  /** Test mode (-bt): every ruleset call prints its input and result. */
  testMode: boolean;
  debug: DebugFlags;
  /** Reverse video in traces (-dANSI). */
  escapes?: TermEscapes;
  /** prescan's static vector (shared by every scan of the run). */
  scanVector: ScanVector;
}
