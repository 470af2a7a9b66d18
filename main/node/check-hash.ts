// Checks a file against whatever the user pasted: works out what the paste can be,
// hashes the file with only those algorithms, and says which reading matched.
import { bytesEqual, fromHex } from '../common/encodings.js';
import { parsePasted } from '../common/paste.js';
import type { FileJobOptions, HashPool } from './hash-pool.js';
import type { CheckReading, CheckResult } from '../common/hash-types.js';

export class NothingToCheck extends Error {}

export async function checkHash(
  pool: HashPool,
  path: string,
  pasted: string,
  options: Pick<FileJobOptions, 'signal' | 'onProgress'> = {},
): Promise<CheckResult> {
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

export type { CheckReading, CheckResult };
