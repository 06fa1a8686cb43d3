// An in-memory MapEnvironment for unit tests: files from a record, programs from a function,
// every diagnostic and syslog line collected.
import { DEFAULT_MAP_OPTIONS, simpleMacros } from '../../../src/rules/maps/environment.js';
import { createMapTable } from '../../../src/rules/maps/table.js';
import { withErrnoText } from '../../../src/sendmail/errno.js';
import type {
  MapDiagnostic,
  MapEnvironment,
  MapOptions,
  MapTable,
  ProgramRun,
  TextSourceSpec,
} from '../../../src/rules/maps/types.js';

export interface FakeWorld {
  env: MapEnvironment;
  table: MapTable;
  diagnostics: MapDiagnostic[];
  syslog: string[];
  macros: ReturnType<typeof simpleMacros>;
  /** Declares K lines (text after the K) at V10 with BlankSub " ". */
  declare(...lines: string[]): void;
  /** /map: "value (status)", "no match (status)", "not found" or "not open". */
  map(name: string, key: string): string;
  /** Diagnostics as "severity: text" lines, then forgets them. */
  said(): string[];
}

export interface FakeOptions {
  files?: Record<string, string>;
  options?: Partial<MapOptions>;
  macros?: Record<string, string>;
  run?: (argv: string[]) => Partial<ProgramRun>;
  textSources?: Map<string, TextSourceSpec>;
  /** Files safeFile calls unsafe (path → errno name). */
  unsafe?: Record<string, string>;
}

export function fakeWorld(o: FakeOptions = {}): FakeWorld {
  const files = o.files ?? {};
  const diagnostics: MapDiagnostic[] = [];
  const syslog: string[] = [];
  const report = (d: MapDiagnostic): void => void diagnostics.push(d);
  const macros = simpleMacros({ m: 'example.net', ...o.macros }, report);
  let randomValue = 0;
  const env: MapEnvironment = {
    options: { ...DEFAULT_MAP_OPTIONS, hostsFile: '/hosts', serviceSwitchFile: '/switch', ...o.options },
    macros,
    readFile: (path) => (path in files ? { ok: true, text: files[path]! } : { ok: false, code: 'ENOENT' }),
    safeFile: (path) => o.unsafe?.[path] ?? (path in files ? null : 'ENOENT'),
    runProgram: (argv) => ({
      stdout: '',
      stderr: '',
      exitStatus: 0,
      signal: null,
      spawnError: null,
      ...o.run?.(argv),
    }),
    syslog: (priority, text) => void syslog.push(`${priority}: ${text}`),
    report,
    textSources: o.textSources ?? new Map(),
    random: () => randomValue++,
  };
  const table = createMapTable(env);
  return {
    env,
    table,
    diagnostics,
    syslog,
    macros,
    declare: (...lines) => {
      for (const line of lines) table.declare(line, { blankSub: ' ', configLevel: 10 });
    },
    map(name, key) {
      const r = table.testLookup(name, key);
      if (r.kind === 'no-such-map') return 'not found';
      if (r.kind === 'not-open') return 'not open';
      const { value, status } = r.result;
      return value === null ? `no match (${status})` : `${value} (${status})`;
    },
    said() {
      const out = diagnostics.map((d) => `${d.severity}: ${withErrnoText(d.text, d.errno)}`);
      diagnostics.length = 0;
      return out;
    },
  };
}
