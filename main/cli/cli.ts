// The hash-workbench command: parses arguments, calls the node/ services, prints. No logic of its own.
import { errorInfo } from '../common/errors.js';
import { HashPool } from '../node/hash-pool.js';
import { algorithmsCommand } from './commands/algorithms.js';
import { checkCommand } from './commands/check.js';
import { compareCommand } from './commands/compare.js';
import { DIAGNOSE_USAGE, diagnoseCommand } from './commands/diagnose.js';
import { hashCommand } from './commands/hash.js';
import { mergeCommand } from './commands/merge.js';
import { parseLogCommand } from './commands/parse-log.js';
import { sumCommand } from './commands/sum.js';
import { verifyCommand } from './commands/verify.js';
import { processIo, UsageError, type Io } from './io.js';

declare const __APP_VERSION__: string | undefined;

const USAGE = `Usage: hash-workbench <command> [options]

Commands:
  hash <paths...> [--algo a,b|all] [--encoding hex|HEX|base64|base64url|outsystems|...] [--json]
                               [--parallel-reads]  (read files on one disk in parallel: for SSDs)
  check <file> <pasted hash>   exit 0 match, 1 no match, 2 nothing in the paste can be a hash
  compare <a> <b>              exit 0 equal, 1 different
  verify <checksum-file> [--algo a]   exit 0 all match, 1 mismatch or missing, 2 unreadable
  sum <paths...> [--format gnu|bsd|sfv] [--algo a]
  algorithms [--json]          the algorithms and the implementation each uses here
  ${DIAGNOSE_USAGE.replace(/\n/g, '\n  ')}
  parse-log <file>|- [--text]  the OTA lines recognised in a Service Center or device log, as JSON
  merge <a.json> <b.json>      join a customer's report with an agent's and judge them again

Add --json for machine-readable output. Every error is one line on stderr.
`;

export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev'}\n`);
    return 0;
  }
  let pool: HashPool | undefined;
  const getPool = () => (pool ??= new HashPool());
  try {
    switch (command) {
      case 'hash':
        return await hashCommand(args, getPool(), io);
      case 'check':
        return await checkCommand(args, getPool(), io);
      case 'compare':
        return await compareCommand(args, io);
      case 'verify':
        return await verifyCommand(args, getPool(), io);
      case 'sum':
        return await sumCommand(args, getPool(), io);
      case 'algorithms':
        return await algorithmsCommand(args, io);
      case 'diagnose':
        return await diagnoseCommand(args, getPool(), io);
      case 'parse-log':
        return await parseLogCommand(args, io);
      case 'merge':
        return await mergeCommand(args, io);
      default:
        throw new UsageError(`unknown command ${command} (run "hash-workbench --help")`);
    }
  } catch (err) {
    // Ours (WorkbenchError), node:util parseArgs's ERR_PARSE_ARGS_* for unknown or malformed options, or any other.
    io.err(`error: ${errorInfo(err).message}\n`);
    return 2;
  } finally {
    await pool?.destroy();
  }
}
