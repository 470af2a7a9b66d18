// Shapes of hashing results and progress, shared by the engine, the CLI and (over IPC) the renderer.
import type { AlgorithmId, ImplementationName } from './algorithms.js';

/** Lower-case hex digests by algorithm; the one place digests cross boundaries as text. */
export type DigestMap = Partial<Record<AlgorithmId, string>>;

export interface FileError {
  /** errno-style code (ENOENT, EACCES…) or one of ours: CHANGED, DELETED, CANCELLED, NOT_A_FILE, WORKER. */
  code: string;
  /** One line naming the file and the cause. */
  message: string;
}

export interface FileHashResult {
  path: string;
  size?: number;
  digests?: DigestMap;
  /** Which implementation produced each digest (node:crypto, native, wasm…). */
  implementations?: Partial<Record<AlgorithmId, ImplementationName>>;
  error?: FileError;
}

/** Something passed over while expanding folders: a symlink loop, a socket, a device… */
export interface SkipNote {
  path: string;
  reason: string;
}

export interface HashProgress {
  bytesDone: number;
  totalBytes: number;
  /** Throughput since the start of the call. */
  bytesPerSecond: number;
  filesDone: number;
  filesTotal: number;
  currentPath?: string;
}
