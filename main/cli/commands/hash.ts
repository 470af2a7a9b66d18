import { parseArgs } from 'node:util';
import { algorithmInfo, DEFAULT_ALGORITHMS, parseAlgorithmList, type AlgorithmId } from '../../common/algorithms.js';
import { encodeDigest, fromHex, isEncoding, type Encoding } from '../../common/encodings.js';
import type { DigestMap, FileHashResult, SkipNote } from '../../common/hash-types.js';
import type { ReadMode } from '../../node/file-queue.js';
import { fileError } from '../../node/file-errors.js';
import { hashFiles, type HashFilesOptions } from '../../node/hash-files.js';
import type { HashPool } from '../../node/hash-pool.js';
import { bufferedOut, nestedJson, progressLine, UsageError, type Io } from '../io.js';
import { STDIN } from '../stdin.js';

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

export function readMode(values: { 'parallel-reads'?: boolean; 'serial-reads'?: boolean }): ReadMode {
  if (values['parallel-reads'] && values['serial-reads']) throw new UsageError('--parallel-reads and --serial-reads exclude each other');
  return values['parallel-reads'] ? 'parallel' : values['serial-reads'] ? 'serial' : 'auto';
}

/** Hashes the paths in order, `-` being standard input; each result is handed on as soon as it and all before it are done. */
export async function hashInputs(
  pool: HashPool,
  paths: string[],
  algorithms: AlgorithmId[],
  options: {
    reads: ReadMode;
    onFile: (f: FileHashResult) => void;
    onSkip: (s: SkipNote) => void;
    onProgress?: HashFilesOptions['onProgress'];
  },
): Promise<void> {
  for (let i = 0; i < paths.length;) {
    if (paths[i] === STDIN) {
      i++;
      try {
        const r = await pool.hashStream(process.stdin, algorithms);
        options.onFile({ path: STDIN, size: r.size, digests: r.digests, implementations: r.implementations });
      } catch (err) {
        options.onFile({ path: STDIN, error: fileError(STDIN, err) });
      }
      continue;
    }
    const run: string[] = [];
    while (i < paths.length && paths[i] !== STDIN) run.push(paths[i++]!);
    await hashFiles(pool, run, algorithms, { ...options, keep: false });
  }
}

export async function hashCommand(args: string[], pool: () => HashPool, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      algo: { type: 'string', short: 'a' },
      encoding: { type: 'string', short: 'e' },
      json: { type: 'boolean' },
      'parallel-reads': { type: 'boolean' },
      'serial-reads': { type: 'boolean' },
    },
  });
  if (positionals.length === 0) throw new UsageError('hash: name at least one file or folder, or - for standard input');
  const algorithms = parseAlgorithms(values.algo);
  const encoding = parseEncoding(values.encoding);
  const reads = readMode(values);
  const progress = progressLine(io);
  const out = bufferedOut(io);
  const skipped: SkipNote[] = [];
  const width = Math.max(...algorithms.map((a) => algorithmInfo(a).label.length));
  const labels = algorithms.map((a) => `  ${algorithmInfo(a).label.padEnd(width)}  `);
  let count = 0;
  let failed = false;
  if (values.json) out.write(`{\n  "algorithms": ${nestedJson(algorithms, 1)},\n  "encoding": ${JSON.stringify(encoding)},\n  "files": [`);
  await hashInputs(pool(), positionals, algorithms, {
    reads,
    onProgress: progress.update,
    onSkip: (s) => (values.json ? skipped.push(s) : io.err(`skipped ${s.path}: ${s.reason}\n`)),
    onFile: (raw) => {
      const f = raw.digests && encoding !== 'hex' ? { ...raw, digests: encodeDigests(raw.digests, encoding) } : raw;
      if (f.error) {
        failed = true;
        out.flush(); // keep stdout and stderr in the files' order
        io.err(`error: ${f.error.message}\n`);
      }
      if (values.json) out.write(`${count++ ? ',' : ''}\n    ${nestedJson(f, 2)}`);
      else if (f.digests) {
        let text = `${f.path}\n`;
        for (let k = 0; k < algorithms.length; k++) text += `${labels[k]}${f.digests[algorithms[k]!]}\n`;
        out.write(text);
      }
    },
  });
  progress.done();
  if (values.json) out.write(`${count ? '\n  ' : ''}],\n  "skipped": ${nestedJson(skipped, 1)}\n}\n`);
  out.flush();
  return failed ? 2 : 0;
}
