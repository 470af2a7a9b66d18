// hash-workbench parse-log <file>|-: the OTA lines recognised in a pasted log, as JSON.
import { parseArgs } from 'node:util';
import { checksumFailures } from '../../common/ota/log-lines.js';
import { readLogFile, readLogStream } from '../../node/ota/inputs.js';
import { printJson, UsageError, type Io } from '../io.js';

export async function parseLogCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { text: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('parse-log: usage: hash-workbench parse-log <file>|- [--text]');
  const file = positionals[0]!;
  // Read as diagnose --log reads it: line by line, decoded by its byte-order mark, lines bounded.
  const { entries, unrecognised } = file === '-' ? await readLogStream(process.stdin) : await readLogFile(file);
  if (values.text) {
    for (const e of entries)
      io.out(`line ${e.line}: ${e.title}${e.path ? ` — ${e.path}` : ''}\n  ${e.explanation}\n  Next: ${e.nextStep}\n`);
    io.err(`${entries.length} recognised, ${unrecognised} not recognised\n`);
  } else {
    printJson(io, { entries, checksumFailures: checksumFailures(entries), unrecognised });
  }
  // 1 when nothing in the text is an OTA line: a script can tell "wrong paste" from "parsed".
  return entries.length ? 0 : 1;
}
