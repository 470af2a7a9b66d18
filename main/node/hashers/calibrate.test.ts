// Calibration's cache: keyed by runtime, CPU, app version and candidate set; written atomically;
// a corrupt file ignored; only the algorithms asked (and only those with a choice) measured.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlgorithmId } from '../../common/algorithms.js';
import type { CalibrationCandidates } from '../hash-protocol.js';
import { CACHE_FILE, calibrate, calibrationDisabled, defaultCacheDir, readCache, type CalibrationOptions } from './calibrate.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup() {
  const cacheDir = join(mkdtempSync(join(tmpdir(), 'hw-cal-')), 'nested');
  dirs.push(cacheDir);
  const calls: CalibrationCandidates[][] = [];
  // wasm measured faster than node for SHA-256: the measured order wins over the table's.
  const measure = async (candidates: CalibrationCandidates[]) => {
    calls.push(candidates);
    return candidates.map((c) => ({
      id: c.id,
      rates: Object.fromEntries(c.implementations.map((impl, i) => [impl, impl === 'wasm' ? 9e9 : 1e9 - i])),
    }));
  };
  const options: CalibrationOptions = { cacheDir, appVersion: '1.0.0', runtime: 'node 22.0.0', cpu: 'Test CPU' };
  return { cacheDir, calls, measure, options };
}

describe('calibration cache', () => {
  it('measures only the algorithms asked that have a choice, once, then reads the cache', async () => {
    const { cacheDir, calls, measure, options } = setup();
    const order = await calibrate(['sha256', 'xxh3-128', 'sha512-256'], options, measure);
    expect(order.sha256).toEqual(['wasm', 'node']);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((c) => c.id)).toEqual(['sha256', 'xxh3-128', 'sha512-256']);
    expect(await calibrate(['sha256'], options, measure)).toEqual({ sha256: ['wasm', 'node'] });
    expect(calls).toHaveLength(1); // from the cache
    // Another algorithm: only it is measured, and the cache keeps both.
    await calibrate(['sha256', 'md5'], options, measure);
    expect(calls[1]!.map((c) => c.id)).toEqual(['md5']);
    const cache = readCache(join(cacheDir, CACHE_FILE))!;
    expect(Object.keys(cache.algorithms).sort()).toEqual(['md5', 'sha256', 'sha512-256', 'xxh3-128']);
    expect(readdirSync(cacheDir)).toEqual([CACHE_FILE]); // no temporary file left behind
  });

  it.each([
    ['runtime', { runtime: 'electron 45.4.1' }],
    ['CPU model', { cpu: 'Other CPU' }],
    ['app version', { appVersion: '1.0.1' }],
  ])('a new %s measures again', async (_what, change) => {
    const { calls, measure, options } = setup();
    await calibrate(['sha256'], options, measure);
    await calibrate(['sha256'], { ...options, ...change }, measure);
    expect(calls).toHaveLength(2);
  });

  it('an entry for another candidate set measures that algorithm again', async () => {
    const { cacheDir, calls, measure, options } = setup();
    await calibrate(['sha256', 'md5'], options, measure);
    const file = join(cacheDir, CACHE_FILE);
    const cache = JSON.parse(readFileSync(file, 'utf8'));
    cache.algorithms.sha256.candidates = 'node,native,wasm';
    writeFileSync(file, JSON.stringify(cache));
    await calibrate(['sha256', 'md5'], options, measure);
    expect(calls[1]!.map((c) => c.id)).toEqual(['sha256']);
  });

  it('ignores a corrupt cache and writes a good one', async () => {
    const { cacheDir, calls, measure, options } = setup();
    await calibrate(['sha256'], options, measure);
    for (const junk of ['{"schema": "hash-workbench/calibration", "algorithms": {"sha256": {"order": ["bogus"]}}', '\u0000\u0001', '[]']) {
      writeFileSync(join(cacheDir, CACHE_FILE), junk);
      expect(await calibrate(['sha256'], options, measure)).toEqual({ sha256: ['wasm', 'node'] });
    }
    expect(calls).toHaveLength(4);
    expect(readCache(join(cacheDir, CACHE_FILE))?.algorithms.sha256?.order).toEqual(['wasm', 'node']);
  });

  it('asks nothing for algorithms with one implementation', async () => {
    const { calls, measure, options } = setup();
    const only: AlgorithmId[] = [];
    expect(await calibrate(only, options, measure)).toEqual({});
    expect(calls).toHaveLength(0);
  });

  it('finds the platform cache folder and honours the switch', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe(join('/x/cache', 'hash-workbench'));
    expect(defaultCacheDir({}, 'linux')).toMatch(/\.cache[\\/]hash-workbench$/);
    expect(defaultCacheDir({}, 'darwin')).toMatch(/Library[\\/]Caches[\\/]hash-workbench$/);
    expect(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toMatch(/AppData.Local.hash-workbench$/);
    expect(calibrationDisabled({ HASH_WORKBENCH_NO_CALIBRATE: '1' })).toBe(true);
    expect(calibrationDisabled({})).toBe(false);
  });
});

describe('the pool follows the measured order', () => {
  it('hands the cached order to its threads: a file and a batch use the measured fastest', async () => {
    const { HashPool } = await import('../hash-pool.js');
    const { hashFiles } = await import('../hash-files.js');
    const { cacheDir, options } = setup();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(cacheDir, { recursive: true });
    const cache = {
      schema: 'hash-workbench/calibration',
      runtime: options.runtime,
      cpu: options.cpu,
      appVersion: options.appVersion,
      algorithms: { sha256: { candidates: 'node,wasm', order: ['wasm', 'node'], rates: { wasm: 2, node: 1 } } },
    };
    writeFileSync(join(cacheDir, CACHE_FILE), JSON.stringify(cache));
    const pool = new HashPool({ size: 1, calibration: options });
    try {
      const file = join(cacheDir, 'abc.txt');
      writeFileSync(file, 'abc');
      const r = await pool.hashFile(file, ['sha256']);
      expect(r.implementations.sha256).toBe('wasm');
      expect(r.digests.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      const batch = await hashFiles(pool, [cacheDir], ['sha256']);
      expect(batch.files.find((f) => f.path === file)?.implementations?.sha256).toBe('wasm');
    } finally {
      await pool.destroy();
    }
  });
});
