import { parseArgs } from 'node:util';
import { compareFiles } from '../../node/compare-files.js';
import { printJson, UsageError, type Io } from '../io.js';

export async function compareCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 2) throw new UsageError('compare: usage: hash-workbench compare <a> <b>');
  const [a, b] = positionals as [string, string];
  const r = await compareFiles(a, b);
  if (values.json) {
    printJson(io, { a, b, ...r });
  } else if (r.equal) {
    io.out(`EQUAL: ${a} and ${b} are identical (${r.sizes[0]} bytes)\n`);
  } else {
    io.out(`DIFFERENT: first difference at byte ${r.offset} (sizes ${r.sizes[0]} and ${r.sizes[1]})\n`);
    for (const [name, w] of [
      [a, r.windows![0]],
      [b, r.windows![1]],
    ] as const) {
      io.out(`  ${name} @${w.start}\n    ${w.hex}\n    ${w.text}\n`);
    }
  }
  return r.equal ? 0 : 1;
}
