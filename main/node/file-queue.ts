// The scheduler behind hash and verify: files come in as a stream in the user's order and their
// results go out in that order as soon as a file and every file before it are done. Small files go
// to the threads in batches; medium and big files one by one (big ones split across threads). Only a
// bounded window of files is held at once, so memory stays flat however many files there are.
import type { AlgorithmId } from '../common/algorithms.js';
import type { FileError, FileHashResult, HashProgress } from '../common/hash-types.js';
import { deviceKind } from './devices.js';
import { fileError } from './file-errors.js';
import type { BatchResult, FileJobOptions, HashPool } from './hash-pool.js';
import { groupsOf, hashListedHex } from './read-small.js';

export type QueueEntry<T> =
  /** size and dev are unknown for a plain file met inside a folder: the thread that opens it learns them. */
  | { kind: 'file'; path: string; size?: number; dev?: number; mtimeMs?: number; set: number; tag: T }
  | { kind: 'error'; path: string; error: FileError; tag: T };

/** How files on one device are read: `auto` reads big files on a spinning disk one at a time. */
export type ReadMode = 'auto' | 'parallel' | 'serial';

export interface QueueOptions {
  signal?: AbortSignal;
  onProgress?: (progress: HashProgress) => void;
  reads?: ReadMode;
  chunkSize?: number;
  forced?: FileJobOptions['forced'];
  /** Files below this size go in batches (default 1 MiB). */
  batchLimit?: number;
  /** Files at least this big are split across threads (default 8 MiB). */
  splitFrom?: number;
  /** Most files and bytes in one batch. */
  batchFiles?: number;
  batchBytes?: number;
  /** Most files held at once, waiting or done but not yet handed on in order. */
  window?: number;
}

export const BATCH_LIMIT = 1 << 20;
const BATCH_FILES = 256;
const BATCH_BYTES = 4 << 20;
const WINDOW = 4096;
const PULL_SLICE = 256;
const PROGRESS_EVERY_MS = 100;
/** Small files hashed on the CLI's thread between two looks at the walk, the threads and a cancel. */
const HERE_SLICE = 256;

interface Cell<T> {
  entry: QueueEntry<T>;
  result?: FileHashResult;
}

type FileEntry<T> = Extract<QueueEntry<T>, { kind: 'file' }>;

/**
 * Hashes every file of `source` with its algorithm set (`sets[entry.set]`) and calls `onResult` once
 * per entry, in the source's order. Resolves when every entry has been handed on.
 */
