// Expands the paths a user gave into the files to hash: folders recursively, in name order,
// following links but never around a loop, passing over sockets, devices and pipes with a note.
import { promises as fs, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { FileError, SkipNote } from '../common/hash-types.js';
import { fileError } from './file-errors.js';

export interface FoundFile {
  path: string;
  size: number;
  /** Device id: files on one device are read one after another. */
  dev: number;
}

export interface WalkResult {
  files: FoundFile[];
  /** Paths that could not be read at all (the given path is missing, a folder is unreadable…). */
  errors: { path: string; error: FileError }[];
  skipped: SkipNote[];
  /** Paths of files and errors in the order met, for results in the user's order. */
  order: string[];
}

function special(st: Stats): string | undefined {
  if (st.isSocket()) return 'a socket';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return undefined;
}

export async function walk(paths: string[], options: { recursive?: boolean } = {}): Promise<WalkResult> {
  const result: WalkResult = { files: [], errors: [], skipped: [], order: [] };
  const recursive = options.recursive ?? true;

  async function visit(path: string, ancestors: Set<string>, given: boolean): Promise<void> {
    let st: Stats;
    try {
      st = await fs.stat(path);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (!given && (e.code === 'ENOENT' || e.code === 'ELOOP')) {
        // A dangling or looping link inside a folder is a note, not a failure of the call.
        result.skipped.push({ path, reason: e.code === 'ELOOP' ? 'a symbolic link loop' : 'a broken symbolic link' });
      } else {
        result.errors.push({ path, error: fileError(path, err) });
        result.order.push(path);
      }
      return;
    }
    if (st.isFile()) {
      result.files.push({ path, size: st.size, dev: st.dev });
      result.order.push(path);
      return;
    }
    const kind = special(st);
    if (kind) {
      result.skipped.push({ path, reason: `${kind}, not a file` });
      return;
    }
    if (!st.isDirectory()) return;
    if (!recursive && !given) return;
    const key = `${st.dev}:${st.ino}`;
    if (ancestors.has(key)) {
      result.skipped.push({ path, reason: 'a symbolic link back to a folder above it (a loop)' });
      return;
    }
    let names: string[];
    try {
      names = (await fs.readdir(path)).sort();
    } catch (err) {
      result.errors.push({ path, error: fileError(path, err) });
      result.order.push(path);
      return;
    }
    const below = new Set(ancestors).add(key);
    for (const name of names) await visit(join(path, name), below, false);
  }

  for (const p of paths) await visit(p, new Set(), true);
  return result;
}
