// sendmail's crackaddr: splits an address as written in a header into the part that is the
// mailbox (replaced by the macro $g) and the decoration around it (comments, phrases, angle
// brackets, group syntax) which is kept verbatim, repaired if unbalanced. The result must fit
// sendmail's 257-byte buffer, part of which is held back for closing characters; when it does
// not, sendmail gives up and returns "<$g>".
import { MACROEXPAND } from '../../cf/meta.js';
import { isCSpace } from '../text.js';

/** The settings crackaddr reads. */
export interface CrackOptions {
  /** MustQuoteChars: characters that force a phrase to be quoted. */
  mustQuoteChars: string;
  /** ColonOkInAddr: a colon is an ordinary address character (no group syntax). */
  colonOkInAddr: boolean;
}

const G_MACRO = String.fromCharCode(MACROEXPAND) + 'g';
const BUFFER_SIZE = 257;
const GIVE_UP = `<${G_MACRO}>`;

class Overflow extends Error {}

/** The output buffer: a hard end, and a movable limit below it (room reserved for closers). */
class CrackBuffer {
  chars: string[] = [];
  limit = BUFFER_SIZE - 1;
  readonly end = BUFFER_SIZE - 1;

  get length(): number {
    return this.chars.length;
  }

  hasRoom(): boolean {
    return this.chars.length < this.limit && this.limit <= this.end;
  }

  put(c: string): void {
    if (!this.hasRoom()) throw new Overflow();
    this.chars.push(c);
  }

  truncate(len: number): void {
    this.chars.length = len;
  }

  last(): string | undefined {
    return this.chars[this.chars.length - 1];
  }
}

export function crackAddress(addr: string, opts: CrackOptions): string {
  try {
    return new Cracker(addr, opts).run();
  } catch (err) {
    if (err instanceof Overflow) return GIVE_UP;
    throw err;
  }
}

class Cracker {
  private readonly out = new CrackBuffer();
  /** Where the phrase/address part of the output starts (after leading blanks or a group). */
  private outStart = 0;
  /** Where, in the input, the text before the address starts (copied back when re-deciding). */
  private inStart = 0;
  private pos = 0;
  private inComment = 0; // comment depth in the input
  private openParens = 0; // parentheses opened in the output, to close at the end
  private inAngles = 0;
  private copyDepth = 0; // > 0: decoration being copied; <= 0: inside the address
  private brackets = 0;
  private closeAngle = false;
  private inQuotes = false;
  private outQuoted = false;
  private wroteG = false;
  private mustQuote = false;
  private sawAngle = false;
  private sawColon = false;

  constructor(
    private readonly addr: string,
    private readonly opts: CrackOptions,
  ) {}

  run(): string {
    const { out, addr } = this;
    while (this.pos < addr.length && isCSpace(addr[this.pos])) out.put(addr[this.pos++]);
    this.outStart = out.length;
    this.inStart = this.pos;
    const firstNonBlank = this.pos;
    while (this.pos < addr.length && addr[this.pos] !== '\0') {
      const c = addr[this.pos++];
      if (this.copyDepth > 0) out.put(c);
      if (!this.step(c, firstNonBlank)) continue;
      this.markAddress();
    }
    if (this.outQuoted && out.length < out.end) out.chars.push('"');
    while (this.openParens-- > 0 && out.length < out.end) out.chars.push(')');
    if (this.closeAngle && out.length < out.end) out.chars.push('>');
    if (out.length >= out.end) return GIVE_UP;
    return out.chars.join('');
  }

