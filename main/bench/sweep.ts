// The OTA benchmarks: a whole-module sweep (20,000 resources over 3 frontends and the public URL, a balancer,
// on loopback) and the big inputs (a 200 MB device log, a 100 MB HAR). The lab serves from this process;
// each measured run is a child so its peak RSS is its own. Targets live here, never in tests.
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { makeModule } from '../../e2e/lab/module.js';
import { closeAll, startBalancer, startFrontend } from '../../e2e/lab/servers.js';
import { HashPool } from '../node/hash-pool.js';
import { writeJsonStream } from '../node/json-stream.js';
import { readHarFile, readLogFile } from '../node/ota/inputs.js';
import { diagnose } from '../node/ota/sweep.js';
import { distDir } from '../node/worker-path.js';
import { keepHeapCompact } from '../node/compact-heap.js';
import { peakRssKb } from './rss.js';

/** Deterministic files from 200 B to about 8 KB (a module's scripts, styles and images). */
function moduleFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const size = 200 + ((i * 7919) % 8_000);
    const line = `/* resource ${i} */ var v${i} = ${i};\n`;
    files[`scripts/Module${i}.js`] = line.repeat(Math.ceil(size / line.length)).slice(0, size);
  }
  return files;
}

function child(args: string[]): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    // HASH_WORKBENCH_BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`) profiles the measured child alone.
    const nodeArgs = (process.env.HASH_WORKBENCH_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    execFile(process.execPath, [...nodeArgs, join(distDir(), 'bench.cjs'), ...args], { maxBuffer: 1 << 20 }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, number | string>),
    );
  });
}

const mb = (kb: number | string) => (Number(kb) / 1024).toFixed(0);
const sec = (us: number) => (us / 1e6).toFixed(1);

export async function sweepBench(resources = 20_000): Promise<void> {
  const version = makeModule('MyApp', 1, moduleFiles(resources));
  const fes = await Promise.all([1, 2, 3].map((n) => startFrontend({ version, label: `FE${n}` })));
  const lb = await startBalancer({ members: fes.map((f) => ({ url: f.url })), keepAlive: true });
  try {
    const save = join(tmpdir(), 'hash-workbench-bench-sweep.json');
    // The lab answers from this process while the child sweeps, so the child runs asynchronously.
    const labCpu = process.cpuUsage();
    const r = await child(['--sweep-child', `${lb.url}/MyApp/`, save, ...fes.map((f, i) => `FE${i + 1}=127.0.0.1:${f.port}`)]);
    const lab = process.cpuUsage(labCpu);
    console.log(
      `Whole-module sweep: ${r.checked} resources x (3 frontends + 3 public + 2 bypassed) = ${r.requests} fetches on loopback ` +
        `in ${(Number(r.ms) / 1000).toFixed(1)} s (target < 60 s), report saved as a stream (${mb(Number(r.savedBytes) / 1024)} MB), ` +
        `peak RSS ${mb(r.maxRssKb!)} MB (target < 300 MB); verdict ${r.fault}. CPU: the check ${sec(Number(r.cpuUs))} s, ` +
        `the lab serving it ${sec(lab.user + lab.system)} s; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    );
  } finally {
    await closeAll([...fes, lb]);
  }
}

export async function sweepChild(appUrl: string, save: string, frontends: string[]): Promise<void> {
  keepHeapCompact(); // as `hash-workbench diagnose` does
  const pool = new HashPool();
  const t0 = performance.now();
  const report = await diagnose({
    appUrl,
    pool,
    all: true,
    frontends: frontends.map((spec) => {
      const [label = '', address = ''] = spec.split('=');
      const [host = '', port = ''] = address.split(':');
      return { label, kind: 'address', address, host, port: Number(port) };
    }),
  });
  const out = createWriteStream(save);
  await writeJsonStream(out, report);
  out.end();
  await finished(out);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage();
  await pool.destroy();
  const checked = report.resources.length - 1;
  const line = {
    ms,
    maxRssKb: peakRssKb(),
    cpuUs: cpu.user + cpu.system,
    fault: report.fault,
    checked,
    requests: checked * (frontends.length + 5),
    savedBytes: statSync(save).size,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** A device log of about `bytes`: mostly lines no rule knows, one checksum failure in a thousand. */
async function makeLog(file: string, bytes: number): Promise<void> {
  if (existsSync(file) && statSync(file).size >= bytes) return;
  const out = createWriteStream(file);
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    const line =
      i % 1000 === 0
        ? `2026-11-20 10:31:07\tMyApp\tOSCache\tChecksum failed for file /MyApp/scripts/M${i}.js?abc${i}. Received hash: abc${i} | Calculated hash: def${i}\n`
        : `2026-11-20 10:31:07.${i % 1000}\tMyApp\tGeneral\tScreen MainFlow.Home${i % 97} rendered in ${i % 300} ms (request ${i})\n`;
    written += line.length;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  out.end();
  await finished(out);
}

/** A HAR of about `bytes`: entries of the module with base64 bodies of 2 to 30 KB, and other sites' entries. */
async function makeHar(file: string, bytes: number): Promise<void> {
  if (existsSync(file) && statSync(file).size >= bytes) return;
  const out = createWriteStream(file);
  out.write('{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[');
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    const own = i % 3 !== 0;
    const body = Buffer.alloc(2_000 + ((i * 7919) % 28_000), `var v${i} = ${i};\n`).toString('base64');
    const entry = JSON.stringify({
      startedDateTime: '2026-11-20T10:31:07.000Z',
      time: 12,
      request: { method: 'GET', url: `https://${own ? 'apps.example.com/MyApp' : 'cdn.other.test/x'}/scripts/M${i}.js?abc`, headers: [] },
      response: {
        status: 200,
        statusText: 'OK',
        headers: [{ name: 'Content-Type', value: 'application/javascript' }],
        content: { size: body.length, mimeType: 'application/javascript', text: body, encoding: 'base64' },
      },
    });
    const piece = `${i ? ',' : ''}${entry}`;
    written += piece.length;
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  out.end(']}}');
  await finished(out);
}

