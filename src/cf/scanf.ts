// The part of C's sscanf that F-line formats use: literal text, white space, %s, %[set],
// %[^set], %c, %d and their %*… (suppressed) forms, with widths. sendmail takes a line only
// when exactly one conversion was assigned; that value is the word(s) to add.

const isWs = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);

/** Runs `format` over `line`; returns the one assigned string, or null unless exactly one. */
export function scanfWord(line: string, format: string): string | null {
  const assigned: string[] = [];
  let i = 0;
  let f = 0;
  while (f < format.length) {
    const fc = format[f];
    if (isWs(fc)) {
      while (isWs(format[f])) f++;
      while (isWs(line[i])) i++;
      continue;
    }
    if (fc !== '%' || format[f + 1] === '%') {
      const lit = fc === '%' ? '%' : fc;
      f += fc === '%' ? 2 : 1;
      if (fc === '%') while (isWs(line[i])) i++;
      if (line[i] !== lit) break;
      i++;
      continue;
    }
    f++;
    let suppress = false;
    if (format[f] === '*') {
      suppress = true;
      f++;
    }
    let width = 0;
    while (f < format.length && format[f] >= '0' && format[f] <= '9')
      width = width * 10 + Number(format[f++]);
    while ('hlLqjzt'.includes(format[f] ?? '@')) f++;
    const conv = format[f++];
    if (conv === undefined) break;
    let value: string | null = null;
    if (conv === 's') {
      while (isWs(line[i])) i++;
      const start = i;
      while (i < line.length && !isWs(line[i]) && (width === 0 || i - start < width)) i++;
      if (i === start) break;
      value = line.slice(start, i);
    } else if (conv === '[') {
      let negate = false;
      if (format[f] === '^') {
        negate = true;
        f++;
      }
      let set = '';
      if (format[f] === ']') set += format[f++];
      while (f < format.length && format[f] !== ']') {
        if (format[f] === '-' && set !== '' && format[f + 1] !== ']' && f + 1 < format.length) {
          const from = set.charCodeAt(set.length - 1);
          const to = format.charCodeAt(f + 1);
          for (let c = from + 1; c <= to; c++) set += String.fromCharCode(c);
          f += 2;
        } else set += format[f++];
      }
      f++;
      const start = i;
      while (i < line.length && set.includes(line[i]) !== negate && (width === 0 || i - start < width)) i++;
      if (i === start) break;
      value = line.slice(start, i);
    } else if (conv === 'c') {
      const n = width || 1;
      if (i + n > line.length) break;
      value = line.slice(i, i + n);
      i += n;
    } else if (conv === 'd' || conv === 'u' || conv === 'i' || conv === 'x' || conv === 'o') {
      while (isWs(line[i])) i++;
      const m = /^[-+]?[0-9a-fA-Fx]+/.exec(line.slice(i));
      if (!m) break;
      i += m[0].length;
      value = m[0];
    } else break;
    if (!suppress) assigned.push(value);
  }
  return assigned.length === 1 ? assigned[0] : null;
}
