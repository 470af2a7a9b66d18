// The whole-module sweep benchmark: 2,000 resources over 3 frontends and the public URL (a balancer)
// on loopback. The lab serves from this process; the sweep runs in a child so its peak RSS is its own.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { makeModule } from '../../e2e/lab/module.js';
import { closeAll, startBalancer, startFrontend } from '../../e2e/lab/servers.js';
import { HashPool } from '../node/hash-pool.js';
import { diagnose } from '../node/ota/sweep.js';
import { distDir } from '../node/worker-path.js';
import { peakRssKb } from './rss.js';

/** Deterministic files from 200 B to about 40 KB (a module's scripts, styles and images). */
function moduleFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const size = 200 + ((i * 7919) % 40_000);
    const line = `/* resource ${i} */ var v${i} = ${i};\n`;
    files[`scripts/Module${i}.js`] = line.repeat(Math.ceil(size / line.length)).slice(0, size);
  }
  return files;
}

export async function sweepBench(resources = 2000): Promise<void> {
  const version = makeModule('MyApp', 1, moduleFiles(resources));
  const fes = await Promise.all([1, 2, 3].map((n) => startFrontend({ version, label: `FE${n}` })));
  const lb = await startBalancer({ members: fes.map((f) => ({ url: f.url })) });
  try {
    const args = ['--sweep-child', `${lb.url}/MyApp/`, ...fes.map((f, i) => `FE${i + 1}=127.0.0.1:${f.port}`)];
    // The lab answers from this process while the child sweeps, so the child runs asynchronously.
    const child = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [join(distDir(), 'bench.cjs'), ...args], { maxBuffer: 1 << 20 }, (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      );
    });
    const r = JSON.parse(child.trim().split('\n').pop() ?? '{}') as {
      ms: number;
      maxRssKb: number;
      fault: string;
      checked: number;
      requests: number;
    };
    console.log(
      `Whole-module sweep: ${r.checked} resources x (3 frontends + 3 public + 2 bypassed) = ${r.requests} fetches on loopback in ${(r.ms / 1000).toFixed(1)} s (target < 10 s), peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB (target < 300 MB); verdict ${r.fault}`,
    );
  } finally {
    await closeAll([...fes, lb]);
  }
}

export async function sweepChild(appUrl: string, frontends: string[]): Promise<void> {
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
  const ms = performance.now() - t0;
  await pool.destroy();
  const checked = report.resources.length - 1;
  process.stdout.write(
    `${JSON.stringify({ ms, maxRssKb: peakRssKb(), fault: report.fault, checked, requests: checked * (frontends.length + 5) })}\n`,
  );
}
