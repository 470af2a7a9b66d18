// Main reads only paths the user chose: files and folders from a drop, an open dialog, the command line
// or "Open with", and the reports the app saved or opened. Anything else the renderer asks for is refused.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { WorkbenchError } from '../../common/errors.js';

/** REFUSED_PATH: the path was not chosen by the user, and the message says how to open it. */
function refusedPath(path: string): WorkbenchError {
  return new WorkbenchError(
    'REFUSED_PATH',
    `${path}: this file was not opened or dropped in Hash Workbench, so the app will not read it. Open it with Open File… or drop it on the window.`,
    { path },
  );
}

export class PathGrants {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  /** Grants a path as chosen: a folder grants what is inside it. */
  async grant(path: string): Promise<void> {
    const abs = resolve(path);
    try {
      if ((await stat(abs)).isDirectory()) {
        this.folders.add(abs);
        this.folders.add(await realpath(abs));
        return;
      }
    } catch {
      // A path that does not exist (yet) is granted as a file: reading it gives the usual "no such file".
    }
    this.files.add(abs);
  }

  async grantAll(paths: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const p of paths) {
      await this.grant(p);
      out.push(resolve(p));
    }
    return out;
  }

  /** Throws REFUSED_PATH unless the path was granted or lies inside a granted folder (links resolved). */
  async check(path: string): Promise<string> {
    if (typeof path !== 'string' || !isAbsolute(path) || path.includes('\0')) throw refusedPath(String(path));
    const abs = resolve(path);
    if (this.files.has(abs) || this.folders.has(abs)) return abs;
    if (!this.folders.size) throw refusedPath(abs);
    // Inside a granted folder, judged on the real path so a link cannot lead out of it.
    const real = await realpath(abs).catch(() => abs);
    for (const folder of this.folders) if (inside(folder, real)) return abs;
    throw refusedPath(abs);
  }

  async checkAll(paths: string[]): Promise<string[]> {
    return Promise.all(paths.map((p) => this.check(p)));
  }
}

function inside(folder: string, p: string): boolean {
  const rel = relative(folder, p);
  return !!rel && !rel.startsWith('..') && !isAbsolute(rel);
}
