// Small files, many at a time: each is read whole into one buffer the thread reuses (grown to the
// largest file it has met, never per file), hashed in one update per algorithm, and checked against
// the size and modification time it was listed with. Four system calls a file: open, read, fstat, close,
// also for a file listed without its size (read first, then one fstat); one written in the last 2 s is
// read again with its size and time taken before the read.
// Used by the worker threads for a batch, and by the CLI on its own thread for every small file.
import * as crypto from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { algorithmInfo, type AlgorithmId, type ImplementationName } from '../common/algorithms.js';
import { failure, fileError } from './file-errors.js';
import type { DigestMap } from '../common/hash-types.js';
import type { BatchFile, BatchOutcome, Forced, PackedOutcomes } from './hash-protocol.js';
import { hex, type BatchResult } from './hash-results.js';
import type { Hasher, HasherFactory } from './hashers/hasher.js';
import { chooseImplementation, loadImplementation } from './hashers/select.js';

interface Maker {
  implementation: ImplementationName;
  create: HasherFactory;
  /** A hasher that can start over, kept between files. */
  spare?: Hasher;
  /** Whole input at once, where that skips making a hasher per file (node:crypto's hash(), Node 20.12+). */
  oneShot?: (data: Uint8Array) => Uint8Array;
  /** The same, straight to lower-case hex. */
  oneShotHex?: (data: Uint8Array) => string;
}

type OneShot = {
  (algorithm: string, data: Uint8Array, encoding: 'buffer'): Buffer;
  (algorithm: string, data: Uint8Array, encoding: 'hex'): string;
};
const cryptoHash = (crypto as { hash?: OneShot }).hash;

function withOneShot(id: AlgorithmId, m: Maker): Maker {
  const name = algorithmInfo(id).nodeName;
  if (m.implementation === 'node' && name && cryptoHash) {
    m.oneShot = (data) => cryptoHash(name, data, 'buffer');
    m.oneShotHex = (data) => cryptoHash(name, data, 'hex');
  }
  return m;
}

const makers = new Map<string, Promise<Maker>>();
const forcedFactories = new Map<string, Promise<HasherFactory>>();

/** The factory for an algorithm in this thread: the chosen implementation, or the forced one. */
export function makerFor(id: AlgorithmId, forced: Forced | undefined): Promise<Maker> {
  const impl = forced?.[id];
  const key = impl ? `${id}/${impl}` : id;
  let m = makers.get(key);
  if (!m) {
    m = impl
      ? (async () => {
          let f = forcedFactories.get(key);
          if (!f) forcedFactories.set(key, (f = loadImplementation(id, impl)));
          return withOneShot(id, { implementation: impl, create: await f });
        })()
      : chooseImplementation(id).then((c) => withOneShot(id, { implementation: c.implementation, create: c.create }));
    m.catch(() => makers.delete(key));
    makers.set(key, m);
  }
  return m;
}

/** Forgets chosen implementations (after the preferred order changed). */
export function forgetMakers(): void {
  makers.clear();
}

const { O_RDONLY } = constants;
let buffer = Buffer.allocUnsafe(64 * 1024);

function bufferFor(size: number): Buffer {
  // One byte more than the listed size, so a file that grew shows in the same read.
  if (buffer.length < size + 1) buffer = Buffer.allocUnsafe(Math.max(size + 1, Math.min(2 * buffer.length, 1 << 30)));
  return buffer;
}

const changed = (path: string, size: number, now: number) =>
  failure('CHANGED', `${path}: the file changed while it was being hashed (${size} bytes when listed, ${now} now)`);

/** A file as listed: a thread's batch gives -1 for an unknown size, the CLI's own queue entry undefined. */
type Listed = { path: string; size?: number; mtimeMs?: number };

/**
 * Reads one listed file whole; the view is valid until the next call. An unsized file (size -1 or
 * undefined) is measured first (fstat) and checked again after the read; one too big for a batch is handed back.
 */
export function readListed(f: Listed, batchLimit = Infinity): Uint8Array | { large: { size: number; mtimeMs: number; dev: number } } {
  const fd = openSync(f.path, O_RDONLY);
  try {
    if (f.size === undefined || f.size < 0) {
      // Unsized (met inside a folder): read first, then one fstat. A file whose time is not older than
      // this read may have been written during it: read again with a size and time taken before.
      const started = Date.now();
      const buf = bufferFor(batchLimit === Infinity ? 1 << 20 : batchLimit);
      let n = 0;
      for (;;) {
        const want = buf.length - n;
        const got = readSync(fd, buf, n, want, null);
        n += got;
        // A regular file reads short only at its end: no second read to see 0 (the fstat below checks the size).
        if (got < want || n >= buf.length) break;
      }
      const st = fstatSync(fd);
      if (!st.isFile()) throw failure('NOT_A_FILE', `${f.path}: not a regular file`);
      if (st.size >= batchLimit) return { large: { size: st.size, mtimeMs: st.mtimeMs, dev: st.dev } };
      if (n === st.size && st.mtimeMs < started - RECENT_MS) return buf.subarray(0, n);
      const before = fstatSync(fd);
      return readWhole(fd, f.path, before.size, before.mtimeMs, 0);
    }
    return readWhole(fd, f.path, f.size, f.mtimeMs);
  } finally {
    closeSync(fd);
  }
}

