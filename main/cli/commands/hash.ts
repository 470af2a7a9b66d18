import { parseArgs } from 'node:util';
import { algorithmInfo, DEFAULT_ALGORITHMS, parseAlgorithmList, type AlgorithmId } from '../../common/algorithms.js';
import { encodeDigest, fromHex, isEncoding, type Encoding } from '../../common/encodings.js';
import type { DigestMap, FileHashResult } from '../../common/hash-types.js';
import { hashFiles } from '../../node/hash-files.js';
import type { HashPool } from '../../node/hash-pool.js';
import { printJson, progressLine, UsageError, type Io } from '../io.js';

export function parseEncoding(value: string | undefined): Encoding {
  if (value === undefined) return 'hex';
  if (isEncoding(value)) return value;
  const lower = value.toLowerCase();
  if (isEncoding(lower)) return lower;
  throw new UsageError(`unknown encoding ${value} (hex, HEX, base64, base64-nopad, base64url, base64url-nopad, outsystems)`);
}

export function parseAlgorithms(value: string | undefined): AlgorithmId[] {
  if (value === undefined) return [...DEFAULT_ALGORITHMS];
  try {
    return parseAlgorithmList(value);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function encodeDigests(digests: DigestMap, encoding: Encoding): DigestMap {
  const out: DigestMap = {};
  for (const [id, hex] of Object.entries(digests) as [AlgorithmId, string][]) out[id] = encodeDigest(fromHex(hex)!, encoding);
  return out;
}

export async function hashCommand(args: string[], pool: HashPool, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      algo: { type: 'string', short: 'a' },
      encoding: { type: 'string', short: 'e' },
      json: { type: 'boolean' },
      'parallel-reads': { type: 'boolean' },
    },
  });
  if (positionals.length === 0) throw new UsageError('hash: name at least one file or folder');
  const algorithms = parseAlgorithms(values.algo);
  const encoding = parseEncoding(values.encoding);
  const progress = progressLine(io);
  const result = await hashFiles(pool, positionals, algorithms, {
    onProgress: progress.update,
    sameDeviceParallel: values['parallel-reads'],
  });
  progress.done();
  const files: FileHashResult[] = result.files.map((f) => (f.digests ? { ...f, digests: encodeDigests(f.digests, encoding) } : f));
  if (values.json) {
    printJson(io, { algorithms, encoding, files, skipped: result.skipped });
  } else {
    const width = Math.max(...algorithms.map((a) => algorithmInfo(a).label.length));
    for (const f of files) {
      if (f.error) continue;
      io.out(`${f.path}\n`);
      for (const a of algorithms) io.out(`  ${algorithmInfo(a).label.padEnd(width)}  ${f.digests![a]}\n`);
    }
    for (const s of result.skipped) io.err(`skipped ${s.path}: ${s.reason}\n`);
  }
  for (const f of files) if (f.error) io.err(`error: ${f.error.message}\n`);
  return files.some((f) => f.error) ? 2 : 0;
}
