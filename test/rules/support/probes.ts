/** Probe lines of a .probes file (one test-mode command per line). */
export function probeLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
