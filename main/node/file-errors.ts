import { errorInfo, WorkbenchError, type ErrorCode } from '../common/errors.js';
import type { FileError } from '../common/hash-types.js';

const CAUSES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links (a link loop)',
  EMFILE: 'too many open files',
  EIO: 'input/output error reading the disk',
  EBUSY: 'the file is busy (locked by another program)',
  ENAMETOOLONG: 'the path is too long',
};

/** Turns any thrown value into the one-line, user-facing error for a path (ours already names it). */
export function fileError(path: string, err: unknown): FileError {
  if (err instanceof WorkbenchError) return err.toInfo();
  const { code, message } = errorInfo(err);
  return { code, message: `${path}: ${CAUSES[code] ?? message}` };
}

/** The error of a file: its message is the one line the user sees, and it survives promise chains and worker messages. */
export function failure(code: ErrorCode, message: string): WorkbenchError {
  return new WorkbenchError(code, message);
}