export async function inputsBench(): Promise<void> {
  const dir = join(tmpdir(), 'hash-workbench-bench');
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'device-200M.log');
  const har = join(dir, 'capture-100M.har');
  await makeLog(log, 200 << 20);
  await makeHar(har, 100 << 20);
  const l = await child(['--inputs-child', 'log', log]);
  console.log(
    `Device log ${mb(statSync(log).size / 1024)} MB read line by line in ${(Number(l.ms) / 1000).toFixed(1)} s: ${l.entries} entries, ` +
      `${l.unrecognised} lines unrecognised; peak RSS ${mb(l.maxRssKb!)} MB (target < 300 MB)`,
  );
  const h = await child(['--inputs-child', 'har', har]);
  console.log(
    `HAR ${mb(statSync(har).size / 1024)} MB parsed as a stream in ${(Number(h.ms) / 1000).toFixed(1)} s: ${h.entries} of ${h.seen} entries ` +
      `under /MyApp/ kept; peak RSS ${mb(h.maxRssKb!)} MB (target < 300 MB)`,
  );
}

export async function inputsChild(kind: string, file: string): Promise<void> {
  keepHeapCompact(); // as `hash-workbench diagnose --log/--har` does
  const t0 = performance.now();
  let line: Record<string, unknown>;
  if (kind === 'log') {
    const r = await readLogFile(file);
    line = { entries: r.entries.length, unrecognised: r.unrecognised };
  } else {
    const r = await readHarFile(file, (url) => new URL(url).pathname.startsWith('/MyApp/'));
    line = { entries: r.ok ? r.value.entries.length : -1, seen: r.seen };
  }
  process.stdout.write(`${JSON.stringify({ ...line, ms: performance.now() - t0, maxRssKb: peakRssKb() })}\n`);
}
