// The app's small persistent state in its data folder: settings and the recent reports list.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ALGORITHMS } from '../../common/algorithms.js';
import type { Settings } from '../../common/ipc/contract.js';

export interface RecentReport {
  path: string;
  openedAt: string;
  headline?: string;
}

// Until the user narrows it, Check a file computes every algorithm: the point is to have whichever one you were given.
const DEFAULT_SETTINGS: Settings = { algorithms: [...DEFAULT_ALGORITHMS], encoding: 'hex', frontends: {}, theme: 'system' };
const MAX_RECENT = 20;

export class AppStore {
  constructor(private readonly dir: string) {}

  async settings(): Promise<Settings> {
    const saved = await this.read<Partial<Settings>>('settings.json');
    return { ...DEFAULT_SETTINGS, ...saved };
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.settings()), ...patch };
    await this.write('settings.json', next);
    return next;
  }

  async recent(): Promise<RecentReport[]> {
    return (await this.read<RecentReport[]>('recent-reports.json')) ?? [];
  }

  async addRecent(entry: RecentReport): Promise<RecentReport[]> {
    const list = [entry, ...(await this.recent()).filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT);
    await this.write('recent-reports.json', list);
    return list;
  }

  private async read<T>(name: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(join(this.dir, name), 'utf8')) as T;
    } catch {
      return undefined; // missing or damaged: start from the defaults rather than fail the app
    }
  }

  private async write(name: string, value: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = join(this.dir, `${name}.tmp`);
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
    await rename(tmp, join(this.dir, name)); // never leave half a file behind
  }
}
