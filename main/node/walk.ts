// Expands the paths a user gave into the files to hash, as a stream in the user's order: given paths
// first to last, folders recursively in name order, following links but never around a loop,
// passing over sockets, devices and pipes with a note. Nothing is kept per file once it is handed on,
// so a folder of a million files is walked in constant memory (one folder's names at a time).
// A plain file inside a folder is not stat'ed here: the hashing thread that opens it learns its size
// (the folder's entry type says it is a file); given paths, links and folders are.
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FileError, SkipNote } from '../common/hash-types.js';
import { fileError } from './file-errors.js';

export interface FoundFile {
  path: string;
  /** Unknown (undefined) for a plain file met inside a folder, until a thread opens it. */
  size?: number;
  /** Device id: large files on one spinning disk are read one after another. */
  dev?: number;
  mtimeMs?: number;
}

export type WalkEntry =
  | ({ kind: 'file' } & FoundFile)
  /** A path that could not be read at all (the given path is missing, a folder is unreadable…). */
  | { kind: 'error'; path: string; error: FileError }
  | ({ kind: 'skip' } & SkipNote);

function special(st: Stats): string | undefined {
  if (st.isSocket()) return 'a socket';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return undefined;
}

/**
 * What join(folder, name) puts before a name: the folder normalised once, so that joining many names
 * costs one concatenation each instead of a normalisation each.
 */
export function childPrefix(folder: string): string {
  const f = join(folder, '');
  return f === '.' ? '' : f.endsWith(sep) ? f : f + sep;
}

/**
 * True when join(folder, path) is childPrefix(folder) + path: a relative path of plain names (no '.',
 * '..' or empty segment, no trailing '/'). Only where '/' is the separator: elsewhere join rewrites it.
 */
export function plainRelative(path: string): boolean {
  return sep === '/' && path !== '' && path[0] !== '/' && !/(?:^|\/)\.\.?(?:\/|$)|\/\/|\/$/.test(path);
}

/** Entries between two turns of the event loop: the walk uses synchronous calls (a stat each), in slices. */
const SLICE = 512;

/** The walk in slices of entries (arrays, so a million files cost a few thousand awaits, not a million). */
export async function* walkStream(paths: string[], options: { recursive?: boolean } = {}): AsyncGenerator<WalkEntry[]> {
  const recursive = options.recursive ?? true;

  function* visit(path: string, ancestors: Set<string>, given: boolean, dirent?: Dirent): Generator<WalkEntry> {
    if (dirent?.isFile()) {
      yield { kind: 'file', path };
      return;
    }
    if (dirent && (dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice())) {
      const kind = dirent.isFIFO() ? 'a named pipe' : dirent.isSocket() ? 'a socket' : 'a device';
      yield { kind: 'skip', path, reason: `${kind}, not a file` };
      return;
    }
    let st: Stats;
    try {
      st = statSync(path);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (!given && (e.code === 'ENOENT' || e.code === 'ELOOP')) {
        // A dangling or looping link inside a folder is a note, not a failure of the call.
        yield { kind: 'skip', path, reason: e.code === 'ELOOP' ? 'a symbolic link loop' : 'a broken symbolic link' };
      } else {
        yield { kind: 'error', path, error: fileError(path, err) };
      }
      return;
    }
    if (st.isFile()) {
      yield { kind: 'file', path, size: st.size, dev: st.dev, mtimeMs: st.mtimeMs };
      return;
    }
    const kind = special(st);
    if (kind) {
      yield { kind: 'skip', path, reason: `${kind}, not a file` };
      return;
    }
    if (!st.isDirectory()) return;
    if (!recursive && !given) return;
    const key = `${st.dev}:${st.ino}`;
    if (ancestors.has(key)) {
      yield { kind: 'skip', path, reason: 'a symbolic link back to a folder above it (a loop)' };
      return;
    }
    let names: Dirent[];
    try {
      names = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      yield { kind: 'error', path, error: fileError(path, err) };
      return;
    }
    ancestors.add(key);
    const prefix = childPrefix(path);
    for (const d of names) {
      // A plain file is the common case: no generator of its own.
      if (d.isFile()) yield { kind: 'file', path: prefix + d.name };
      else yield* visit(prefix + d.name, ancestors, false, d);
    }
    ancestors.delete(key);
  }

  let slice: WalkEntry[] = [];
  for (const p of paths) {
    for (const entry of visit(p, new Set(), true)) {
      slice.push(entry);
      if (slice.length >= SLICE) {
        yield slice;
        slice = [];
        await yieldToLoop();
      }
    }
  }
  if (slice.length) yield slice;
}

export interface WalkResult {
  files: FoundFile[];
  errors: { path: string; error: FileError }[];
  skipped: SkipNote[];
  /** Paths of files and errors in the order met. */
  order: string[];
}

/** The whole walk at once, for callers that want a list. */
export async function walk(paths: string[], options: { recursive?: boolean } = {}): Promise<WalkResult> {
  const result: WalkResult = { files: [], errors: [], skipped: [], order: [] };
  for await (const slice of walkStream(paths, options)) {
    for (const e of slice) {
      if (e.kind === 'skip') result.skipped.push({ path: e.path, reason: e.reason });
      else if (e.kind === 'error') {
        result.errors.push({ path: e.path, error: e.error });
        result.order.push(e.path);
      } else {
        result.files.push({ path: e.path, size: e.size, dev: e.dev, mtimeMs: e.mtimeMs });
        result.order.push(e.path);
      }
    }
  }
  return result;
}
