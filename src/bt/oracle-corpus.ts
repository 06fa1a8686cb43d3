// The .cf corpus for the differential tests and the benchmark: GNU m4 run over sendmail's own cf
// library for every sample .mc (and Debian's), plus the map files those configs read, built by
// makemap from text sources we write. Everything lands in one private directory per run, so
// sendmail accepts the files (nothing below a world-writable directory) and both tools read the
// very same bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hasM4Oracle, hasSendmailCf, runM4Oracle, SENDMAIL_CF_DIR } from '../oracle/oracles.js';

export const MAKEMAP = '/usr/sbin/makemap';

/** A .mc file to build: where it lives and the name its .cf gets in the corpus. */
export interface McSource {
  /** Short name, e.g. `generic-linux` or `debian-sendmail`. */
  name: string;
  /** Absolute path of the .mc file. */
  path: string;
}

export interface CorpusCf {
  name: string;
  cfPath: string;
  /** Anything GNU m4 printed on standard error while building it (sample files warn). */
  m4Stderr: string;
}

export interface CfCorpus {
  dir: string;
  mapDir: string;
  configs: CorpusCf[];
}

/** The maps the sample configurations (and our feature .mc files) declare under /etc/mail. */
export const CORPUS_MAP_NAMES = ['access', 'virtusertable', 'mailertable', 'genericstable', 'domaintable'];

/** Every sample .mc of sendmail's cf library and Debian's, in a stable order. */
export function sampleMcFiles(cfDir = SENDMAIL_CF_DIR): McSource[] {
  const list = (sub: string, prefix: string): McSource[] => {
    const dir = join(cfDir, sub);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.mc'))
      .sort()
      .map((f) => ({ name: prefix + basename(f, '.mc'), path: join(dir, f) }));
  };
  return [...list('cf', ''), ...list('debian', 'debian-')];
}

/** True when the corpus can be built here: GNU m4 and sendmail's cf library are installed. */
export function canBuildCorpus(): boolean {
  return hasM4Oracle() && hasSendmailCf();
}

/**
 * Points the map declarations of a generated .cf at our private map directory: every `K` line
 * whose file argument is /etc/mail/<one of our maps> is rewritten. Nothing else changes.
 */
export function redirectMaps(cfText: string, mapDir: string, names = CORPUS_MAP_NAMES): string {
  const wanted = new Set(names);
  return cfText.replace(/^(K[^\n]*?)\/etc\/mail\/([A-Za-z0-9_.-]+)(?=\s*$)/gm, (whole, head: string, file) =>
    wanted.has(file) ? `${head}${mapDir}/${file}` : whole,
  );
}

/** Writes each map's text source and builds its hash database with makemap. */
export function buildMaps(mapDir: string, sources: Record<string, string>): void {
  mkdirSync(mapDir, { recursive: true, mode: 0o700 });
  for (const [name, text] of Object.entries(sources)) {
    const src = join(mapDir, name);
    writeFileSync(src, text, { encoding: 'latin1', mode: 0o600 });
    const r = spawnSync(MAKEMAP, ['hash', src], { input: Buffer.from(text, 'latin1') });
    if (r.status !== 0) {
      throw new Error(`makemap hash ${src} failed: ${r.stderr?.toString('latin1') ?? r.error?.message}`);
    }
  }
}

/** Runs GNU m4 over sendmail's cf library for one .mc, from the .mc's own directory. */
export function buildCf(mc: McSource, cfDir = SENDMAIL_CF_DIR): { text: string; stderr: string } {
  const r = runM4Oracle([join(cfDir, 'm4', 'cf.m4'), mc.path], { cwd: dirname(mc.path) });
  if (r.status !== 0) throw new Error(`m4 failed on ${mc.path} (status ${r.status}): ${r.stderr}`);
  return { text: r.stdout, stderr: r.stderr };
}

/**
 * Builds the whole corpus into `dir`: maps first (so the .cf files can point at them), then one
 * .cf per .mc. `extraMc` adds our own feature configurations to sendmail's samples.
 */
export function buildCfCorpus(
  dir: string,
  opts: { mapSources?: Record<string, string>; extraMc?: McSource[]; only?: string[] } = {},
): CfCorpus {
  const mapDir = join(dir, 'maps');
  buildMaps(mapDir, opts.mapSources ?? {});
  const cfOut = join(dir, 'cf');
  mkdirSync(cfOut, { recursive: true, mode: 0o700 });
  let sources = [...sampleMcFiles(), ...(opts.extraMc ?? [])];
  if (opts.only) sources = sources.filter((s) => opts.only?.includes(s.name));
  const configs = sources.map((mc) => {
    const built = buildCf(mc);
    const cfPath = join(cfOut, `${mc.name}.cf`);
    writeFileSync(cfPath, redirectMaps(built.text, mapDir), { encoding: 'latin1', mode: 0o600 });
    return { name: mc.name, cfPath, m4Stderr: built.stderr };
  });
  return { dir, mapDir, configs };
}
