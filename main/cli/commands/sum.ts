import { parseArgs } from 'node:util';
import { formatChecksumFile, type ChecksumFormat } from '../../common/checksum-file.js';
import type { HashPool } from '../../node/hash-pool.js';
import { bufferedOut, progressLine, UsageError, type Io } from '../io.js';
import { hashInputs, parseAlgorithms, readMode } from './hash.js';

const FORMATS: readonly ChecksumFormat[] = ['gnu', 'bsd', 'sfv'];

export async function sumCommand(args: string[], pool: () => HashPool, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      algo: { type: 'string', short: 'a' },
      format: { type: 'string', short: 'f' },
      'parallel-reads': { type: 'boolean' },
      'serial-reads': { type: 'boolean' },
    },
  });
  if (positionals.length === 0) throw new UsageError('sum: name at least one file or folder');
  const format = (values.format ?? 'gnu') as ChecksumFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`sum: unknown format ${values.format} (gnu, bsd, sfv)`);
  const algorithms = parseAlgorithms(values.algo ?? (format === 'sfv' ? 'crc32' : 'sha256'));
  if (algorithms.length !== 1) throw new UsageError('sum: --algo takes one algorithm');
  if (format === 'sfv' && algorithms[0] !== 'crc32') throw new UsageError('sum: SFV files hold CRC32 only');
  const progress = progressLine(io);
  const out = bufferedOut(io);
  let failed = false;
  await hashInputs(pool(), positionals, algorithms, {
    reads: readMode(values),
    onProgress: progress.update,
    onSkip: (s) => io.err(`skipped ${s.path}: ${s.reason}\n`),
    onFile: (f) => {
      if (f.digests) {
        out.write(
          formatChecksumFile(
            [{ path: f.path.replace(/\\/g, '/'), algorithm: algorithms[0]!, digestHex: f.digests[algorithms[0]!]! }],
            format,
          ),
        );
        return;
      }
      failed = true;
      out.flush();
      io.err(`error: ${f.error!.message}\n`);
    },
  });
  progress.done();
  out.flush();
  return failed ? 2 : 0;
}
