import { parseArgs } from 'node:util';
import { formatChecksumFile, type ChecksumFormat } from '../../common/checksum-file.js';
import { hashFiles } from '../../node/hash-files.js';
import type { HashPool } from '../../node/hash-pool.js';
import { progressLine, UsageError, type Io } from '../io.js';
import { parseAlgorithms } from './hash.js';

const FORMATS: readonly ChecksumFormat[] = ['gnu', 'bsd', 'sfv'];

export async function sumCommand(args: string[], pool: HashPool, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { algo: { type: 'string', short: 'a' }, format: { type: 'string', short: 'f' } },
  });
  if (positionals.length === 0) throw new UsageError('sum: name at least one file or folder');
  const format = (values.format ?? 'gnu') as ChecksumFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`sum: unknown format ${values.format} (gnu, bsd, sfv)`);
  const algorithms = parseAlgorithms(values.algo ?? (format === 'sfv' ? 'crc32' : 'sha256'));
  if (algorithms.length !== 1) throw new UsageError('sum: --algo takes one algorithm');
  if (format === 'sfv' && algorithms[0] !== 'crc32') throw new UsageError('sum: SFV files hold CRC32 only');
  const progress = progressLine(io);
  const result = await hashFiles(pool, positionals, algorithms, { onProgress: progress.update });
  progress.done();
  const good = result.files.filter((f) => f.digests);
  io.out(
    formatChecksumFile(
      good.map((f) => ({ path: f.path.replace(/\\/g, '/'), algorithm: algorithms[0]!, digestHex: f.digests![algorithms[0]!]! })),
      format,
    ),
  );
  for (const s of result.skipped) io.err(`skipped ${s.path}: ${s.reason}\n`);
  for (const f of result.files) if (f.error) io.err(`error: ${f.error.message}\n`);
  return result.files.some((f) => f.error) ? 2 : 0;
}
