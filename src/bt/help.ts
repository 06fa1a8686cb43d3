// Test mode's `?`: sendmail's help() for the topic "-bt", read from the HelpFile option's file.
// Lines whose start matches the topic are printed from their first blank on; a help file of
// version 2 or later ("#vers 2") has its lines macro-expanded first.
import { fgetsPieces } from './lines.js';

/** The reporting functions help() prints through (sendmail's message()). */
export interface HelpOutput {
  message(text: string): void;
}

export interface HelpContext {
  /** The help file's contents, or null when it is not set or cannot be opened. */
  helpFile: string | null;
  version: string;
  /** translate_dollars then expand: how a version-2 file's text is prepared. */
  expand(text: string): string;
  out: HelpOutput;
}

const VERSION_TAG = '#vers\t';
const CURRENT_HELP_VERSION = 2;

/**
 * The help file's version as sendmail remembers it across calls (its "foundvers": -1 until a
 * "#vers" line has been seen; 0 once an old file has been reported).
 */
export class HelpState {
  foundVersion = -1;
}

export function printHelp(topicIn: string, ctx: HelpContext, state: HelpState): void {
  if (ctx.helpFile === null) {
    ctx.out.message(`502 5.3.0 Sendmail ${ctx.version} -- HELP not implemented`);
    return;
  }
  const topic = topicIn === '' ? 'smtp' : topicIn.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let noInfo = topicIn !== '';
  let first = true;
  for (const buf of fgetsPieces(ctx.helpFile)) {
    if (buf.startsWith('#')) {
      if (state.foundVersion < 0 && buf.startsWith(VERSION_TAG)) {
        const m = /^\s*([+-]?\d+)/.exec(buf.slice(VERSION_TAG.length));
        if (m) state.foundVersion = parseInt(m[1], 10);
      }
      continue;
    }
    if (!buf.startsWith(topic)) continue;
    if (first) {
      first = false;
      if (state.foundVersion < 2 && !noInfo)
        ctx.out.message(`214-2.0.0 This is Sendmail version ${ctx.version}`);
    }
    const blank = buf.search(/[ \t]/);
    let text = blank < 0 ? buf.slice(Math.max(buf.length - 1, 0)) : buf.slice(blank + 1);
    const nl = text.indexOf('\n');
    if (nl >= 0) text = text.slice(0, nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl);
    if (state.foundVersion >= 2) text = ctx.expand(text);
    ctx.out.message(`214-2.0.0 ${text}`);
    noInfo = false;
  }
  if (noInfo) ctx.out.message(`504 5.3.0 HELP topic "${topic.slice(0, 10)}" unknown`);
  else ctx.out.message('214 2.0.0 End of HELP info');
  if (state.foundVersion !== 0 && state.foundVersion < CURRENT_HELP_VERSION) state.foundVersion = 0;
}
