// Checks a file (or a stream) against whatever the user pasted: works out what the paste can be,
// hashes the input with only those algorithms, and says which reading matched.
import type { AlgorithmId } from '../common/algorithms.js';
import { bytesEqual, fromHex } from '../common/encodings.js';
import { parsePasted } from '../common/paste.js';
import type { FileJobOptions, HashPool, JobResult } from './hash-pool.js';
import type { CheckReading, CheckResult } from '../common/hash-types.js';

export class NothingToCheck extends Error {}

async function check(pasted: string, path: string, hash: (algorithms: AlgorithmId[]) => Promise<JobResult>): Promise<CheckResult> {
  const parsed = parsePasted(pasted);
  if (parsed.candidates.length === 0) throw new NothingToCheck(parsed.problem ?? 'the pasted text holds nothing that can be a hash');
  const r = await hash([...new Set(parsed.candidates.map((c) => c.algorithm))]);
  const tried = parsed.candidates.map(({ algorithm, encoding, role }) => ({ algorithm, encoding, role }));
  const matches = parsed.candidates
    .filter((c) => {
      const mine = fromHex(r.digests[c.algorithm] ?? '');
      return mine !== undefined && bytesEqual(mine, c.digest);
    })
    .map(({ algorithm, encoding, role }) => ({ algorithm, encoding, role }));
  return { path, form: parsed.form, tried, matches, digests: r.digests, size: r.size };
}

export function checkHash(
  pool: HashPool,
  path: string,
  pasted: string,
  options: Pick<FileJobOptions, 'signal' | 'onProgress'> = {},
): Promise<CheckResult> {
  return check(pasted, path, (algorithms) => pool.hashFile(path, algorithms, options));
}

/** The same check of a stream (standard input), named `name` in the result. */
export function checkStream(pool: HashPool, input: AsyncIterable<Uint8Array>, name: string, pasted: string): Promise<CheckResult> {
  return check(pasted, name, (algorithms) => pool.hashStream(input, algorithms));
}

export type { CheckReading, CheckResult };
