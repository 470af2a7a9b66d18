// What every command shares: where output goes, the exit codes, and a progress line on a terminal.
import { basename } from 'node:path';
import type { HashProgress } from '../common/hash-types.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: only then is progress drawn. */
  errIsTty: boolean;
}

/** The status a shell gives a command killed by SIGPIPE (128 + 13), as `sha256sum … | head` ends. */
export const CLOSED_PIPE_STATUS = 141;
let pipeWatched = false;
/**
 * A reader that stops early (`| head`) closes the pipe. Node ignores SIGPIPE and raises EPIPE on the next
 * write instead; without a listener that is an uncaught stack trace. Stop quietly, as coreutils do.
 */
function watchClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(CLOSED_PIPE_STATUS);
    throw e;
  });
}

export const processIo: Io = {
  out: (t) => {
    watchClosedPipe();
    process.stdout.write(t);
  },
  err: (t) => void process.stderr.write(t),
  errIsTty: Boolean(process.stderr.isTTY),
};

/** A usage mistake: one line, exit 2. */
export class UsageError extends Error {}

/**
 * Collects many small writes (one per file) and hands them to `io.out` in pieces of about 64 KB,
 * or at the next turn of the event loop, whichever comes first.
 */
export function bufferedOut(io: Io): { write: (text: string) => void; flush: () => void } {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending) io.out(pending);
    pending = '';
  };
  return {
    write: (text) => {
      pending += text;
      if (pending.length >= 64 * 1024) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => scheduled && flush());
      }
    },
    flush,
  };
}

/** `JSON.stringify(value, null, 2)` indented to sit at `depth` levels inside an outer document. */
export function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

const mb = (n: number) => (n / 1e6).toFixed(1);

/** One progress line: file count, current file name, percent, MB done, speed and time left. */
export function formatProgress(p: HashProgress): string {
  const name = p.currentPath ? ` ${basename(p.currentPath)}` : '';
  const percent = p.totalBytes > 0 ? Math.floor((p.bytesDone / p.totalBytes) * 100) : 100;
  const left = p.bytesPerSecond > 0 ? (p.totalBytes - p.bytesDone) / p.bytesPerSecond : undefined;
  const eta =
    left === undefined ? '' : `  ${left < 60 ? `${left.toFixed(0)} s` : `${Math.floor(left / 60)} min ${Math.round(left % 60)} s`} left`;
  return `${p.filesDone}/${p.filesTotal} files${name}  ${percent}%  ${mb(p.bytesDone)}/${mb(p.totalBytes)} MB  ${mb(p.bytesPerSecond)} MB/s${eta}`;
}

/**
 * Draws the progress line over itself on a terminal; silent otherwise (pipes, CI, --json consumers).
 * Off a terminal there is no `update`, so the scheduler does not even read the clock per file.
 */
export function progressLine(io: Io): { update?: (p: HashProgress) => void; done: () => void } {
  if (!io.errIsTty) return { done: () => undefined };
  let drawn = false;
  return {
    update: (p) => {
      io.err(`\r\x1b[2K${formatProgress(p)}`);
      drawn = true;
    },
    done: () => {
      if (drawn) io.err('\r\x1b[2K');
    },
  };
}
