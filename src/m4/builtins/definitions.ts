// Builtins that define, remove, look up and call macros: define, undefine, pushdef, popdef,
// defn, builtin, indir, ifdef, dumpdef, traceon, traceoff.
import { DEBUG_QUOTE } from '../debug.js';
import type { DefineMode, Runtime } from '../runtime.js';
import { SymbolType, type M4Symbol } from '../symbols.js';
import { argText, type BuiltinDef, type MacroArg } from '../types.js';
import { builtin } from './define.js';

/** GNU's define_macro, shared by define and pushdef. */
function defineMacro(rt: Runtime, argv: MacroArg[], mode: DefineMode): string {
  if (rt.badArgc(argv, 2, 3)) return '';
  if (typeof argv[1] !== 'string') {
    rt.warn(`Warning: ${argText(argv, 0)}: invalid macro name ignored`);
    return '';
  }
  const name = argv[1];
  if (argv.length === 2) {
    rt.defineText(name, '', mode);
    return '';
  }
  const value = argv[2];
  if (typeof value === 'string') rt.defineText(name, value, mode);
  else rt.defineBuiltin(name, value, mode);
  return '';
}

/** Builtin tokens become empty text for a callee that cannot take them (GNU does it in place). */
function textOnly(argv: MacroArg[], from: number): void {
  for (let i = from; i < argv.length; i++) if (typeof argv[i] !== 'string') argv[i] = '';
}

/**
 * indir and builtin call another macro with the arguments that follow its name. A chain of
 * them (indir(`indir', `builtin', ...)) runs as a loop over one argument list, each step with
 * the checks and messages of the builtin it stands for, so long chains cost neither stack nor
 * copies. `viaBuiltin` says whether the current step is `builtin` (looks in the builtin table)
 * or `indir` (looks up the macro).
 */
function callIndirect(rt: Runtime, argv: MacroArg[], viaBuiltin: boolean): string {
  let base = 0;
  for (;;) {
    const me = argText(argv, base);
    if (argv.length - base < 2) {
      if (!rt.suppressWarnings) rt.warn(`Warning: too few arguments to builtin \`${me}'`);
      return '';
    }
    const target = argv[base + 1];
    if (typeof target !== 'string') {
      rt.warn(`Warning: ${me}: invalid macro name ignored`);
      return '';
    }
    let def: BuiltinDef | undefined;
    let sym: M4Symbol | undefined;
    if (viaBuiltin) {
      def = rt.builtins.get(target);
      if (def === undefined) {
        rt.warn(`undefined builtin \`${target}'`);
        return '';
      }
      if (!def.groksMacroArgs) textOnly(argv, base + 2);
    } else {
      sym = rt.symbols.lookup(target);
      if (!isDefined(sym)) {
        rt.warn(`undefined macro \`${target}'`);
        return '';
      }
      if (!sym.macroArgs) textOnly(argv, base + 2);
      if (sym.type === SymbolType.Func) def = sym.func;
    }
    if (def === builtinBuiltin || def === indirBuiltin) {
      base++;
      viaBuiltin = def === builtinBuiltin;
      continue;
    }
    const callArgs = argv.slice(base + 1);
    return sym !== undefined ? rt.expander.invoke(sym, callArgs) : (def as BuiltinDef).fn(rt, callArgs);
  }
}

const builtinBuiltin: BuiltinDef = builtin(
  'builtin',
  { gnu: true, macroArgs: true, blind: true },
  (rt, argv) => callIndirect(rt, argv, true),
);

const indirBuiltin: BuiltinDef = builtin('indir', { gnu: true, macroArgs: true, blind: true }, (rt, argv) =>
  callIndirect(rt, argv, false),
);

/** The builtin a frozen file named but this m4 lacks: it only complains when called. */
export const placeholder: BuiltinDef = builtin('placeholder', { gnu: true }, (rt, argv) => {
  rt.warn(`builtin \`${argText(argv, 0)}' requested by frozen file is not supported`);
  return '';
});

