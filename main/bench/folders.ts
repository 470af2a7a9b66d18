// The many-files benchmark: each case as a ratio to its peer measured in the same run (medians of a
// few runs, warm files), with the peak RSS of every process. Targets are printed, never asserted.
//   30,000 files of 0-6 bytes     hash --algo sha256 <folder>   against rhash -r --sha256 <folder>
//   10,000 files of 4-24 KB       hash --algo sha256 <folder>   against sha256sum <files>
//   verify of that folder          verify SHA256SUMS             against sha256sum -c SHA256SUMS
//   start-up                       hash <empty> --algo sha256    against node -e 0
//   1,000,000 empty files (--million, opt-in: making them takes minutes)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

interface Run {
  seconds: number;
  /** Peak resident set of the process (and its threads), from GNU time; NaN without it. */
  rssMb: number;
}

/** One whole-process run: wall time, and peak RSS when GNU time is installed (Debian package time). */
export function measure(command: string, args: string[], cwd?: string): Run {
  const timed = existsSync(TIME);
  const t = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 })
    : spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t) / 1000;
  const stderr = r.stderr?.toString() ?? '';
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.slice(0, 3).join(' ')}… failed: ${stderr.trim().slice(-300)}`);
  const kb = timed ? Number(/(\d+)\s*$/.exec(stderr.trim())?.[1]) : NaN;
  return { seconds, rssMb: kb / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs engine and peer alternately, `runs` times each, so both see the same machine. */
function pair(engine: () => Run, peer: () => Run, runs: number): { engine: Run; peer: Run } {
  const e: Run[] = [];
  const p: Run[] = [];
  for (let i = 0; i < runs; i++) {
    p.push(peer());
    e.push(engine());
  }
  return {
    engine: { seconds: median(e.map((x) => x.seconds)), rssMb: Math.max(...e.map((x) => x.rssMb)) },
    peer: { seconds: median(p.map((x) => x.seconds)), rssMb: Math.max(...p.map((x) => x.rssMb)) },
  };
}

/** Makes `count` files in folders of 1,000, sizes from `size(i)`, once (reused between runs). */
function makeFolder(root: string, count: number, size: (i: number) => number): void {
  const done = join(root, '.complete');
  if (existsSync(done)) return;
  for (let i = 0; i < count; i++) {
    const dir = join(root, `d${String(Math.floor(i / 1000)).padStart(4, '0')}`);
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${String(i % 1000).padStart(4, '0')}`), randomBytes(size(i)));
  }
  writeFileSync(done, '');
}

function listFiles(root: string): string[] {
  return readdirSync(root)
    .filter((d) => d.startsWith('d'))
    .sort()
    .flatMap((d) =>
      readdirSync(join(root, d))
        .sort()
        .map((f) => `${d}/${f}`),
    );
}

const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const warm = (root: string) => spawnSync('sh', ['-c', 'find . -type f -exec cat {} + > /dev/null'], { cwd: root });

export interface FolderRow {
  work: string;
  engine: Run;
  peerName: string;
  peer: Run;
  target: string;
}

export function printRows(rows: FolderRow[]): void {
  const mb = (x: number) => (Number.isNaN(x) ? '-' : `${x.toFixed(0)} MB`);
  console.log(
    `${'work'.padEnd(36)} ${'hash-workbench'.padEnd(15)} ${'peak RSS'.padEnd(9)} ${'peer'.padEnd(24)} ${'peer time'.padEnd(10)} ${'peer RSS'.padEnd(9)} ratio   target`,
  );
  for (const r of rows) {
    const ratio = r.engine.seconds / r.peer.seconds;
    console.log(
      `${r.work.padEnd(36)} ${`${r.engine.seconds.toFixed(3)} s`.padEnd(15)} ${mb(r.engine.rssMb).padEnd(9)} ${r.peerName.padEnd(24)} ${`${r.peer.seconds.toFixed(3)} s`.padEnd(10)} ${mb(r.peer.rssMb).padEnd(9)} ${`${ratio.toFixed(2)}x`.padEnd(7)} ${r.target}`,
    );
  }
}

