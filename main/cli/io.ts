// What every command shares: where output goes, the exit codes, and a progress line on a terminal.
import type { HashProgress } from '../common/hash-types.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: only then is progress drawn. */
  errIsTty: boolean;
}

export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  errIsTty: Boolean(process.stderr.isTTY),
};

/** A usage mistake: one line, exit 2. */
export class UsageError extends Error {}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

const mb = (n: number) => (n / 1e6).toFixed(1);

/** Draws "hashing big.iso  512.0/1024.0 MB  1450.2 MB/s" over itself on a terminal; silent otherwise. */
export function progressLine(io: Io): { update: (p: HashProgress) => void; done: () => void } {
  if (!io.errIsTty) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    update: (p) => {
      const name = p.currentPath ? ` ${p.currentPath.slice(-40)}` : '';
      io.err(`\r\x1b[2K${p.filesDone}/${p.filesTotal} files${name}  ${mb(p.bytesDone)}/${mb(p.totalBytes)} MB  ${mb(p.bytesPerSecond)} MB/s`);
      drawn = true;
    },
    done: () => {
      if (drawn) io.err('\r\x1b[2K');
    },
  };
}