function isDefined(sym: M4Symbol | undefined): sym is M4Symbol {
  return sym !== undefined && sym.type !== SymbolType.Void;
}

export const definitionBuiltins: BuiltinDef[] = [
  builtinBuiltin,
  builtin('define', { macroArgs: true, blind: true }, (rt, argv) => defineMacro(rt, argv, 'define')),
  builtin('defn', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, -1)) return '';
    let out = '';
    for (let i = 1; i < argv.length; i++) {
      const name = argText(argv, i);
      const sym = rt.symbols.lookup(name);
      if (sym === undefined) continue;
      if (sym.type === SymbolType.Text) {
        out += rt.scanner.lquote + sym.text + rt.scanner.rquote;
      } else if (sym.type === SymbolType.Func) {
        const def = sym.func as BuiltinDef;
        if (def === placeholder) rt.warn(`builtin \`${name}' requested by frozen file is not supported`);
        else if (argv.length !== 2) rt.warn(`Warning: cannot concatenate builtin \`${name}'`);
        else rt.input.pushMacro(def);
      }
    }
    return out;
  }),
  builtin('dumpdef', {}, (rt, argv) => {
    let syms: M4Symbol[] = [];
    if (argv.length === 1) {
      syms = rt.symbols.all().filter(isDefined);
    } else {
      for (let i = 1; i < argv.length; i++) {
        const name = argText(argv, i);
        const sym = rt.symbols.lookup(name);
        if (isDefined(sym)) syms.push(sym);
        else rt.warn(`undefined macro \`${name}'`);
      }
    }
    syms.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const quote = (rt.debug.level & DEBUG_QUOTE) !== 0;
    for (const sym of syms) {
      let line = `${sym.name}:\t`;
      if (sym.type === SymbolType.Text) {
        line += quote ? rt.scanner.lquote + sym.text + rt.scanner.rquote : sym.text;
      } else {
        line += `<${(sym.func as BuiltinDef).name}>`;
      }
      rt.debug.print(line + '\n');
    }
    return '';
  }),
  builtin('ifdef', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 3, 4)) return '';
    if (isDefined(rt.symbols.lookup(argText(argv, 1)))) return argText(argv, 2);
    return argv.length >= 4 ? argText(argv, 3) : '';
  }),
  indirBuiltin,
  builtin('popdef', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, -1)) return '';
    for (let i = 1; i < argv.length; i++) rt.symbols.popdef(argText(argv, i));
    return '';
  }),
  builtin('pushdef', { macroArgs: true, blind: true }, (rt, argv) => defineMacro(rt, argv, 'pushdef')),
  builtin('traceoff', {}, (rt, argv) => {
    if (argv.length === 1) {
      for (const sym of rt.symbols.all()) untrace(rt, sym);
    } else {
      for (let i = 1; i < argv.length; i++) {
        const sym = rt.symbols.lookup(argText(argv, i));
        if (sym !== undefined) untrace(rt, sym);
      }
    }
    return '';
  }),
  builtin('traceon', {}, (rt, argv) => {
    if (argv.length === 1) {
      for (const sym of rt.symbols.all()) sym.traced = true;
    } else {
      for (let i = 1; i < argv.length; i++) {
        const name = argText(argv, i);
        (rt.symbols.lookup(name) ?? rt.symbols.insert(name)).traced = true;
      }
    }
    return '';
  }),
  builtin('undefine', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, -1)) return '';
    for (let i = 1; i < argv.length; i++) rt.symbols.remove(argText(argv, i));
    return '';
  }),
];

/** Stops tracing a name; an undefined, untraced name then leaves the table altogether. */
function untrace(rt: Runtime, sym: M4Symbol): void {
  sym.traced = false;
  if (sym.type === SymbolType.Void) rt.symbols.popdef(sym.name);
}
