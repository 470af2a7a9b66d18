// What the command line asks of the app: run the CLI (`--cli …`), or open files (a second launch,
// "Open with", a file association, Explorer's "Hash with" / "Verify with"). Pure, so it is tested
// without Electron; what each path is, pathKind (main/common/path-kind.ts) says, as it does for drops,
// unless an explicit verb says it: `--hash <paths>` hashes even a .sha256 file, `--verify <file>` verifies.
import type { PathKind } from '../common/path-kind.js';

export type Launch = { mode: 'cli'; args: string[] } | { mode: 'app'; paths: string[]; as?: PathKind };
export type AppLaunch = Extract<Launch, { mode: 'app' }>;

const VERBS: Record<string, PathKind> = { '--hash': 'files', '--verify': 'checksum' };

/**
 * argv as Electron gives it: the executable, then (unpackaged) the app folder or script, then the
 * user's arguments, with Chromium's own switches possibly mixed in.
 */
export function parseLaunch(argv: string[], packaged: boolean): Launch {
  const user = argv.slice(packaged ? 1 : 2);
  const cli = user.indexOf('--cli');
  if (cli >= 0) return { mode: 'cli', args: user.slice(cli + 1) };
  const verb = user.find((a) => Object.hasOwn(VERBS, a));
  // Chromium switches (--allow-file-access-from-files, --inspect…) are not paths.
  const paths = user.filter((a) => a && !a.startsWith('-'));
  return verb ? { mode: 'app', paths, as: VERBS[verb] } : { mode: 'app', paths };
}

/**
 * Explorer starts one process per selected file ("Hash with Hash Workbench" on 200 files is 200
 * launches, each handed to the first instance): launches that arrive together are joined, one
 * launch per verb, so the files make one job.
 */
export function mergeLaunches(launches: readonly AppLaunch[]): AppLaunch[] {
  const byVerb = new Map<PathKind | undefined, AppLaunch>();
  for (const l of launches) {
    const joined = byVerb.get(l.as) ?? (l.as ? { mode: 'app' as const, paths: [], as: l.as } : { mode: 'app' as const, paths: [] });
    for (const p of l.paths) if (!joined.paths.includes(p)) joined.paths.push(p);
    byVerb.set(l.as, joined);
  }
  return [...byVerb.values()].filter((l) => l.paths.length > 0);
}

/** Collects launches until none has come for `quietMs`, then hands them on merged. */
export function launchBurst(
  deliver: (l: AppLaunch) => void,
  quietMs = 300,
  timers: { set: (f: () => void, ms: number) => unknown; clear: (t: unknown) => void } = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): (l: AppLaunch) => void {
  let waiting: AppLaunch[] = [];
  let timer: unknown;
  return (l) => {
    waiting.push(l);
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(() => {
      timer = undefined;
      const burst = waiting;
      waiting = [];
      for (const merged of mergeLaunches(burst)) deliver(merged);
    }, quietMs);
  };
}
