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
export const MAX_SLOTS = CTRL.SIZE - CTRL.LENGTHS;

export const STATE = { RUNNING: 0, EOF: 1, ABORTED: 2 } as const;

export interface RingJob {
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
  slots: number;
  chunkSize: number;
}

export type Forced = Partial<Record<AlgorithmId, ImplementationName>>;

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
    }
  | { type: 'file'; jobId: number; role: 'follower'; index: number; algorithms: AlgorithmId[]; ring: RingJob; forced?: Forced }
  | { type: 'bytes'; jobId: number; data: Uint8Array; algorithms: AlgorithmId[]; forced?: Forced };

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
  | { type: 'failed'; jobId: number; error: FileError };