  /** Handles one input character; true when it belongs to the address itself ($g). */
  private step(c: string, firstNonBlank: number): boolean {
    const { out, addr } = this;
    if (c === '\\') {
      if (this.inComment <= 0 && !this.inQuotes) this.mustQuote = true;
      if (this.pos >= addr.length || addr[this.pos] === '\0') return true;
      const next = addr[this.pos++];
      if (this.copyDepth > 0) out.put(next);
      return true;
    }
    if (c === '"' && this.inComment <= 0) {
      this.inQuotes = !this.inQuotes;
      if (this.copyDepth > 0 && out.hasRoom()) {
        out.limit += this.outQuoted ? -1 : 1;
        this.outQuoted = !this.outQuoted;
      }
      return false;
    }
    if (this.inQuotes) return true;
    if (c === '(') {
      this.inComment++;
      if (out.hasRoom()) {
        out.limit--;
        this.openParens++;
        if (this.copyDepth++ <= 0) {
          if (out.length !== this.outStart) out.put(' ');
          out.put(c);
        }
      }
    }
    if (this.inComment > 0) {
      if (c === ')') {
        this.inComment--;
        this.copyDepth--;
        if (out.hasRoom()) {
          this.openParens--;
          out.limit++;
        }
      }
      return false;
    }
    if (c === ')' && this.copyDepth > 0 && out.hasRoom() && out.length > this.outStart)
      out.truncate(out.length - 1);
    if (c === '[') this.brackets++;
    else if (c === ']') this.brackets--;
    if (c === ':' && this.inAngles <= 0 && this.brackets <= 0 && !this.sawColon && !this.opts.colonOkInAddr) {
      return this.colon(firstNonBlank);
    }
    if (c === ';' && this.copyDepth <= 0 && !this.opts.colonOkInAddr) out.put(c);
    if (this.opts.mustQuoteChars.includes(c) && this.inComment <= 0 && !this.inQuotes) this.mustQuote = true;
    if (c === '<') {
      this.openAngle(firstNonBlank);
      return false;
    }
    if (c === '>') {
      if (this.inAngles > 0) {
        this.inAngles--;
        if (out.hasRoom()) {
          if (this.closeAngle) out.limit++;
          this.closeAngle = false;
        }
      } else if (out.hasRoom()) {
        // an unmatched '>': drop what was copied for it and quote the phrase
        if (this.copyDepth > 0 && out.length > this.outStart) out.truncate(out.length - 1);
        this.mustQuote = true;
        return false;
      }
      if (this.copyDepth++ <= 0) out.put(c);
      return false;
    }
    return true;
  }

  /** Puts $g at the first address character (after a blank if it follows a comment). */
  private markAddress(): void {
    if (this.copyDepth > 0 || this.wroteG) return;
    if (this.out.length > 0 && this.out.last() === ')') this.out.put(' ');
    this.out.put(G_MACRO[0]);
    this.out.put(G_MACRO[1]);
    this.wroteG = true;
  }

  /**
   * Re-copies the text seen so far as the phrase before `opener` ('<' or ':'), quoted when it
   * needs quoting (with embedded quotes escaped), leaving the output ready for the address.
   */
  private recopyPhrase(opener: string, firstNonBlank: number, quoteMark: number): void {
    const { out, addr } = this;
    out.truncate(this.outStart);
    let end = this.pos;
    if (this.mustQuote) {
      out.put('"');
      // back up over the opener and the blanks before it
      end--;
      while (end > firstNonBlank && isCSpace(addr[end - 1])) end--;
    }
    for (let k = this.inStart; k < end; k++) {
      const ch = addr[k];
      if (this.mustQuote && ch === '"') out.put('\\');
      out.put(ch);
    }
    if (this.mustQuote) {
      if (out.length === quoteMark) out.truncate(out.length - 1);
      else out.put('"');
      let k = end;
      let ch: string;
      do {
        ch = addr[k++];
        out.put(ch);
      } while (ch !== opener);
      this.pos = k;
    }
  }

  private openAngle(firstNonBlank: number): void {
    const { out } = this;
    if (this.sawAngle) this.mustQuote = true;
    this.sawAngle = true;
    this.inAngles = 1;
    if (out.hasRoom()) {
      if (!this.closeAngle) out.limit--;
      this.closeAngle = true;
    }
    // sendmail compares with the very start of its buffer here (not the phrase start)
    this.recopyPhrase('<', firstNonBlank, 1);
    this.copyDepth = 0;
    this.wroteG = false;
    this.mustQuote = false;
  }

  /** "group: list;" syntax, or a DECnet "::"/":." which is part of the address. */
  private colon(firstNonBlank: number): boolean {
    const { out, addr } = this;
    const next = addr[this.pos];
    if (next === ':' || next === '.') {
      if (this.inComment <= 0 && !this.inQuotes) this.mustQuote = true;
      if (this.copyDepth > 0) {
        out.put(':');
        out.put(next);
      }
      this.pos++;
      return true;
    }
    this.sawColon = true;
    this.recopyPhrase(':', firstNonBlank, this.outStart + 1);
    while (this.pos < addr.length && isCSpace(addr[this.pos])) out.put(addr[this.pos++]);
    this.copyDepth = 0;
    this.wroteG = false;
    this.mustQuote = false;
    this.outStart = out.length;
    this.inStart = this.pos;
    return false;
  }
}
