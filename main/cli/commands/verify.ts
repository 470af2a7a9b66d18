import { parseArgs } from 'node:util';
import { algorithmInfo } from '../../common/algorithms.js';
import type { HashPool } from '../../node/hash-pool.js';
import { verifyChecksumFile } from '../../node/verify-checksums.js';
import { printJson, UsageError, type Io } from '../io.js';
import { parseAlgorithms } from './hash.js';

export async function verifyCommand(args: string[], pool: HashPool, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { algo: { type: 'string', short: 'a' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('verify: usage: hash-workbench verify <checksum-file> [--algo a]');
  const algos = values.algo === undefined ? undefined : parseAlgorithms(values.algo);
  if (algos && algos.length !== 1) throw new UsageError('verify: --algo takes one algorithm');
  const result = await verifyChecksumFile(pool, positionals[0]!, { algorithm: algos?.[0] });
  if (values.json) {
    printJson(io, result);
  } else {
    for (const e of result.entries) {
      const how = e.algorithm
        ? ` [${algorithmInfo(e.algorithm).label}${e.algorithmSource === 'digest-length' ? ', found by digest length' : ''}]`
        : '';
      if (e.status === 'ok') io.out(`${e.path}: OK${how}\n`);
      else if (e.status === 'mismatch') io.out(`${e.path}: FAILED${how}\n`);
      else if (e.status === 'missing') io.out(`${e.path}: MISSING\n`);
      else io.out(`${e.path}: ERROR ${e.error?.message ?? ''}\n`);
    }
    for (const p of result.problems) io.err(`line ${p.line}: ${p.reason}\n`);
    const s = result.summary;
    io.err(`${s.ok} OK, ${s.mismatch} failed, ${s.missing} missing, ${s.error} unreadable\n`);
  }
  return result.summary.mismatch + result.summary.missing + result.summary.error > 0 ? 1 : 0;
}
