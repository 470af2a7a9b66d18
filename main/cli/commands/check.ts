import { parseArgs } from 'node:util';
import { describeCandidates } from '../../common/paste.js';
import { checkHash, checkStream, NothingToCheck } from '../../node/check-hash.js';
import type { HashPool } from '../../node/hash-pool.js';
import { printJson, UsageError, type Io } from '../io.js';
import { readStdin, STDIN } from '../stdin.js';

export async function checkCommand(args: string[], pool: () => HashPool, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length < 2) throw new UsageError('check: usage: hash-workbench check <file|-> <pasted hash | ->');
  const [path, ...rest] = positionals as [string, ...string[]];
  const pasteFromStdin = rest.length === 1 && rest[0] === STDIN;
  if (path === STDIN && pasteFromStdin) throw new UsageError('check: standard input can be the file or the paste, not both (check - -)');
  const pasted = pasteFromStdin ? await readStdin() : rest.join(' ');
  let result;
  try {
    result = path === STDIN ? await checkStream(pool(), process.stdin, STDIN, pasted) : await checkHash(pool(), path, pasted);
  } catch (err) {
    if (err instanceof NothingToCheck) {
      if (values.json) printJson(io, { file: path, matched: false, problem: err.message, tried: [] });
      io.err(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const matched = result.matches.length > 0;
  if (values.json) {
    printJson(io, {
      file: path,
      form: result.form,
      matched,
      match: result.matches[0] ?? null,
      matches: result.matches,
      tried: result.tried,
      digests: result.digests,
      size: result.size,
    });
  } else if (matched) {
    for (const m of result.matches) {
      const role =
        m.role === 'value'
          ? ''
          : m.role === 'expected'
            ? ' the expected hash (Received hash, from the moduleinfo)'
            : ' the device calculated hash';
      io.out(`MATCH: ${path} has${role || ' this'} ${describeCandidates([m])} digest\n`);
    }
  } else {
    io.out(`NO MATCH: ${path} does not match the pasted ${result.form}; tried ${describeCandidates(result.tried)}\n`);
  }
  return matched ? 0 : 1;
}
