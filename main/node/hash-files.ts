// The hashing service: expands paths as a stream, hashes the files in the pool (small ones in
// batches, all threads busy) and hands each file's outcome, good or bad, on in the user's order as
// soon as it and every file before it are done.
import type { AlgorithmId } from '../common/algorithms.js';
import type { FileHashResult, HashFilesResult, HashProgress, SkipNote } from '../common/hash-types.js';
import { runQueue, type QueueEntry, type QueueOptions, type ReadMode } from './file-queue.js';
import type { FileJobOptions, HashPool } from './hash-pool.js';
import { walkStream, type FoundFile } from './walk.js';

export interface HashFilesOptions extends Pick<QueueOptions, 'batchLimit' | 'splitFrom' | 'batchFiles' | 'batchBytes' | 'window'> {
  signal?: AbortSignal;
  onProgress?: (progress: HashProgress) => void;
  /** Read files on one device side by side (`parallel`) or one at a time (`serial`); `auto` decides per device. */
  reads?: ReadMode;
  recursive?: boolean;
  chunkSize?: number;
  forced?: FileJobOptions['forced'];
  /** Called once per file (and per path that failed), in the user's order, as soon as it can be. */
  onFile?: (result: FileHashResult) => void;
  /** Called for each path passed over, as the walk meets it. */
  onSkip?: (note: SkipNote) => void;
  /** Keep every result for the answer (default); the CLI streams instead and keeps nothing per file. */
  keep?: boolean;
  /** Test hook: each file as it is listed, before it is read. */
  onListed?: (file: FoundFile) => void;
}

export async function hashFiles(
  pool: HashPool,
  paths: string[],
  algorithms: AlgorithmId[],
  options: HashFilesOptions = {},
): Promise<HashFilesResult> {
  const files: FileHashResult[] = [];
  const skipped: SkipNote[] = [];
  const keep = options.keep ?? true;
  // The same file named twice (a folder and a file inside it) is hashed once, where it first appears.
  const seen = paths.length > 1 ? new Set<string>() : undefined;

  async function* entries(): AsyncGenerator<QueueEntry<undefined>[]> {
    for await (const slice of walkStream(paths, { recursive: options.recursive })) {
      const out: QueueEntry<undefined>[] = [];
      for (const e of slice) {
        if (e.kind === 'skip') {
          const note = { path: e.path, reason: e.reason };
          skipped.push(note);
          options.onSkip?.(note);
          continue;
        }
        if (seen) {
          if (seen.has(e.path)) continue;
          seen.add(e.path);
        }
        if (e.kind === 'error') out.push({ kind: 'error', path: e.path, error: e.error, tag: undefined });
        else {
          options.onListed?.(e);
          out.push({ kind: 'file', path: e.path, size: e.size, dev: e.dev, mtimeMs: e.mtimeMs, set: 0, tag: undefined });
        }
      }
      if (out.length) yield out;
    }
  }

  await runQueue(
    pool,
    entries(),
    [algorithms],
    (result) => {
      if (keep) files.push(result);
      options.onFile?.(result);
    },
    {
      signal: options.signal,
      onProgress: options.onProgress,
      reads: options.reads,
      chunkSize: options.chunkSize,
      forced: options.forced,
      batchLimit: options.batchLimit,
      splitFrom: options.splitFrom,
      batchFiles: options.batchFiles,
      batchBytes: options.batchBytes,
      window: options.window,
    },
  );
  return { files, skipped };
}

export type { HashFilesResult };
