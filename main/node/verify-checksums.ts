// Verifies a checksum file: each listed file is hashed with only the algorithm(s) its line can
// be, relative to the checksum file's folder; missing files are reported, never fatal. Entries go
// through the same scheduler as hash (small files in batches), and come out in the file's order.
import { promises as fs } from 'node:fs';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { AlgorithmId } from '../common/algorithms.js';
import { decodeChecksumText, parseChecksumFile, type ChecksumEntry } from '../common/checksum-file.js';
import { hex } from './hash-results.js';
import { failure, fileError } from './file-errors.js';
import { runQueue, type QueueEntry, type ReadMode } from './file-queue.js';
import type { HashPool } from './hash-pool.js';
import { childPrefix, plainRelative } from './walk.js';
import type { FileError, VerifyEntryResult, VerifyResult, VerifyStatus } from '../common/hash-types.js';

export interface VerifyOptions {
  algorithm?: AlgorithmId;
  /** Refuse entries that resolve outside the checksum file's folder (the app does; the CLI need not). */
  confine?: boolean;
  signal?: AbortSignal;
  onEntry?: (entry: VerifyEntryResult, index: number, total: number) => void;
  onProgress?: (bytes: number) => void;
  /** Keep every entry for the answer (default); the CLI prints each as it comes and keeps none. */
  keep?: boolean;
  reads?: ReadMode;
}

export async function verifyChecksumFile(pool: HashPool, checksumFile: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  let bytes: Uint8Array;
  try {
    const st = await fs.stat(checksumFile);
    if (st.isDirectory()) throw failure('EISDIR', `${checksumFile}: is a folder, not a checksum file`);
    bytes = await fs.readFile(checksumFile);
  } catch (err) {
    const e = fileError(checksumFile, err);
    throw failure(e.code, e.message);
  }
  const parsed = parseChecksumFile(decodeChecksumText(bytes).text, basename(checksumFile), { algorithm: options.algorithm });
  if (parsed.error) throw failure('PARSE', `${checksumFile}: ${parsed.error}`);

  const folder = dirname(resolve(checksumFile));
  // Files are opened by the shortest path that names them (relative to the working folder when the
  // checksum file was named so): the kernel walks fewer folders per open, as sha256sum -c does.
  const near = isAbsolute(checksumFile) ? folder : dirname(checksumFile);
  const summary: Record<VerifyStatus, number> = { ok: 0, mismatch: 0, missing: 0, error: 0 };
  const entries: VerifyEntryResult[] = [];
  const keep = options.keep ?? true;
  const total = parsed.entries.length;
  const sets: AlgorithmId[][] = [];
  const setIndex = new Map<string, number>();
  type Tag = { index: number; entry: ChecksumEntry; resolvedPath: string; opened: string };
  // resolve() and join() normalise per call: for the usual plain relative names, the folders once instead.
  const folderPrefix = childPrefix(folder);
  const nearPrefix = childPrefix(near);

  async function* queue(): AsyncGenerator<QueueEntry<Tag>[]> {
    let out: QueueEntry<Tag>[] = [];
    const entries = parsed.entries;
    for (let index = 0; index < entries.length; index++) {
      if (out.length >= 512) {
        yield out;
        out = [];
        await yieldToLoop();
      }
      const entry = entries[index]!;
      const plain = plainRelative(entry.path);
      const resolvedPath = plain ? folderPrefix + entry.path : resolve(folder, entry.path);
      const opened = plain ? nearPrefix + entry.path : isAbsolute(entry.path) ? entry.path : join(near, entry.path);
      const tag: Tag = { index, entry, resolvedPath, opened };
      const rel = options.confine ? relative(folder, resolvedPath) : '';
      if (options.confine && (rel.startsWith('..') || isAbsolute(rel))) {
        const error: FileError = { code: 'OUTSIDE', message: `${entry.path}: points outside the checksum file's folder; not read` };
        out.push({ kind: 'error', path: resolvedPath, error, tag });
        continue;
      }
      const key = entry.algorithms.length === 1 ? entry.algorithms[0]! : entry.algorithms.join();
      let set = setIndex.get(key);
      if (set === undefined) setIndex.set(key, (set = sets.push([...entry.algorithms]) - 1));
      // Not stat'ed here: the thread that opens it learns its size (a missing one gives ENOENT there).
      out.push({ kind: 'file', path: opened, set, tag });
    }
    if (out.length) yield out;
  }

  let cancelled: FileError | undefined;
  await runQueue(
    pool,
    queue(),
    sets,
    (r, { index, entry, resolvedPath, opened }) => {
      const expected = hex(entry.digest);
      const tried = entry.algorithms;
      let status: VerifyStatus;
      let algorithm: AlgorithmId | undefined;
      let error: FileError | undefined;
      if (r.digests) {
        algorithm = tried.length === 1 ? tried[0] : tried.find((a) => r.digests![a] === expected);
        status = algorithm !== undefined && r.digests[algorithm] === expected ? 'ok' : 'mismatch';
        if (status === 'mismatch' && tried.length > 1) algorithm = undefined;
      } else {
        // Messages name the path as the checksum file writes it.
        error = { code: r.error!.code, message: r.error!.message.split(opened).join(entry.path) };
        if (error.code === 'CANCELLED') cancelled ??= error;
        status = error.code === 'ENOENT' ? 'missing' : 'error';
      }
      // Built whole, in the documented order (no spreads: this runs once per entry).
      const result: VerifyEntryResult = {
        line: entry.line,
        path: entry.path,
        resolvedPath,
        format: entry.format,
        expected,
        tried,
        algorithmSource: entry.algorithmSource,
        status,
      };
      if (r.digests) {
        result.algorithm = algorithm;
        result.actual = r.digests;
      } else result.error = error;
      summary[status]++;
      if (keep) entries.push(result);
      options.onEntry?.(result, index, total);
    },
    { signal: options.signal, reads: options.reads, onProgress: options.onProgress && ((p) => options.onProgress!(p.bytesDone)) },
  );
  if (cancelled) throw failure(cancelled.code, cancelled.message);
  return { checksumFile, entries, problems: parsed.problems, summary };
}

export type { VerifyEntryResult, VerifyResult, VerifyStatus };