export async function runQueue<T>(
  pool: HashPool,
  source: AsyncIterable<QueueEntry<T>[]>,
  sets: AlgorithmId[][],
  onResult: (result: FileHashResult, tag: T) => void,
  options: QueueOptions = {},
): Promise<void> {
  const { signal } = options;
  const batchLimit = options.batchLimit ?? BATCH_LIMIT;
  const batchFiles = options.batchFiles ?? BATCH_FILES;
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  const windowSize = Math.max(1, options.window ?? WINDOW);
  const reads = options.reads ?? 'auto';
  const lanes = pool.size;
  await pool.prepare([...new Set(sets.flat())]);

  // Entries by absolute index: cells[i - base]. Jobs in flight keep absolute indexes across compaction.
  const cells: Cell<T>[] = [];
  let base = 0;
  let start = 0; // cells[start - base] is the oldest entry not yet handed on
  const cell = (index: number) => cells[index - base]!;
  const small: number[] = [];
  const large: number[] = [];
  let smallHead = 0;
  let largeHead = 0;
  const busyDevices = new Set<number>();
  const partial = new Map<number, number>();
  const iterator = source[Symbol.asyncIterator]();
  let sourceDone = false;
  let inflight = 0;
  // The CLI's thread hashes every small file itself, with no message or await per file; the app's never does.
  const hereAllowed = pool.inlineLimit > 0 && batchLimit <= pool.inlineLimit;
  let here: Awaited<ReturnType<typeof groupsOf>> | undefined;
  let wake: (() => void) | undefined;
  const stats = {
    files: 0,
    bytes: 0,
    filesDone: 0,
    bytesDone: 0,
    started: performance.now(),
    last: 0,
    current: undefined as string | undefined,
  };

  const held = () => base + cells.length - start;
  const end = () => base + cells.length;
  const serialFor = (e: FileEntry<T>) =>
    reads === 'serial' ||
    (reads === 'auto' && e.size !== undefined && e.dev !== undefined && e.size >= batchLimit && deviceKind(e.path, e.dev) === 'rotational');
  /** Serial reads need the device; an unsized file's is learnt by the thread that opens it (all one device under `serial`). */
  const devOf = (e: FileEntry<T>) => e.dev ?? -1;

  const report = (force = false) => {
    if (!options.onProgress) return; // before the clock: this runs once per file
    const now = performance.now();
    if (!force && now - stats.last < PROGRESS_EVERY_MS) return;
    stats.last = now;
    let bytesDone = stats.bytesDone;
    for (const b of partial.values()) bytesDone += b;
    const seconds = (now - stats.started) / 1000;
    options.onProgress({
      bytesDone,
      totalBytes: stats.bytes,
      bytesPerSecond: seconds > 0 ? bytesDone / seconds : 0,
      filesDone: stats.filesDone,
      filesTotal: stats.files,
      currentPath: stats.current,
    });
  };

  const settle = (index: number, result: FileHashResult) => {
    const c = cell(index);
    c.result = result;
    if (c.entry.kind === 'file') {
      stats.filesDone++;
      const size = c.entry.size ?? result.size ?? 0;
      if (c.entry.size === undefined) stats.bytes += size;
      stats.bytesDone += size;
    }
    report();
  };

  const finished = () => {
    inflight--;
    wake?.();
  };

  // Entries taken from the source but not yet in the window (a slice may overfill it).
  let spill: QueueEntry<T>[] = [];
  const pull = async (): Promise<boolean> => {
    let pulled = 0;
    while (held() < windowSize && pulled < PULL_SLICE && !signal?.aborted) {
      if (spill.length === 0) {
        if (sourceDone) break;
        const next = await iterator.next();
        if (next.done) {
          sourceDone = true;
          break;
        }
        spill = next.value;
        continue;
      }
      const take = Math.min(spill.length, windowSize - held());
      for (let k = 0; k < take; k++) {
        const e = spill[k]!;
        const index = base + cells.push({ entry: e }) - 1;
        if (e.kind === 'error') {
          cell(index).result = { path: e.path, error: e.error };
          continue;
        }
        stats.files++;
        stats.bytes += e.size ?? 0;
        (e.size === undefined || e.size < batchLimit ? small : large).push(index);
      }
      spill = take === spill.length ? [] : spill.slice(take);
      pulled += take;
    }
    return pulled > 0;
  };

  const runLarge = (index: number) => {
    const e = cell(index).entry as FileEntry<T>;
    const serial = serialFor(e);
    if (serial) busyDevices.add(devOf(e));
    stats.current = e.path;
    inflight++;
    void pool
      .hashFile(e.path, sets[e.set]!, {
        signal,
        size: e.size!,
        chunkSize: options.chunkSize,
        splitFrom: options.splitFrom,
        forced: options.forced,
        listed: { size: e.size!, mtimeMs: e.mtimeMs },
        onProgress: (bytes) => {
          partial.set(index, bytes);
          report();
        },
      })
      .then(
        (r) => ({ path: e.path, size: r.size, digests: r.digests, implementations: r.implementations }),
        (err) => ({ path: e.path, size: e.size, error: fileError(e.path, err) }),
      )
      .then((result) => {
        partial.delete(index);
        if (serial) busyDevices.delete(devOf(e));
        settle(index, result);
        finished();
      });
  };

  const runBatch = (indexes: number[], serialDev: number | undefined) => {
    if (serialDev !== undefined) busyDevices.add(serialDev);
    const files = indexes.map((i) => {
      const e = cell(i).entry as FileEntry<T>;
      return { path: e.path, size: e.size ?? -1, mtimeMs: e.mtimeMs, set: e.set };
    });
    stats.current = files[files.length - 1]!.path;
    inflight++;
    void pool
      .hashBatch(files, sets, { signal, forced: options.forced, batchLimit })
      .then(
        (r) => r,
        (err: unknown) => ({
          results: files.map((f): BatchResult => ({ error: fileError(f.path, err) })),
          implementations: {} as FileHashResult['implementations'] & object,
        }),
      )
      .then(({ results, implementations }) => {
        if (serialDev !== undefined) busyDevices.delete(serialDev);
        const implsOfSet: FileHashResult['implementations'][] = [];
        indexes.forEach((index, k) => {
          const r = results[k]!;
          const f = files[k]!;
          if ('large' in r) return handBack(index, r.large);
          if ('error' in r) return settle(index, { path: f.path, size: f.size < 0 ? undefined : f.size, error: r.error });
          // One implementations object per algorithm set and batch, shared by its files (read-only).
          let impl = implsOfSet[f.set];
          if (!impl) {
            impl = implsOfSet[f.set] = {};
            for (const id of sets[f.set]!) impl[id] = implementations[id];
          }
          settle(index, { path: f.path, size: r.size, digests: r.digests, implementations: impl });
        });
        finished();
      });
  };

  /** An unsized file the thread found too big for a batch: now sized, it waits with the big files, in order. */
  const handBack = (index: number, found: { size: number; mtimeMs: number; dev: number }) => {
    const e = cell(index).entry as FileEntry<T>;
    e.size = found.size;
    e.mtimeMs = found.mtimeMs;
    e.dev = found.dev;
    stats.bytes += found.size;
    let at = large.length;
    while (at > largeHead && large[at - 1]! > index) at--;
    large.splice(at, 0, index);
  };

  /** Starts the next job if one can start: the earliest waiting file decides between a batch and a big file. */
  const startOne = (): boolean => {
    const s = small[smallHead];
    const l = large[largeHead];
    const largeEntry = l === undefined ? undefined : (cell(l).entry as FileEntry<T>);
    const largeReady = largeEntry !== undefined && !(serialFor(largeEntry) && busyDevices.has(devOf(largeEntry)));
    if (largeReady && (s === undefined || l! < s)) {
      largeHead++;
      runLarge(l!);
      return true;
    }
    if (s !== undefined) {
      const first = cell(s).entry as FileEntry<T>;
      const serialDev = serialFor(first) ? devOf(first) : undefined;
      if (serialDev !== undefined && busyDevices.has(serialDev)) return largeReady ? (largeHead++, runLarge(l!), true) : false;
      // Spread what is left over the threads when the list is complete; else full batches.
      const waiting = small.length - smallHead;
      const cap = sourceDone ? Math.min(batchFiles, Math.max(1, Math.ceil(waiting / lanes))) : batchFiles;
      const take: number[] = [];
      let bytes = 0;
      while (smallHead < small.length && take.length < cap) {
        const e = cell(small[smallHead]!).entry as FileEntry<T>;
        if (take.length > 0 && (bytes + (e.size ?? 0) > batchBytes || (serialDev !== undefined && devOf(e) !== serialDev))) break;
        take.push(small[smallHead++]!);
        bytes += e.size ?? 0;
      }
      runBatch(take, serialDev);
      return true;
    }
    if (largeReady) {
      largeHead++;
      runLarge(l!);
      return true;
    }
    return false;
  };

  /** One implementations object per algorithm set, shared by the files hashed here (read-only). */
  const implsHere: FileHashResult['implementations'][] = [];
  const implsOf = (set: number) => {
    let impl = implsHere[set];
    if (!impl) {
      impl = implsHere[set] = {};
      for (const id of sets[set]!) impl[id] = here!.implementations[id];
    }
    return impl;
  };

  /** Hashes up to a slice of the waiting small files on this thread, in order; false when none can be. */
  const runHere = (): boolean => {
    let n = 0;
    while (smallHead < small.length && n < HERE_SLICE && !signal?.aborted) {
      const index = small[smallHead]!;
      const e = cell(index).entry as FileEntry<T>;
      if (!here!.quick[e.set] || (serialFor(e) && busyDevices.has(devOf(e)))) break;
      smallHead++;
      n++;
      stats.current = e.path;
      const r = hashListedHex(e, here!.groups[e.set]!, batchLimit);
      if ('large' in r) handBack(index, r.large);
      else if ('error' in r) settle(index, { path: e.path, size: e.size, error: r.error });
      else settle(index, { path: e.path, size: r.size, digests: r.digests, implementations: implsOf(e.set) });
    }
    return n > 0;
  };

  /** Big files to the threads while a lane is free, then a slice of small files here; true when some were hashed here. */
  const startHere = async (): Promise<boolean> => {
    for (;;) {
      const l = large[largeHead];
      const e = l === undefined ? undefined : (cell(l).entry as FileEntry<T>);
      if (inflight < lanes && e && !(serialFor(e) && busyDevices.has(devOf(e)))) {
        largeHead++;
        runLarge(l!);
        continue;
      }
      if (smallHead === small.length) return false;
      here ??= await groupsOf(sets, options.forced);
      if (runHere()) return true;
      // A set that needs a thread (no quick hasher here) goes in batches as usual.
      if (!(inflight < lanes && startOne())) return false;
    }
  };

  const cancelWaiting = () => {
    for (const q of [small.slice(smallHead), large.slice(largeHead)]) {
      for (const index of q) {
        const e = cell(index).entry;
        settle(index, {
          path: e.path,
          size: e.kind === 'file' ? e.size : undefined,
          error: { code: 'CANCELLED', message: `${e.path}: cancelled` },
        });
      }
    }
    smallHead = small.length;
    largeHead = large.length;
  };

  const handOn = () => {
    while (start < end() && cell(start).result) {
      const c = cell(start);
      onResult(c.result!, c.entry.tag);
      cells[start - base] = undefined as unknown as Cell<T>; // nothing per file is kept once handed on
      start++;
    }
    if (start - base > 1024 && (start - base) * 2 > cells.length) {
      cells.splice(0, start - base);
      base = start;
      small.splice(0, smallHead);
      large.splice(0, largeHead);
      smallHead = 0;
      largeHead = 0;
    }
  };

  for (;;) {
    const pulled = await pull();
    let hashedHere = false;
    if (signal?.aborted) cancelWaiting();
    else if (hereAllowed) hashedHere = await startHere();
    else while (inflight < lanes && startOne());
    handOn();
    if (start === end() && inflight === 0 && ((sourceDone && spill.length === 0) || signal?.aborted)) break;
    if (pulled && held() < windowSize && !signal?.aborted) continue; // keep listing ahead while the threads work
    if (hashedHere && smallHead < small.length) continue; // more small files for this thread
    if (inflight > 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }
  if (signal?.aborted) await iterator.return?.(undefined);
  report(true);
}
