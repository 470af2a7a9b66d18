// Checks a file against whatever the user pasted: works out what the paste can be,
// hashes the file with only those algorithms, and says which reading matched.
import type { AlgorithmId } from '../common/algorithms.js';
import { bytesEqual, fromHex, type Encoding } from '../common/encodings.js';
import type { DigestMap } from '../common/hash-types.js';
import { parsePasted, type PasteRole } from '../common/paste.js';
import type { FileJobOptions, HashPool } from './hash-pool.js';

export interface CheckReading {
  algorithm: AlgorithmId;
  encoding: Encoding;
  role: PasteRole;
}

export interface CheckResult {
  path: string;
  /** What the paste was recognised as ("SRI value", "GNU checksum line"…). */
  form: string;
  /** Every reading of the paste that was tried. */
  tried: CheckReading[];
  /** The readings whose digest equals the file's. */
  matches: CheckReading[];
  /** The file's digests for the algorithms tried (hex). */
  digests: DigestMap;
  size: number;
}

export class NothingToCheck extends Error {}

export async function checkHash(pool: HashPool, path: string, pasted: string, options: Pick<FileJobOptions, 'signal' | 'onProgress'> = {}): Promise<CheckResult> {
  const parsed = parsePasted(pasted);
  if (parsed.candidates.length === 0) throw new NothingToCheck(parsed.problem ?? 'the pasted text holds nothing that can be a hash');
  const algorithms = [...new Set(parsed.candidates.map((c) => c.algorithm))];
  const r = await pool.hashFile(path, algorithms, options);
  const tried = parsed.candidates.map(({ algorithm, encoding, role }) => ({ algorithm, encoding, role }));
  const matches = parsed.candidates
    .filter((c) => {
      const mine = fromHex(r.digests[c.algorithm] ?? '');
      return mine !== undefined && bytesEqual(mine, c.digest);
    })
    .map(({ algorithm, encoding, role }) => ({ algorithm, encoding, role }));
  return { path, form: parsed.form, tried, matches, digests: r.digests, size: r.size };
}
