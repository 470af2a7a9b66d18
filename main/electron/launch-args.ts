// What the command line asks of the app: run the CLI (`--cli …`), or open files (a second launch,
// "Open with", a file association). Pure, so it is tested without Electron.

export type Launch =
  { mode: 'cli'; args: string[] } | { mode: 'app'; files: string[]; checksumFiles: string[]; reports: string[]; cases: string[] };

const CHECKSUM = /\.(sha(1|224|256|384|512)|md5|sfv|b3|b2|xxh\d*|crc32)$|(^|[\\/])(SHA\d*SUMS|MD5SUMS|B3SUMS)$/i;

/**
 * argv as Electron gives it: the executable, then (unpackaged) the app folder or script, then the
 * user's arguments, with Chromium's own switches possibly mixed in.
 */
export function parseLaunch(argv: string[], packaged: boolean): Launch {
  const user = argv.slice(packaged ? 1 : 2);
  const cli = user.indexOf('--cli');
  if (cli >= 0) return { mode: 'cli', args: user.slice(cli + 1) };
  const files: string[] = [];
  const checksumFiles: string[] = [];
  const reports: string[] = [];
  const cases: string[] = [];
  for (const a of user) {
    if (!a || a.startsWith('-')) continue; // Chromium switches (--allow-file-access-from-files, --inspect…)
    if (CHECKSUM.test(a)) checksumFiles.push(a);
    else if (/\.hwcase$/i.test(a)) cases.push(a);
    else if (/\.json$/i.test(a)) reports.push(a);
    else files.push(a);
  }
  return { mode: 'app', files, checksumFiles, reports, cases };
}
