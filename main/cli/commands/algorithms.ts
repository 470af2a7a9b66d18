import { parseArgs } from 'node:util';
import { ALGORITHMS } from '../../common/algorithms.js';
import { chooseImplementation } from '../../node/hashers/select.js';
import { printJson, type Io } from '../io.js';

export async function algorithmsCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  // The main thread probes the same way the workers do, so this says what hashing will use.
  const rows = await Promise.all(
    ALGORITHMS.map(async (a) => {
      const chosen = await chooseImplementation(a.id).catch(() => undefined);
      return {
        id: a.id,
        label: a.label,
        digestBytes: a.digestBytes,
        aliases: [a.bsdTag, ...a.aliases],
        implementation: chosen?.implementation ?? null,
        fallbacks: a.implementations.filter((i) => i !== chosen?.implementation),
      };
    }),
  );
  if (values.json) {
    printJson(io, rows);
    return 0;
  }
  for (const r of rows) {
    io.out(
      `${r.id.padEnd(12)} ${r.label.padEnd(12)} ${String(r.digestBytes * 8).padStart(3)} bits  ` +
        `${(r.implementation ?? 'unavailable').padEnd(6)}  also: ${r.aliases.join(', ')}\n`,
    );
  }
  return 0;
}
