// The hashing service: expands paths, schedules files (one at a time per device, devices in
// parallel), hashes them in the pool and keeps every file's outcome, good or bad.
import type { AlgorithmId } from '../common/algorithms.js';
import type { FileHashResult, HashProgress } from '../common/hash-types.js';
import { fileError } from './file-errors.js';
import type { FileJobOptions, HashPool } from './hash-pool.js';
import { walk, type FoundFile } from './walk.js';
import type { HashFilesResult } from '../common/hash-types.js';

export interface HashFilesOptions {
  signal?: AbortSignal;
  onProgress?: (progress: HashProgress) => void;
  /** Read files on the same device in parallel too (fine on SSDs; off by default for spinning disks). */
  sameDeviceParallel?: boolean;
  recursive?: boolean;
  chunkSize?: number;
  forced?: FileJobOptions['forced'];
  /** Called as each file finishes, in finishing order. */
  onFile?: (result: FileHashResult) => void;
}

const PROGRESS_EVERY_MS = 100;

export async function hashFiles(
  pool: HashPool,
  paths: string[],
  algorithms: AlgorithmId[],
  options: HashFilesOptions = {},
): Promise<HashFilesResult> {
  const found = await walk(paths, { recursive: options.recursive });
  const results = new Map<string, FileHashResult>();
  for (const e of found.errors) results.set(e.path, { path: e.path, error: e.error });

  const totalBytes = found.files.reduce((n, f) => n + f.size, 0);
  const started = performance.now();
  const doneBytes = new Map<string, number>();
  let filesDone = 0;
  let lastReport = 0;
  let current: string | undefined;
  const report = (force = false) => {
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastReport < PROGRESS_EVERY_MS)) return;
    lastReport = now;
    let bytesDone = 0;
    for (const b of doneBytes.values()) bytesDone += b;
    const seconds = (now - started) / 1000;
    options.onProgress({
      bytesDone,
      totalBytes,
      bytesPerSecond: seconds > 0 ? bytesDone / seconds : 0,
      filesDone,
      filesTotal: found.files.length,
      currentPath: current,
    });
  };

  async function one(file: FoundFile): Promise<void> {
    current = file.path;
    let result: FileHashResult;
    try {
      const r = await pool.hashFile(file.path, algorithms, {
        signal: options.signal,
        size: file.size,
        chunkSize: options.chunkSize,
        forced: options.forced,
        onProgress: (bytes) => {
          doneBytes.set(file.path, bytes);
          report();
        },
      });
      doneBytes.set(file.path, r.size);
      result = { path: file.path, size: r.size, digests: r.digests, implementations: r.implementations };
    } catch (err) {
      doneBytes.set(file.path, file.size);
      result = { path: file.path, size: file.size, error: fileError(file.path, err) };
    }
    filesDone++;
    results.set(file.path, result);
    options.onFile?.(result);
    report(true);
  }

  const queues = planQueues(found.files, { sameDeviceParallel: options.sameDeviceParallel, lanes: pool.size });
  await Promise.all(
    queues.map(async (queue) => {
      for (const f of queue) await one(f);
    }),
  );

  // Keep the user's order: given paths first-to-last, files within a folder by name.
  const ordered = [...new Set(found.order)].map((p) => results.get(p)).filter((r): r is FileHashResult => r !== undefined);
  return { files: ordered, skipped: found.skipped };
}

/**
 * Splits files into queues that run side by side, each one file at a time: one queue per device
 * (parallel reads on one spinning disk kill throughput), or round-robin over `lanes` when the
 * user says the device takes parallel reads.
 */
export function planQueues<T extends { dev: number }>(files: T[], options: { sameDeviceParallel?: boolean; lanes: number }): T[][] {
  const queues = new Map<number, T[]>();
  for (const [i, f] of files.entries()) {
    const key = options.sameDeviceParallel ? i % Math.max(1, options.lanes) : f.dev;
    const queue = queues.get(key) ?? [];
    queue.push(f);
    queues.set(key, queue);
  }
  return [...queues.values()];
}

export type { HashFilesResult };
