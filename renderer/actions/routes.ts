// Where opened and dropped paths go. Each screen registers the kinds it takes when its module loads, so
// the frame (drop zone, open-with) needs to know no screen's insides. Menu commands: app/menu.ts.
import { groupByKind, type PathKind } from '../../main/common/path-kind.js';

type PathHandler = (paths: string[]) => boolean | void;
const pathHandlers = new Map<PathKind, PathHandler>();

/** A screen takes paths of this kind; return false from the handler to decline (they are then hashed). */
export function onPaths(kind: PathKind, handler: PathHandler): void {
  pathHandlers.set(kind, handler);
}

/**
 * Sends paths to the screen that takes their kind. Returns the paths no screen took: the caller
 * hashes those (a .json that is not a report is just a file to hash).
 */
export function routePaths(paths: string[], kind?: PathKind): string[] {
  const left: string[] = [];
  // Checksum files, reports, case files and HAR captures have their screens; pathKind says which a path is.
  for (const group of kind ? [{ kind, paths }] : groupByKind(paths)) {
    const handler = group.kind === 'files' ? undefined : pathHandlers.get(group.kind);
    if (!handler || handler(group.paths) === false) left.push(...group.paths);
  }
  return left;
}
