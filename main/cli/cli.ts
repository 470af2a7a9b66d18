// The hash-workbench command: parses arguments, calls the node/ services, prints. No logic of its own.
// Each command's module is loaded when it runs, so `hash` starts without the OTA code.
import { errorInfo } from '../common/errors.js';
import { HashPool } from '../node/hash-pool.js';
import { calibrationDisabled, defaultCacheDir } from '../node/hashers/calibrate.js';
import { processIo, UsageError, type Io } from './io.js';

declare const __APP_VERSION__: string | undefined;
const VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

const usage = (diagnose: string) => `Usage: hash-workbench <command> [options]

Commands:
  hash <paths...|-> [--algo a,b|all] [--encoding hex|HEX|base64|base64url|outsystems|...] [--json]
                               [--parallel-reads | --serial-reads]  (- hashes standard input)
  check <file|-> <pasted hash | ->   exit 0 match, 1 no match, 2 nothing in the paste can be a hash
  compare <a> <b>              exit 0 equal, 1 different
  verify <checksum-file> [--algo a]   exit 0 all match, 1 mismatch or missing, 2 unreadable
  sum <paths...> [--format gnu|bsd|sfv] [--algo a]
  algorithms [--json]          the algorithms and the implementation each uses here
  ${diagnose.replace(/\n/g, '\n  ')}
  parse-log <file>|- [--text]  the OTA lines recognised in a Service Center or device log, as JSON
  merge <a.json> <b.json>      join a customer's report with an agent's and judge them again

Add --json for machine-readable output; --no-calibrate (or HASH_WORKBENCH_NO_CALIBRATE=1) keeps the
measured table's implementations instead of measuring this machine once. Every error is one line on stderr.
`;

type Command = (args: string[], pool: () => HashPool, io: Io) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  hash: async () => (await import('./commands/hash.js')).hashCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  compare: async () => {
    const { compareCommand } = await import('./commands/compare.js');
    return (args, _pool, io) => compareCommand(args, io);
  },
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
  sum: async () => (await import('./commands/sum.js')).sumCommand,
  algorithms: async () => {
    const { algorithmsCommand } = await import('./commands/algorithms.js');
    return (args, _pool, io) => algorithmsCommand(args, io);
  },
  diagnose: async () => {
    const { diagnoseCommand } = await import('./commands/diagnose.js');
    return (args, pool, io) => diagnoseCommand(args, pool(), io);
  },
  'parse-log': async () => {
    const { parseLogCommand } = await import('./commands/parse-log.js');
    return (args, _pool, io) => parseLogCommand(args, io);
  },
  merge: async () => {
    const { mergeCommand } = await import('./commands/merge.js');
    return (args, _pool, io) => mergeCommand(args, io);
  },
};

export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    // The help text is the only place outside diagnose that needs its usage: loaded only here.
    io.out(usage((await import('./commands/diagnose.js')).DIAGNOSE_USAGE));
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const noCalibrate = rest.includes('--no-calibrate') || calibrationDisabled();
  const args = rest.filter((a) => a !== '--no-calibrate');
  let pool: HashPool | undefined;
  // Lazily: a command that hashes nothing starts no thread; inputs below 1 MiB are hashed on this one.
  const getPool = () =>
    (pool ??= new HashPool({
      inlineBelow: 1 << 20,
      calibration: noCalibrate ? undefined : { cacheDir: defaultCacheDir(), appVersion: VERSION },
    }));
  try {
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw new UsageError(`unknown command ${command} (run "hash-workbench --help")`);
    return await (
      await load()
    )(args, getPool, io);
  } catch (err) {
    // Ours (WorkbenchError), node:util parseArgs's ERR_PARSE_ARGS_* for unknown or malformed options, or any other.
    io.err(`error: ${errorInfo(err).message}\n`);
    return 2;
  } finally {
    await pool?.destroy();
  }
}
