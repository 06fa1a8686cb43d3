// The environment maps see in `mailcf test`: the real files and programs (the maps' own
// nodeMapEnvironment), the loaded configuration's options read at lookup time (as sendmail
// reads its globals), the current envelope's macros, and the configuration's error channel.
import type { ByteSink } from '../cli/io.js';
import type { SendmailConfig } from '../cf/config.js';
import { expandMacros, type MacroTable } from '../cf/macros.js';
import type { Mailer } from '../cf/model.js';
import { nodeMapEnvironment } from '../rules/maps/environment.js';
import { trustedUidOf } from '../cf/options.js';
import type { MapEnvironment, MapMacros, MapOptions, TextSourceSpec } from '../rules/maps/types.js';

/** Which macro table map lookups read and write (BlankEnvelope while reading, then the test one). */
export interface CurrentMacros {
  table: MacroTable;
}

export { trustedUidOf };

/** sendmail's ProgMailer: the "prog" mailer, known once the .cf has been read. */
export interface ProgMailerRef {
  mailer: Mailer | null;
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

/** prog_open's directories: the prog mailer's D= list expanded in the current envelope. */
function programDirectories(config: SendmailConfig, parts: MapEnvironmentParts): string[] {
  const dirs = parts.progMailer.mailer?.execDir;
  if (!dirs) return [];
  return dirs.split(':').map((d) => expandMacros(d, parts.current.table, config.errors, MAXPATHLEN));
}

const MAXPATHLEN = 4096;

/** The options maps read, live from the configuration (as sendmail reads its globals). */
function liveOptions(config: SendmailConfig, parts: MapEnvironmentParts): MapOptions {
  const { getpwnam } = parts;
  const o = config.options;
  return {
    get programDirectories() {
      return programDirectories(config, parts);
    },
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
    get trustedUid() {
      return trustedUidOf(o.raw.get('TrustedUser'), getpwnam);
    },
    get defaultUid() {
      return o.defaultUid ?? 1;
    },
    get defaultGid() {
      return o.defaultGid ?? 1;
    },
  };
}

export interface MapEnvironmentParts {
  current: CurrentMacros;
  aliases: AliasResolver;
  /** Where a program map's own standard error goes. */
  stderr: ByteSink;
  /** --map-source: text sources of file maps, by the K line's file. */
  textSources: ReadonlyMap<string, TextSourceSpec>;
  getpwnam(name: string): { uid: number } | null;
  progMailer: ProgMailerRef;
}

export function testModeMapEnvironment(config: SendmailConfig, parts: MapEnvironmentParts): MapEnvironment {
  const { aliases, stderr } = parts;
  const errors = config.errors;
  const env = nodeMapEnvironment({
    macros: mapMacros(config, parts.current),
    report: ({ severity, text, errno }) => {
      // the channel appends errno's text and exits 71 for it (70 without)
      if (severity === 'syserr') errors.syserr(text, errno);
      else if (severity === 'usrerr') errors.usrerr(text);
      else if (severity === 'stderr') stderr.write(text);
      else errors.message(text);
    },
    textSources: parts.textSources,
    aliasAddress: (name, where) => {
      if (!aliases.resolve) return { user: name.trim(), printable: name.trim(), aliasable: true };
      // readaliases has FileName and LineNumber pointing into the aliases file while parseaddr runs
      const before = { file: errors.fileName, line: errors.lineNumber };
      if (where) [errors.fileName, errors.lineNumber] = [where.file, where.line];
      try {
        return aliases.resolve(name, where);
      } finally {
        [errors.fileName, errors.lineNumber] = [before.file, before.line];
      }
    },
  });
  // readaliases clears e_to (the last name parseaddr saw) when it is done with a file
  env.aliasFileRead = () => {
    errors.to = null;
  };
  // nodeMapEnvironment's safefile check and program runner read the fields of env.options when
  // they run: turning those fields into getters makes them follow the .cf (TrustedUser,
  // DefaultUser) instead of the values at start-up.
  Object.defineProperties(env.options, Object.getOwnPropertyDescriptors(liveOptions(config, parts)));
  return env;
}