/** Modification times this close to the start of a read (clock steps, coarse file-system times) count as during it. */
const RECENT_MS = 2000;

function readWhole(fd: number, path: string, size: number, mtimeMs: number | undefined, position: number | null = null): Uint8Array {
  const buf = bufferFor(size);
  let n = 0;
  for (;;) {
    const got = readSync(fd, buf, n, buf.length - n, position === null ? null : position + n);
    n += got;
    // A regular file reads short only at its end; reading on past the listed size shows growth.
    if (got === 0 || n >= buf.length || n === size) break;
  }
  const st = fstatSync(fd);
  if (!st.isFile()) throw failure('NOT_A_FILE', `${path}: not a regular file`);
  if (n !== size || st.size !== size) throw changed(path, size, Math.max(n, st.size));
  if (mtimeMs !== undefined && st.mtimeMs !== mtimeMs) throw changed(path, size, st.size);
  return buf.subarray(0, n);
}

export type Group = { id: AlgorithmId; maker: Maker }[];

/**
 * Each set's makers, resolved once. A set is `quick` when every file can be hashed with no await:
 * each maker hashes in one call or keeps a spare hasher that starts over (made here, ahead).
 */
export async function groupsOf(
  sets: AlgorithmId[][],
  forced: Forced | undefined,
): Promise<{ groups: Group[]; quick: boolean[]; implementations: Partial<Record<AlgorithmId, ImplementationName>> }> {
  const implementations: Partial<Record<AlgorithmId, ImplementationName>> = {};
  const groups = await Promise.all(sets.map((set) => Promise.all(set.map(async (id) => ({ id, maker: await makerFor(id, forced) })))));
  const quick: boolean[] = [];
  for (const g of groups) {
    let q = true;
    for (const { id, maker } of g) {
      implementations[id] = maker.implementation;
      if (maker.oneShot) continue;
      maker.spare ??= await maker.create();
      if (!maker.spare.reset) q = false;
    }
    quick.push(q);
  }
  return { groups, quick, implementations };
}

/**
 * Hashes one listed file on this thread with no await (a `quick` group; see groupsOf), digests in hex.
 * The CLI's thread does this for every small file: no message, no promise, no copy per file (the
 * queue's own entry is read as it is, no object made for it).
 */
export function hashListedHex(f: Listed, group: Group, batchLimit = Infinity): BatchResult {
  try {
    const data = readListed(f, batchLimit);
    if (!(data instanceof Uint8Array)) return data;
    const digests: DigestMap = {};
    for (const { id, maker } of group) {
      if (maker.oneShotHex) digests[id] = maker.oneShotHex(data);
      else {
        const h = maker.spare!;
        h.update(data);
        digests[id] = hex(h.digest());
        h.reset!();
      }
    }
    return { digests, size: data.length };
  } catch (err) {
    return { error: fileError(f.path, err) };
  }
}

/** Hashes the files of a batch in order; `cancelled` is asked between two files. */
export async function hashListed(
  files: (BatchFile & { mtimeMs?: number })[],
  sets: AlgorithmId[][],
  forced: Forced | undefined,
  cancelled: () => boolean,
  batchLimit = Infinity,
): Promise<{ outcomes: BatchOutcome[]; implementations: Partial<Record<AlgorithmId, ImplementationName>> }> {
  const { groups, implementations } = await groupsOf(sets, forced);
  const outcomes: BatchOutcome[] = [];
  for (const f of files) {
    if (cancelled()) {
      outcomes.push({ error: { code: 'CANCELLED', message: `${f.path}: cancelled` } });
      continue;
    }
    try {
      const data = readListed(f, batchLimit);
      if (!(data instanceof Uint8Array)) {
        outcomes.push(data);
        continue;
      }
      const digests: Partial<Record<AlgorithmId, Uint8Array>> = {};
      for (const { id, maker } of groups[f.set]!) {
        if (maker.oneShot) {
          digests[id] = maker.oneShot(data);
          continue;
        }
        const h = maker.spare ?? (await maker.create());
        maker.spare = undefined;
        h.update(data);
        digests[id] = h.digest();
        if (h.reset) {
          h.reset();
          maker.spare = h;
        }
      }
      outcomes.push({ digests, size: data.length });
    } catch (err) {
      outcomes.push({ error: fileError(f.path, err) });
    }
  }
  return { outcomes, implementations };
}

/** Packs outcomes for the trip back: digests back to back, sizes, and the errors by index. */
export function packOutcomes(files: BatchFile[], sets: AlgorithmId[][], outcomes: BatchOutcome[]): PackedOutcomes {
  let total = 0;
  for (const o of outcomes) if ('digests' in o) for (const d of Object.values(o.digests)) total += d.length;
  const packed: PackedOutcomes = { digests: new Uint8Array(total), sizes: new Float64Array(outcomes.length), errors: [], large: [] };
  let at = 0;
  outcomes.forEach((o, i) => {
    if (!('digests' in o)) {
      packed.sizes[i] = -1;
      if ('error' in o) packed.errors.push({ index: i, error: o.error });
      else packed.large.push({ index: i, ...o.large });
      return;
    }
    packed.sizes[i] = o.size;
    for (const id of sets[files[i]!.set]!) {
      const d = o.digests[id]!;
      packed.digests.set(d, at);
      at += d.length;
    }
  });
  return packed;
}
