// Verifies a checksum file: each listed file is hashed with only the algorithm(s) its line can
// be, relative to the checksum file's folder; missing files are reported, never fatal.
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import type { AlgorithmId } from '../common/algorithms.js';
import { decodeChecksumText, parseChecksumFile } from '../common/checksum-file.js';
import { toHex } from '../common/encodings.js';
import { failure, fileError } from './file-errors.js';
import type { HashPool } from './hash-pool.js';
import type { VerifyEntryResult, VerifyResult, VerifyStatus } from '../common/hash-types.js';

export interface VerifyOptions {
  algorithm?: AlgorithmId;
  /** Refuse entries that resolve outside the checksum file's folder (the app does; the CLI need not). */
  confine?: boolean;
  signal?: AbortSignal;
  onEntry?: (entry: VerifyEntryResult, index: number, total: number) => void;
  onProgress?: (bytes: number) => void;
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
  const summary: Record<VerifyStatus, number> = { ok: 0, mismatch: 0, missing: 0, error: 0 };
  const entries: VerifyEntryResult[] = [];
  for (const [i, entry] of parsed.entries.entries()) {
    const resolvedPath = resolve(folder, entry.path);
    const expected = toHex(entry.digest);
    const base = {
      line: entry.line,
      path: entry.path,
      resolvedPath,
      format: entry.format,
      expected,
      tried: entry.algorithms,
      algorithmSource: entry.algorithmSource,
    };
    let result: VerifyEntryResult;
    const rel = relative(folder, resolvedPath);
    if (options.confine && (rel.startsWith('..') || isAbsolute(rel))) {
      result = {
        ...base,
        status: 'error',
        error: { code: 'OUTSIDE', message: `${entry.path}: points outside the checksum file's folder; not read` },
      };
    } else {
      try {
        const st = await fs.stat(resolvedPath);
        const r = await pool.hashFile(resolvedPath, entry.algorithms, {
          signal: options.signal,
          size: st.size,
          onProgress: options.onProgress,
        });
        const matched = entry.algorithms.find((a) => r.digests[a] === expected);
        result = matched
          ? { ...base, status: 'ok', algorithm: matched, actual: r.digests }
          : { ...base, status: 'mismatch', algorithm: entry.algorithms.length === 1 ? entry.algorithms[0] : undefined, actual: r.digests };
      } catch (err) {
        const error = fileError(entry.path, err);
        if (error.code === 'CANCELLED') throw failure(error.code, error.message);
        result = { ...base, status: error.code === 'ENOENT' ? 'missing' : 'error', error };
      }
    }
    summary[result.status]++;
    entries.push(result);
    options.onEntry?.(result, i, parsed.entries.length);
  }
  return { checksumFile, entries, problems: parsed.problems, summary };
}

export type { VerifyEntryResult, VerifyResult, VerifyStatus };
