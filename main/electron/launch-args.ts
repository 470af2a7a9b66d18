// What the command line asks of the app: run the CLI (`--cli …`), or open files (a second launch,
// "Open with", a file association). Pure, so it is tested without Electron; what each path is,
// pathKind (main/common/path-kind.ts) says, as it does for drops.

export type Launch = { mode: 'cli'; args: string[] } | { mode: 'app'; paths: string[] };

/**
 * argv as Electron gives it: the executable, then (unpackaged) the app folder or script, then the
 * user's arguments, with Chromium's own switches possibly mixed in.
 */
export function parseLaunch(argv: string[], packaged: boolean): Launch {
  const user = argv.slice(packaged ? 1 : 2);
  const cli = user.indexOf('--cli');
  if (cli >= 0) return { mode: 'cli', args: user.slice(cli + 1) };
  // Chromium switches (--allow-file-access-from-files, --inspect…) are not paths.
  return { mode: 'app', paths: user.filter((a) => a && !a.startsWith('-')) };
}