/** The folder cases; `cli` is the built hash-workbench.cjs. */
export function folderBench(dir: string, cli: string, options: { runs?: number; million?: boolean } = {}): FolderRow[] {
  const runs = options.runs ?? 3;
  const node = process.execPath;
  const hw = (args: string[], cwd?: string) => () => measure(node, [cli, ...args, '--no-calibrate'], cwd);
  const rows: FolderRow[] = [];

  const tiny = join(dir, 'tiny-30000');
  makeFolder(tiny, 30_000, (i) => i % 7);
  warm(tiny);
  if (has('rhash')) {
    const r = pair(hw(['hash', '--algo', 'sha256', tiny]), () => measure('rhash', ['-r', '--sha256', tiny]), runs);
    rows.push({ work: '30,000 files of 0-6 bytes, sha256', ...r, peerName: 'rhash -r --sha256', target: '<= 1.5x, RSS < 150 MB' });
  }

  const mixed = join(dir, 'mixed-10000');
  makeFolder(mixed, 10_000, (i) => 4096 + ((i * 7919) % (20 * 1024 + 1)));
  warm(mixed);
  const files = listFiles(mixed);
  const r = pair(hw(['hash', '--algo', 'sha256', mixed]), () => measure('sha256sum', files, mixed), runs);
  rows.push({ work: '10,000 files of 4-24 KB, sha256', ...r, peerName: 'sha256sum', target: '<= 1.2x, RSS < 150 MB' });

  const sums = join(mixed, 'SHA256SUMS');
  if (!existsSync(sums)) writeFileSync(sums, spawnSync('sha256sum', files, { cwd: mixed, maxBuffer: 64 << 20 }).stdout);
  const v = pair(hw(['verify', sums]), () => measure('sha256sum', ['-c', '--quiet', sums], mixed), runs);
  rows.push({ work: 'verify of its SHA256SUMS', ...v, peerName: 'sha256sum -c', target: '<= 1.3x, RSS < 150 MB' });

  const empty = join(dir, 'empty.bin');
  writeFileSync(empty, '');
  const s = pair(hw(['hash', empty, '--algo', 'sha256']), () => measure(node, ['-e', '0']), 11);
  rows.push({
    work: 'start-up: an empty file, sha256',
    ...s,
    peerName: 'node -e 0',
    target: `<= +60 ms (here ${((s.engine.seconds - s.peer.seconds) * 1000).toFixed(0)} ms)`,
  });

  if (options.million) {
    const million = join(dir, 'empty-1000000');
    makeFolder(million, 1_000_000, () => 0);
    const m = pair(hw(['hash', '--algo', 'sha256', million]), () => measure('rhash', ['-r', '--sha256', million]), 1);
    rows.push({ work: '1,000,000 empty files, sha256', ...m, peerName: 'rhash -r --sha256', target: 'RSS < 200 MB' });
  }
  return rows;
}

/** Whole-process time on one big file against each peer tool, both timed the same way. */
export function bigFileRows(file: string, cli: string, runs = 2): FolderRow[] {
  const node = process.execPath;
  const cases: [string, string, string, string[]][] = [
    ['sha256', 'openssl dgst -sha256', 'openssl', ['dgst', '-sha256', file]],
    ['md5,sha1,sha256,sha512', 'openssl (4 runs, summed)', '', []],
    ['blake2b-512', 'b2sum', 'b2sum', [file]],
    ['blake3', 'b3sum --num-threads 1', 'b3sum', ['--num-threads', '1', file]],
    ['xxh3-128', 'xxhsum -H2', 'xxhsum', ['-H2', file]],
    [
      'whirlpool',
      'openssl dgst (legacy) -whirlpool',
      'openssl',
      ['dgst', '-provider', 'legacy', '-provider', 'default', '-whirlpool', file],
    ],
  ];
  const rows: FolderRow[] = [];
  for (const [algo, peerName, cmd, args] of cases) {
    // As users run it: calibrated (the cache is made by the first run, before the timed ones).
    const engine = () => measure(node, [cli, 'hash', '--algo', algo, file]);
    engine();
    let peer: () => Run;
    if (cmd === '') {
      peer = () => {
        const each = ['md5', 'sha1', 'sha256', 'sha512'].map((a) => measure('openssl', ['dgst', `-${a}`, file]));
        return { seconds: each.reduce((n, x) => n + x.seconds, 0), rssMb: Math.max(...each.map((x) => x.rssMb)) };
      };
    } else {
      if (spawnSync(cmd, [...args.slice(0, -1), '/dev/null'], { stdio: 'ignore' }).status !== 0) continue;
      peer = () => measure(cmd, args);
    }
    rows.push({ work: `1 GiB file, ${algo} (whole process)`, ...pair(engine, peer, runs), peerName, target: '' });
  }
  return rows;
}
