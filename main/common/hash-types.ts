// Shapes of hashing results and progress, shared by the engine, the CLI and (over IPC) the renderer.
import type { AlgorithmId, ImplementationName } from './algorithms.js';
import type { ByteWindow } from './byte-window.js';
import type { ChecksumEntry, ChecksumFormat, ChecksumProblem } from './checksum-file.js';
import type { Encoding } from './encodings.js';
import type { ErrorInfo } from './errors.js';
import type { PasteRole } from './paste.js';

/** Lower-case hex digests by algorithm; the one place digests cross boundaries as text. */
export type DigestMap = Partial<Record<AlgorithmId, string>>;

/** A file's error: an errno code (ENOENT, EACCES…) or one of ours (CHANGED, DELETED, CANCELLED…); the message names the file. */
export type FileError = ErrorInfo;

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

// Results of the file services, shared by the CLI's JSON and (over IPC) the renderer.

export interface HashFilesResult {
  /** One entry per file found or path that failed, in the order the paths were given. */
  files: FileHashResult[];
  skipped: SkipNote[];
}

export interface CheckReading {
  algorithm: AlgorithmId;
  encoding: Encoding;
  role: PasteRole;
}

export interface CheckResult {
  path: string;
  /** What the paste was recognised as ("SRI value", "GNU checksum line"…). */
  form: string;
  /** Every reading of the paste that was tried. */
  tried: CheckReading[];
  /** The readings whose digest equals the file's. */
  matches: CheckReading[];
  /** The file's digests for the algorithms tried (hex). */
  digests: DigestMap;
  size: number;
}

export interface CompareResult {
  equal: boolean;
  sizes: [number, number];
  /** First differing byte; when one file is a prefix of the other, the shorter one's size. */
  offset?: number;
  windows?: [ByteWindow, ByteWindow];
}

export type VerifyStatus = 'ok' | 'mismatch' | 'missing' | 'error';

export interface VerifyEntryResult {
  line: number;
  /** As written in the checksum file. */
  path: string;
  resolvedPath: string;
  format: ChecksumFormat;
  status: VerifyStatus;
  expected: string;
  /** The algorithm that matched, or the one(s) tried. */
  algorithm?: AlgorithmId;
  tried: AlgorithmId[];
  algorithmSource: ChecksumEntry['algorithmSource'];
  actual?: DigestMap;
  error?: FileError;
}

export interface VerifyResult {
  checksumFile: string;
  entries: VerifyEntryResult[];
  problems: ChecksumProblem[];
  summary: Record<VerifyStatus, number>;
}
