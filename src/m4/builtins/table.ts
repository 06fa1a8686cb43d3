// GNU m4 1.4.19's builtins in its table order, and the macros it predefines.
import type { Runtime } from '../runtime.js';
import type { BuiltinDef } from '../types.js';
import { controlBuiltins } from './control.js';
import { definitionBuiltins } from './definitions.js';
import { fileBuiltins } from './files.js';
import { stringBuiltins } from './strings.js';
import { systemBuiltins } from './system.js';

/** Every builtin, sorted by name as GNU's table is (changeword is absent, as in Debian's m4). */
export const BUILTINS: readonly BuiltinDef[] = [
  ...controlBuiltins,
  ...definitionBuiltins,
  ...fileBuiltins,
  ...stringBuiltins,
  ...systemBuiltins,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Makes every builtin reachable by `builtin` and by frozen files. */
export function registerBuiltins(rt: Runtime): void {
  for (const def of BUILTINS) rt.registerBuiltin(def);
}

/** GNU's builtin_init: defines the builtins (m4_-prefixed under -P) and the predefined macros. */
export function defineInitialMacros(rt: Runtime): void {
  for (const def of BUILTINS) {
    if (rt.noGnuExtensions && def.gnuExtension) continue;
    rt.defineBuiltin(rt.prefixBuiltins ? `m4_${def.name}` : def.name, def, 'define');
  }
  if (rt.noGnuExtensions) {
    rt.defineText('unix', '', 'define');
  } else {
    rt.defineText('__unix__', '', 'define');
    rt.defineText('__gnu__', '', 'define');
  }
}
