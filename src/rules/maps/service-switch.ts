// sendmail's own service switch (switch_map_find on systems without nsswitch): the file named
// by ServiceSwitchFile, "service type type …" per line, with built-in defaults for hosts and
// aliases when the file or the service is missing.
import { isSpace } from './cbuf.js';
import type { MapEnvironment } from './types.js';
import { MAXMAPSTACK } from './types.js';

export type ServiceTable = ReadonlyMap<string, readonly string[]>;

/** Parses a service switch file; service names are compared case-insensitively. */
export function parseServiceSwitch(text: string): ServiceTable {
  const table = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const cut = raw.search(/[#\n]/);
    const line = cut < 0 ? raw : raw.slice(0, cut);
    const sep = line.search(/[ \t]/);
    if (sep <= 0) continue; // empty, or no types (sendmail logs "Bad line" for the latter)
    const service = line.slice(0, sep).toLowerCase();
    const skipBlanks = (i: number): number => {
      while (i < line.length && isSpace(line[i]!)) i++;
      return i;
    };
    let p = skipBlanks(sep + 1);
    if (p >= line.length) continue;
    // Types end at a space or tab; any blanks after that are skipped.
    const types: string[] = [];
    while (types.length < MAXMAPSTACK && p < line.length) {
      const end = line.slice(p).search(/[ \t]/);
      if (end < 0) {
        types.push(line.slice(p));
        break;
      }
      types.push(line.slice(p, p + end));
      p = skipBlanks(p + end + 1);
    }
    table.set(service, types);
  }
  return table;
}

/**
 * Reads the switch file named by the options ("" when it cannot be read), over what sendmail
 * kept from earlier reads: a service the file names replaces the cached one, the others stay.
 */
export function readServiceSwitch(env: MapEnvironment): ServiceTable {
  const read = env.readFile(env.options.serviceSwitchFile);
  return mergeServiceSwitch(env.serviceSwitchCache, parseServiceSwitch(read.ok ? read.text : ''));
}

/** Services of `later` over those of `earlier`. */
export function mergeServiceSwitch(earlier: ServiceTable | undefined, later: ServiceTable): ServiceTable {
  if (earlier === undefined || earlier.size === 0) return later;
  return new Map([...earlier, ...later]);
}

/**
 * The types for a service, or null when sendmail's switch_map_find fails (-1): not in the file
 * and not one of the services it has defaults for.
 */
export function serviceTypes(table: ServiceTable, service: string): readonly string[] | null {
  const types = table.get(service.toLowerCase());
  if (types !== undefined && types.length > 0) return types;
  if (service === 'aliases') return ['files'];
  if (service === 'hosts') return ['dns', 'files'];
  return null;
}
