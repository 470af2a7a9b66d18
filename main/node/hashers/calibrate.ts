// Calibration: which implementation of an algorithm is fastest on this machine and runtime. Measured
// once (a few MiB per candidate, best of 3, in a worker thread, only for the algorithms asked) and
// cached in the user's cache folder, keyed by runtime and version, CPU model, app version and the
// candidate set. A cache that cannot be read or parsed is ignored and written again, atomically.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, homedir } from 'node:os';
import { join } from 'node:path';
import { algorithmInfo, type AlgorithmId, type ImplementationName } from '../../common/algorithms.js';
import type { CalibrationCandidates, CalibrationMeasurement, Preferences } from '../hash-protocol.js';

export interface CalibrationOptions {
  /** The folder for the cache file (the app passes Electron's; the CLI takes the platform's, see defaultCacheDir). */
  cacheDir: string;
  appVersion: string;
  /** Bytes hashed per run and candidate (default 4 MiB). */
  bytes?: number;
  runs?: number;
  /** Runtime and CPU, for tests; default this process's. */
  runtime?: string;
  cpu?: string;
}

export type Measure = (candidates: CalibrationCandidates[], bytes: number, runs: number) => Promise<CalibrationMeasurement[]>;

interface CacheEntry {
  candidates: string;
  order: ImplementationName[];
  /** Bytes per second, per candidate, as measured. */
  rates: Partial<Record<ImplementationName, number>>;
}

export interface CalibrationCache {
  schema: 'hash-workbench/calibration';
  runtime: string;
  cpu: string;
  appVersion: string;
  algorithms: Partial<Record<AlgorithmId, CacheEntry>>;
}

export const CACHE_FILE = 'calibration.json';

/** The user's cache folder: XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'hash-workbench');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'hash-workbench');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hash-workbench');
}

/** Node or Electron, and its version. */
export function runtimeName(): string {
  const electron = (process.versions as Record<string, string | undefined>).electron;
  return electron ? `electron ${electron}` : `node ${process.versions.node}`;
}

/** Off with HASH_WORKBENCH_NO_CALIBRATE=1 (the test runner sets it): the table's order then stands. */
export function calibrationDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.HASH_WORKBENCH_NO_CALIBRATE === '1' || env.HASH_WORKBENCH_NO_CALIBRATE === 'true';
}

const candidateKey = (id: AlgorithmId) => algorithmInfo(id).implementations.join(',');

export function readCache(file: string): CalibrationCache | undefined {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as CalibrationCache;
    if (c?.schema !== 'hash-workbench/calibration' || typeof c.algorithms !== 'object' || c.algorithms === null) return undefined;
    return c;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, dir: string, cache: CalibrationCache): void {
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(cache, null, 2)}\n`);
  renameSync(tmp, file); // atomic on one file system: a reader sees the old file or the new one
}

function validEntry(e: CacheEntry | undefined, id: AlgorithmId): e is CacheEntry {
  const listed = algorithmInfo(id).implementations;
  return (
    !!e && e.candidates === candidateKey(id) && Array.isArray(e.order) && e.order.length > 0 && e.order.every((i) => listed.includes(i))
  );
}

/**
 * The measured order of each algorithm's implementations, from the cache where it holds them for
 * this runtime, CPU, app version and candidate set, else measured (and the cache updated).
 */
export async function calibrate(algorithms: AlgorithmId[], options: CalibrationOptions, measure: Measure): Promise<Preferences> {
  const runtime = options.runtime ?? runtimeName();
  const cpu = options.cpu ?? cpus()[0]?.model ?? 'unknown CPU';
  const file = join(options.cacheDir, CACHE_FILE);
  const found = readCache(file);
  const same = found && found.runtime === runtime && found.cpu === cpu && found.appVersion === options.appVersion;
  const cache: CalibrationCache = same
    ? found
    : { schema: 'hash-workbench/calibration', runtime, cpu, appVersion: options.appVersion, algorithms: {} };
  const wanted = algorithms.filter((id) => algorithmInfo(id).implementations.length > 1);
  const missing = wanted.filter((id) => !validEntry(cache.algorithms[id], id));
  if (missing.length) {
    const measured = await measure(
      missing.map((id) => ({ id, implementations: algorithmInfo(id).implementations })),
      options.bytes ?? 4 << 20,
      options.runs ?? 3,
    );
    for (const m of measured) {
      const order = (Object.entries(m.rates) as [ImplementationName, number][]).sort((a, b) => b[1] - a[1]).map(([i]) => i);
      if (order.length) cache.algorithms[m.id] = { candidates: candidateKey(m.id), order, rates: m.rates };
    }
    try {
      writeCache(file, options.cacheDir, cache);
    } catch {
      // A read-only or full cache folder: measured again next time.
    }
  }
  const out: Preferences = {};
  for (const id of wanted) {
    const e = cache.algorithms[id];
    if (validEntry(e, id)) out[id] = e.order;
  }
  return out;
}
