// sendmail's /map test-mode command ("/map name key"; the key is everything after one blank),
// printed as test mode prints it. The maps' differential harness and the rules driver both
// answer it with this; the real command processor is src/bt's.
import type { MapTable } from '../../../src/rules/maps/types.js';

export function mapCommand(line: string, table: MapTable, write: (text: string) => void): void {
  const rest = line.replace(/^\/map[ \t]*/i, '');
  if (rest === '') {
    write('Usage: /map mapname key\n');
    return;
  }
  const blank = rest.search(/[ \t\n\v\f\r]/);
  if (blank < 0) {
    write('No key specified\n');
    return;
  }
  const name = rest.slice(0, blank);
  const key = rest.slice(blank + 1);
  const r = table.testLookup(name, key, () => write(`map_lookup: ${name} (${key}) `));
  if (r.kind === 'no-such-map') write(`Map named "${name}" not found\n`);
  else if (r.kind === 'not-open') write(`Map named "${name}" not open\n`);
  else if (r.result.value === null) write(`no match (${r.result.status})\n`);
  else write(`returns ${r.result.value} (${r.result.status})\n`);
}
