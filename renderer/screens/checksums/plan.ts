// What "Create a checksum file" would write, from the files hashed on Check a file. Pure.
import { ALGORITHMS, type AlgorithmId } from '../../../main/common/algorithms.js';
import type { ChecksumFormat } from '../../../main/common/checksum-file.js';
import type { DigestMap } from '../../../main/common/hash-types.js';

export interface ChecksumPlan {
  /** The algorithms the form offers: those the files were hashed with (SFV: CRC32 only). */
  algorithms: AlgorithmId[];
  algorithm: AlgorithmId | undefined;
  entries: Array<{ path: string; algorithm: AlgorithmId; digestHex: string }>;
  /** Files without a digest of that algorithm (hashed with another choice). */
  leftOut: number;
}

export function planChecksumFile(
  files: ReadonlyArray<{ path: string; digests: DigestMap }>,
  format: ChecksumFormat,
  chosen?: AlgorithmId,
): ChecksumPlan {
  const present = ALGORITHMS.map((a) => a.id).filter((id) => files.some((f) => f.digests[id] !== undefined));
  // SFV means CRC32; otherwise the user's pick, else SHA-256 (what people usually publish), else the first.
  const algorithms: AlgorithmId[] = format === 'sfv' ? ['crc32'] : present;
  const algorithm =
    format === 'sfv' ? 'crc32' : chosen && present.includes(chosen) ? chosen : present.includes('sha256') ? 'sha256' : present[0];
  const entries =
    algorithm === undefined
      ? []
      : files.flatMap((f) => {
          const digestHex = f.digests[algorithm];
          return digestHex === undefined ? [] : [{ path: f.path, algorithm, digestHex }];
        });
  return { algorithms, algorithm, entries, leftOut: files.length - entries.length };
}
