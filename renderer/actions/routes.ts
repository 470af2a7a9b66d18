// Where opened and dropped paths go. Each screen registers the kinds it takes when its module loads, so
// the frame (drop zone, open-with) needs to know no screen's insides. Menu commands: app/menu.ts.
import type { PathKind } from '../../main/common/ipc/contract.js';

type PathHandler = (paths: string[]) => boolean | void;
const pathHandlers = new Map<PathKind, PathHandler>();

/** A screen takes paths of this kind; return false from the handler to decline (they are then hashed). */
export function onPaths(kind: PathKind, handler: PathHandler): void {
  pathHandlers.set(kind, handler);
}

/** The kind of a path by its name: checksum files, reports, case files and HAR captures have their screens. */
export function kindOfPath(path: string): PathKind {
  const name = path.split(/[\\/]/).pop() ?? path;
  if (/\.(sha(1|224|256|384|512)|md5|sfv|b3|b2)$|^(SHA\d*SUMS|MD5SUMS|B3SUMS)$/i.test(name)) return 'checksum';
  if (/\.hwcase$/i.test(name)) return 'case';
  if (/\.har$/i.test(name)) return 'har';
  if (/\.json$/i.test(name)) return 'report';
  return 'files';
}

/**
 * Sends paths to the screen that takes their kind. Returns the paths no screen took: the caller
 * hashes those (a .json that is not a report is just a file to hash).
 */
export function routePaths(paths: string[], kind?: PathKind): string[] {
  const left: string[] = [];
  const groups = new Map<PathKind, string[]>();
  for (const p of paths) {
    const k = kind ?? kindOfPath(p);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const [k, group] of groups) {
    const handler = k === 'files' ? undefined : pathHandlers.get(k);
    if (!handler || handler(group) === false) left.push(...group);
  }
  return left;
}
