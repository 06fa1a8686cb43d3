// Standard output buffering as glibc does it, diversions, and -s sync lines.
import { describe, expect, it } from 'vitest';
import { Output, StdoutBuffer } from '../../src/m4/output.js';

function sink(): { write: (t: string) => void; writes: string[] } {
  const writes: string[] = [];
  return { write: (t) => void writes.push(t), writes };
}

describe('standard output buffer', () => {
  it('holds block-buffered output until a block fills', () => {
    const s = sink();
    const b = new StdoutBuffer(s, 'block');
    b.write('x'.repeat(4000));
    b.write('y'.repeat(96));
    expect(s.writes).toEqual([]);
    b.write('z');
    expect(s.writes.map((w) => w.length)).toEqual([4096]);
    b.write('q'.repeat(8192));
    expect(s.writes.map((w) => w.length)).toEqual([4096, 8192]);
    b.flush();
    expect(s.writes.map((w) => w.length)).toEqual([4096, 8192, 1]);
  });

  it('holds written blocks back as bytes for a sink that takes them, until released', () => {
    const writes: string[] = [];
    const bytes = {
      write: (t: string) => void writes.push(t),
      writeBytes: (b: Uint8Array, n: number) =>
        void writes.push(Buffer.from(b.subarray(0, n)).toString('latin1')),
    };
    const b = new StdoutBuffer(bytes, 'block');
    b.write('a'.repeat(4097));
    b.write('\xe9'.repeat(8192));
    expect(writes).toEqual([]);
    b.release();
    // GNU wrote 4096 bytes, then 8192 (the rest of the first write and most of the second).
    expect(writes).toEqual(['a'.repeat(4097) + '\xe9'.repeat(8191)]);
    b.write('c'.repeat(70000));
    // Past 64 KiB held, they go out by themselves; GNU's unfinished block still waits.
    expect(writes.map((w) => w.length)).toEqual([12288, 4096 * 17]);
    b.discard();
    expect(writes.map((w) => w.length)).toEqual([12288, 4096 * 17]);
    b.write('d'.repeat(5000));
    b.discard();
    expect(writes.map((w) => w.length)).toEqual([12288, 4096 * 17, 4096]);
  });

  it('names the reason when the bytes left at close fail too, as gnulib does', () => {
    const full = (): never => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    };
    const failing = { write: full, writeBytes: full };
    // A block failed during the run, and the unfinished one fails again at close.
    const pending = new StdoutBuffer(failing, 'block');
    pending.write('f'.repeat(5000));
    expect(pending.close()).toBe('write error: No space left on device');
    // Only at close.
    const late = new StdoutBuffer(failing, 'block');
    late.write('f'.repeat(100));
    expect(late.close()).toBe('write error: No space left on device');
    // A block failed during the run and nothing was left for close: no reason.
    const aligned = new StdoutBuffer(failing, 'block');
    aligned.write('f'.repeat(4096));
    aligned.write('f'.repeat(4096));
    expect(aligned.close()).toBe('write error');
  });

  it('writes a terminal line by line and -i output at once', () => {
    const s = sink();
    const line = new StdoutBuffer(s, 'line');
    line.write('ab');
    line.write('c\nd');
    expect(s.writes).toEqual(['abc\n']);
    const t = sink();
    new StdoutBuffer(t, 'none').write('ab');
    expect(t.writes).toEqual(['ab']);
  });

  it('can drop what it holds', () => {
    const s = sink();
    const b = new StdoutBuffer(s, 'block');
    b.write('lost');
    b.discard();
    b.flush();
    expect(s.writes).toEqual([]);
  });
});

function output(): { out: Output; text: () => string } {
  const s = sink();
  const buffer = new StdoutBuffer(s, 'block');
  const out = new Output(buffer);
  return {
    out,
    text: () => {
      buffer.flush();
      return s.writes.join('');
    },
  };
}

describe('diversions', () => {
  it('collects diverted text and brings it back in numeric order', () => {
    const { out, text } = output();
    out.divert(2);
    out.write('two ');
    out.divert(1);
    out.write('one ');
    out.divert(-1);
    out.write('gone ');
    out.divert(0);
    out.write('zero ');
    out.undivertAll();
    expect(text()).toBe('zero one two ');
  });

  it('ignores undivert of 0, of the current diversion and of unknown ones', () => {
    const { out, text } = output();
    out.divert(1);
    out.write('kept');
    out.undivert(1);
    out.undivert(0);
    out.undivert(7);
    out.divert(0);
    expect(text()).toBe('');
    expect(out.diversionText(1)).toBe('kept');
  });

  it('empties a diversion brought back into a discarded stream', () => {
    const { out, text } = output();
    out.divert(3);
    out.write('x');
    out.divert(-1);
    out.undivert(3);
    out.divert(0);
    out.undivertAll();
    expect(text()).toBe('');
  });
});

describe('sync lines', () => {
  it('names the file first and then only the line when output jumps', () => {
    const { out, text } = output();
    out.syncLines = true;
    out.outputCurrentLine = -1;
    out.shipout('a\n', 1, 'f.m4');
    out.shipout('b\n', 2, 'f.m4');
    out.shipout('c\n', 5, 'f.m4');
    expect(text()).toBe('#line 1 "f.m4"\na\nb\n#line 5\nc\n');
  });

  it('waits for the next token after a multi-line one', () => {
    const { out, text } = output();
    out.syncLines = true;
    out.outputCurrentLine = 0;
    out.shipout('x\ny\n', 1, 'f');
    out.shipout('z\n', 2, 'f');
    expect(text()).toBe('x\ny\n#line 2\nz\n');
  });
});
