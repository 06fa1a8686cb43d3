// sequence and switch: try member maps in order until one finds the key. A switch map's
// members are "NAME.TYPE" for each TYPE the service switch lists for its service.
import { parseCommonArgs, parseSequenceArgs } from './parse-args.js';
import { serviceTypes } from './service-switch.js';
import type { ClassContext, MapClass, MapState, Av } from './state.js';
import { EX_NOTFOUND, EX_OK, EX_TEMPFAIL } from '../../sendmail/sysexits.js';
import { MAXMAPSTACK, type LookupResult } from './types.js';

/** sendmail would recurse until it crashed; we stop a map that (indirectly) contains itself. */
const MAX_NESTING = 64;
let nesting = 0;

/** A sequence's members come from its K line; a switch's from the service switch at open. */
function members(map: MapState): readonly string[] {
  const s = map.decl.settings;
  if (s.kind === 'sequence') return s.members;
  return Array.isArray(map.data) ? (map.data as string[]) : [];
}

/** seq_map_lookup: no member may stop the search early (Linux has no switch return actions). */
function sequenceLookup(map: MapState, key: string, av: Av, ctx: ClassContext): LookupResult {
  if (nesting >= MAX_NESTING) return { value: null, status: EX_TEMPFAIL };
  nesting++;
  try {
    let tempfail = false;
    let status = EX_OK;
    for (const name of members(map)) {
      const member = ctx.findMap(name);
      if (member === undefined) continue;
      if (!member.open && !ctx.openMap(member)) continue;
      const r = ctx.lookupOpen(member, key, av);
      status = r.status;
      if (r.value !== null) return r;
      if (r.status === EX_TEMPFAIL) tempfail = true;
    }
    if (tempfail) return { value: null, status: EX_TEMPFAIL };
    return { value: null, status: status === EX_OK ? EX_NOTFOUND : status };
  } finally {
    nesting--;
  }
}

export const sequenceClass: MapClass = {
  name: 'sequence',
  fileOptional: true,
  parse: parseSequenceArgs,
  open: () => true,
  lookup: sequenceLookup,
};

/** switch_map_open: resolves the members from the service switch (unknown ones are reported). */
function openSwitch(map: MapState, ctx: ClassContext): boolean {
  const types = serviceTypes(ctx.shared.serviceSwitch(), map.decl.file ?? '');
  if (types === null || types.length === 0 || types.length > MAXMAPSTACK) return false;
  const found: string[] = [];
  for (const type of types) {
    const memberName = `${map.decl.name}.${type}`;
    const member = ctx.findMap(memberName);
    if (member === undefined) {
      ctx.env.report({
        severity: 'syserr',
        text: `Switch map ${map.decl.name}: unknown member map ${memberName}`,
      });
    } else found.push(member.decl.name);
  }
  map.data = found;
  return true;
}

export const switchClass: MapClass = {
  name: 'switch',
  fileOptional: false,
  parse: (map, args, ctx) => {
    const ok = parseCommonArgs(map, args, ctx);
    map.decl.settings = { kind: 'switch', service: map.decl.file ?? '' };
    return ok;
  },
  open: openSwitch,
  lookup: sequenceLookup,
};
