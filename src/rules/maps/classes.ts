// The map classes sendmail 8.17.1.9 offers as Debian builds it (NEWDB, NIS, NISPLUS, LDAPMAP,
// SOCKETMAP, MAP_REGEX, DNSMAP, USERDB; no NDBM, no CDB, no Hesiod): any other class name —
// dbm and cdb included — is "not available".
import { arithClass, arpaClass, dequoteClass, macroClass, nullClass } from './classes-basic.js';
import { programClass, syslogClass } from './classes-basic.js';
import { btreeClass, hashClass, implicitClass } from './class-db.js';
import { bestmxClass, dnsClass, hostClass } from './class-host.js';
import { ldapClass } from './class-ldap.js';
import { nisClass, nisplusClass, socketClass, userdbClass } from './class-network.js';
import { regexClass } from './class-regex.js';
import { sequenceClass, switchClass } from './class-seq.js';
import { stabClass, textClass } from './class-text.js';
import { userClass } from './class-user.js';
import type { MapClass } from './state.js';

const CLASSES: readonly MapClass[] = [
  hashClass,
  btreeClass,
  nisClass,
  nisplusClass,
  ldapClass,
  dnsClass,
  bestmxClass,
  hostClass,
  textClass,
  stabClass,
  implicitClass,
  userClass,
  dequoteClass,
  regexClass,
  userdbClass,
  programClass,
  sequenceClass,
  switchClass,
  nullClass,
  syslogClass,
  macroClass,
  arithClass,
  arpaClass,
  socketClass,
];

const BY_NAME = new Map(CLASSES.map((c) => [c.name, c]));

/** The class of this name (class names are not case-sensitive), if this build has it. */
export function mapClassNamed(name: string): MapClass | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** The names of all available classes. */
export function mapClassNames(): string[] {
  return CLASSES.map((c) => c.name);
}
