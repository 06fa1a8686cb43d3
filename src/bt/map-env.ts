// The environment maps see in `mailcf test`: the real files and programs (the maps' own
// nodeMapEnvironment), the loaded configuration's options read at lookup time (as sendmail
// reads its globals), the current envelope's macros, and the configuration's error channel.
import type { ByteSink } from '../cli/io.js';
import type { SendmailConfig } from '../cf/config.js';
import type { MacroTable } from '../cf/macros.js';
import { nodeMapEnvironment } from '../rules/maps/environment.js';
import type { MapEnvironment, MapMacros, MapOptions } from '../rules/maps/types.js';

/** Which macro table map lookups read and write (BlankEnvelope while reading, then the test one). */
export interface CurrentMacros {
  table: MacroTable;
}

/** What an aliases-file name resolves to (sendmail's parseaddr); set once test mode runs. */
export interface AliasResolver {
  resolve: MapEnvironment['aliasAddress'] | null;
}

/** A macro name in sendmail's two spellings, "x" or "{long}", as its id. */
function macroIdOf(config: SendmailConfig, name: string): number {
  const inner = name.startsWith('{') && name.endsWith('}') ? name.slice(1, -1) : name;
  if (inner.length === 1) return inner.charCodeAt(0);
  const id = config.macroNames.idOf(inner);
  return id === 'exhausted' ? 0 : id;
}

function mapMacros(config: SendmailConfig, current: CurrentMacros): MapMacros {
  const complain = (text: string): null => {
    config.errors.syserr(text);
    return null;
  };
  return {
    parseName(text) {
      if (text === '' || text.startsWith('{}')) return complain('Name required for macro/class');
      if (text[0] !== '{') return text[0];
      const close = text.indexOf('}');
      const inner = text.slice(1, close < 0 ? undefined : close);
      if (close < 0) return complain(`Unbalanced { on ${inner}`);
      if (!/^[A-Za-z0-9_]+$/.test(inner)) return null;
      return inner.length === 1 ? inner : `{${inner}}`;
    },
    get: (name) => current.table.get(macroIdOf(config, name)),
    define: (name, value) => current.table.set(macroIdOf(config, name), value),
  };
}

/** The options maps read, live from the configuration. */
function liveOptions(config: SendmailConfig): MapOptions {
  const o = config.options;
  return {
    get serviceSwitchFile() {
      return o.serviceSwitchFile;
    },
    get hostsFile() {
      return o.hostsFile;
    },
    passwdFile: '/etc/passwd',
    get matchGecos() {
      return o.matchGecos;
    },
    get blankSub() {
      return o.blankSub;
    },
    verbose: true,
    get deferMode() {
      return o.deliveryMode === 'd';
    },
    get defaultUid() {
      return o.defaultUid ?? 1;
    },
    get defaultGid() {
      return o.defaultGid ?? 1;
    },
  };
}

export function testModeMapEnvironment(
  config: SendmailConfig,
  current: CurrentMacros,
  aliases: AliasResolver,
  stderr: ByteSink,
): MapEnvironment {
  const env = nodeMapEnvironment({
    macros: mapMacros(config, current),
    report: ({ severity, text }) => {
      if (severity === 'syserr') config.errors.syserr(text);
      else if (severity === 'usrerr') config.errors.usrerr(text);
      else if (severity === 'stderr') stderr.write(text);
      else config.errors.message(text);
    },
    aliasAddress: (name) => aliases.resolve?.(name) ?? null,
  });
  return { ...env, options: liveOptions(config) };
}
