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

/** Turns any thrown value into the one-line, user-facing error for a path. */
export function fileError(path: string, err: unknown): FileError {
  const e = err as NodeJS.ErrnoException & { fileError?: FileError };
  if (e && e.fileError) return e.fileError;
  const code = typeof e?.code === 'string' ? e.code : 'ERROR';
  const cause = CAUSES[code] ?? (e instanceof Error ? e.message : String(err));
  return { code, message: `${path}: ${cause}` };
}

/** An Error that carries its user-facing form through promise chains and worker messages. */
export function failure(code: string, message: string): Error & { fileError: FileError } {
  return Object.assign(new Error(message), { fileError: { code, message } });
}
