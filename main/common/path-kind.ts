// What a path is, by its name: a file to hash, a checksum file (with the algorithm its name implies, if
// any), an OTA report, a case file or a HAR capture. The one place that decides it, for the command line
// and "Open with", drops and the renderer's routes, and `verify`'s algorithm from the file name.
import { findAlgorithm, type AlgorithmId } from './algorithms.js';

export type PathKind = 'files' | 'checksum' | 'report' | 'case' | 'har';

export type PathInfo =
  | { kind: 'checksum'; /** Undefined for names that carry none (`checksums.txt`, `CHECKSUMS`, `*SUMS`). */ algorithm?: AlgorithmId }
  | { kind: Exclude<PathKind, 'checksum'> };

/** Endings that wrap a checksum file without changing what it is: `SHA256SUMS.asc`, `ubuntu.iso.sha256.txt`. */
const WRAPPERS = /\.(txt|asc)$/i;
/** Checksum files whose name names no algorithm (`checksums.txt`, `CHECKSUMS`, `*SUMS`): the digest length decides. */
const NO_ALGORITHM = [/(^|[-_.])(checksums?|sums)$/i, /SUMS$/];
const BY_EXTENSION: Record<string, Exclude<PathKind, 'checksum' | 'files'>> = { json: 'report', hwcase: 'case', har: 'har' };

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function pathKind(path: string): PathInfo {
  const name = baseName(path).trim();
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const other = ext === undefined ? undefined : BY_EXTENSION[ext];
  if (other) return { kind: other };
  let stem = name;
  while (WRAPPERS.test(stem)) stem = stem.replace(WRAPPERS, '');
  const last = stem.split('.').pop() ?? '';
  // `.sha256`, `.b3`, `.sfv`, `.xxh64`… as the last extension; `SHA256SUMS`, `B2SUMS`, `app-1.2.3-sha512sums.txt` as
  // the name; `sha256sum.txt` only so wrapped (a bare `b2sum` is the program, not its output).
  const named = stem.includes('.') || /sums$/i.test(stem) || (stem !== name && /sum$/i.test(stem));
  const algorithm = named && last ? algorithmOfName(last) : undefined;
  if (algorithm) return { kind: 'checksum', algorithm };
  if (NO_ALGORITHM.some((re) => re.test(stem))) return { kind: 'checksum' };
  return { kind: 'files' };
}

/** The algorithm a checksum file's name announces (see pathKind); undefined when it names none. */
export function checksumFileAlgorithmFromName(fileName: string): AlgorithmId | undefined {
  const info = pathKind(fileName);
  return info.kind === 'checksum' ? info.algorithm : undefined;
}

function algorithmOfName(segment: string): AlgorithmId | undefined {
  const s = segment.toLowerCase();
  const direct = findAlgorithm(s);
  if (direct) return direct;
  const stripped = s.replace(/sums?$/, '');
  if (stripped && stripped !== s) {
    const found = findAlgorithm(stripped);
    if (found) return found;
  }
  // `foo-1.0-sha512sums`, `app-sha3-256sums`: the shortest tail of pieces before "sum(s)" that names an
  // algorithm; only when the name ends in "sum(s)", so `my-sha-notes` stays unknown.
  if (!stripped || stripped === s) return undefined;
  const pieces = stripped.split(/[-_\s]+/);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const found = findAlgorithm(pieces.slice(i).join('-'));
    if (found) return found;
  }
  return undefined;
}

/** Paths grouped by kind, in the order their kinds first appear: what the app sends each screen. */
export function groupByKind(paths: readonly string[]): Array<{ kind: PathKind; paths: string[] }> {
  const groups = new Map<PathKind, string[]>();
  for (const p of paths) {
    const kind = pathKind(p).kind;
    // Pushed, not copied: a drop of thousands of files would copy the group once per file.
    const group = groups.get(kind);
    if (group) group.push(p);
    else groups.set(kind, [p]);
  }
  return [...groups].map(([kind, group]) => ({ kind, paths: group }));
}
