// Messages between the hash pool (main thread) and its worker threads, and the layout of the
// shared ring through which one reader feeds several hashing threads the same chunks.
import type { AlgorithmId, ImplementationName } from '../common/algorithms.js';
import type { FileError } from '../common/hash-types.js';

/** Int32 indexes into the control block. */
export const CTRL = {
  PRODUCED: 0, // chunks the reader has put in the ring (monotonic)
  STATE: 1, // RUNNING, EOF or ABORTED
  CANCEL: 2, // set by the pool to stop the job
  CONSUMED: 4, // + follower index: chunks that follower has hashed
  LENGTHS: 32, // + slot: bytes in that slot
  SIZE: 64,
} as const;
export const MAX_FOLLOWERS = CTRL.LENGTHS - CTRL.CONSUMED;

export const STATE = { RUNNING: 0, EOF: 1, ABORTED: 2 } as const;

/** One thread's ring, allocated once when the thread starts and reused by every file it leads. */
export interface RingJob {
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
  slots: number;
  chunkSize: number;
}

export type Forced = Partial<Record<AlgorithmId, ImplementationName>>;

/** A small file of a batch: read whole into the thread's reused buffer, hashed, checked against its listed size. */
export interface BatchFile {
  path: string;
  /**
   * Size when listed; a file that no longer has it gave bytes that never existed together with its
   * listing. -1 when not listed with a size (a plain file inside a folder): the thread reads its size.
   */
  size: number;
  /** Modification time when listed (ms); a file written since gives CHANGED. */
  mtimeMs?: number;
  /** Index into the batch's algorithm sets (verify hashes each entry with its own). */
  set: number;
}

export type BatchOutcome =
  | {
      digests: Partial<Record<AlgorithmId, Uint8Array>>;
      size: number;
    }
  | { error: FileError }
  /** An unsized file that turned out too big for a batch: handed back to be read on its own. */
  | { large: { size: number; mtimeMs: number; dev: number } };

/**
 * A batch as it crosses threads: flat, so one message of a few hundred files costs one copy of a
 * string and three arrays instead of a structured clone of hundreds of objects.
 */
export interface PackedBatch {
  /** The paths, joined by NUL (which no path holds). */
  paths: string;
  sizes: Float64Array;
  /** NaN where unknown. */
  mtimes: Float64Array;
  sets: Uint16Array;
}

/** The answer to a packed batch: every good file's digests back to back (its set's algorithms in order). */
export interface PackedOutcomes {
  digests: Uint8Array;
  /** Bytes read per file; -1 for a file that failed or was handed back. */
  sizes: Float64Array;
  errors: { index: number; error: FileError }[];
  large: { index: number; size: number; mtimeMs: number; dev: number }[];
}

export function packBatch(files: BatchFile[]): PackedBatch {
  const n = files.length;
  const packed = {
    paths: files.map((f) => f.path).join('\0'),
    sizes: new Float64Array(n),
    mtimes: new Float64Array(n),
    sets: new Uint16Array(n),
  };
  files.forEach((f, i) => {
    packed.sizes[i] = f.size;
    packed.mtimes[i] = f.mtimeMs ?? NaN;
    packed.sets[i] = f.set;
  });
  return packed;
}

export function unpackBatch(p: PackedBatch): BatchFile[] {
  return p.paths.split('\0').map((path, i) => ({
    path,
    size: p.sizes[i]!,
    mtimeMs: Number.isNaN(p.mtimes[i]!) ? undefined : p.mtimes[i]!,
    set: p.sets[i]!,
  }));
}

/** The implementation each algorithm uses in this thread, by algorithm: the order calibration measured. */
export type Preferences = Partial<Record<AlgorithmId, readonly ImplementationName[]>>;

export type WorkerRequest =
  | {
      type: 'file';
      jobId: number;
      role: 'lead';
      path: string;
      algorithms: AlgorithmId[];
      ring: RingJob;
      followers: number;
      forced?: Forced;
      listed?: { size: number; mtimeMs?: number };
    }
  | { type: 'file'; jobId: number; role: 'follower'; index: number; algorithms: AlgorithmId[]; ring: RingJob; forced?: Forced }
  | { type: 'bytes'; jobId: number; data: Uint8Array; algorithms: AlgorithmId[]; forced?: Forced }
  | {
      type: 'batch';
      jobId: number;
      files: PackedBatch;
      sets: AlgorithmId[][];
      /** The thread's control block: CANCEL stops the batch between two files. */
      control: SharedArrayBuffer;
      /** An unsized file at least this big is handed back instead of read. */
      batchLimit: number;
      forced?: Forced;
    }
  | { type: 'prefer'; jobId: number; preferences: Preferences }
  /** A stream (standard input): chunks follow as messages; each is answered with a progress reply. */
  | { type: 'stream-start'; jobId: number; algorithms: AlgorithmId[]; forced?: Forced }
  | { type: 'stream-chunk'; jobId: number; data: Uint8Array }
  | { type: 'stream-end'; jobId: number }
  | { type: 'calibrate'; jobId: number; candidates: CalibrationCandidates[]; bytes: number; runs: number };

/** The candidates of one algorithm to measure. */
export interface CalibrationCandidates {
  id: AlgorithmId;
  implementations: readonly ImplementationName[];
}

/** Single-thread bytes per second of each candidate that loads (best of the runs). */
export interface CalibrationMeasurement {
  id: AlgorithmId;
  rates: Partial<Record<ImplementationName, number>>;
}

export type WorkerReply =
  | { type: 'progress'; jobId: number; bytes: number }
  | {
      type: 'done';
      jobId: number;
      digests: Partial<Record<AlgorithmId, Uint8Array>>;
      implementations: Partial<Record<AlgorithmId, ImplementationName>>;
      size?: number;
      /** Time spent reading and hashing, excluding start-up and waiting for a worker. */
      hashMs: number;
    }
  | {
      type: 'batch-done';
      jobId: number;
      outcomes: PackedOutcomes;
      implementations: Partial<Record<AlgorithmId, ImplementationName>>;
    }
  | { type: 'calibrated'; jobId: number; results: CalibrationMeasurement[] }
  | { type: 'failed'; jobId: number; error: FileError };
