import { parseArgs } from 'node:util';
import { algorithmInfo } from '../../common/algorithms.js';
import type { VerifyEntryResult } from '../../common/hash-types.js';
import type { HashPool } from '../../node/hash-pool.js';
import { verifyChecksumFile } from '../../node/verify-checksums.js';
import { bufferedOut, printJson, UsageError, type Io } from '../io.js';
import { parseAlgorithms, readMode } from './hash.js';

export async function verifyCommand(args: string[], pool: () => HashPool, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      algo: { type: 'string', short: 'a' },
      json: { type: 'boolean' },
      'parallel-reads': { type: 'boolean' },
      'serial-reads': { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('verify: usage: hash-workbench verify <checksum-file> [--algo a]');
  const algos = values.algo === undefined ? undefined : parseAlgorithms(values.algo);
  if (algos && algos.length !== 1) throw new UsageError('verify: --algo takes one algorithm');
  const out = bufferedOut(io);
  const line = (e: VerifyEntryResult) => {
    const how = e.algorithm
      ? ` [${algorithmInfo(e.algorithm).label}${e.algorithmSource === 'digest-length' ? ', found by digest length' : ''}]`
      : '';
    if (e.status === 'ok') return `${e.path}: OK${how}\n`;
    if (e.status === 'mismatch') return `${e.path}: FAILED${how}\n`;
    if (e.status === 'missing') return `${e.path}: MISSING\n`;
    return `${e.path}: ERROR ${e.error?.message ?? ''}\n`;
  };
  // Text output streams line by line and keeps nothing per entry; --json keeps its documented whole shape.
  const result = await verifyChecksumFile(pool(), positionals[0]!, {
    algorithm: algos?.[0],
    reads: readMode(values),
    keep: values.json === true,
    onEntry: values.json ? undefined : (e) => out.write(line(e)),
  });
  out.flush();
  if (values.json) {
    printJson(io, result);
  } else {
    for (const p of result.problems) io.err(`line ${p.line}: ${p.reason}\n`);
    const s = result.summary;
    io.err(`${s.ok} OK, ${s.mismatch} failed, ${s.missing} missing, ${s.error} unreadable\n`);
  }
  return result.summary.mismatch + result.summary.missing + result.summary.error > 0 ? 1 : 0;
}
