// One lab scenario per verdict cause, shared by the CLI's integration tests and the Chromium specs:
// frontends behind a balancer, and what stands between them and the public URL.
import { osHash, sampleApp, type ModuleVersion } from './module.js';
import { closeAll, startBalancer, startCachingProxy, startFrontend, startTamperingProxy, type Lab, type TamperMode } from './servers.js';

export const JS = '/MyApp/scripts/MyApp.controller.js';
export const INDEX = '/MyApp/index.html';
export const v1 = sampleApp(1);
export const v2 = sampleApp(2);

export interface Farm {
  appUrl: string;
  frontends: Array<{ label: string; address: string }>;
  /** Every server started, to close. */
  labs: Lab[];
  fes: Awaited<ReturnType<typeof startFrontend>>[];
  close(): Promise<void>;
}

/** Frontends serving these versions behind a round-robin balancer, the public URL through `front` if given. */
export async function farm(versions: ModuleVersion[], front?: (upstream: string) => Promise<Lab>): Promise<Farm> {
  const fes = await Promise.all(versions.map((v, i) => startFrontend({ version: v, label: `FE${i + 1}` })));
  const lb = await startBalancer({ members: fes.map((f) => ({ url: f.url })) });
  const pub = front ? await front(lb.url) : lb;
  const labs: Lab[] = [...fes, lb, ...(pub === lb ? [] : [pub])];
  return {
    appUrl: `${pub.url}/MyApp/`,
    fes,
    labs,
    frontends: fes.map((f, i) => ({ label: `FE${i + 1}`, address: `127.0.0.1:${f.port}` })),
    close: () => closeAll(labs),
  };
}

export const tamper = (mode: TamperMode, only?: (p: string) => boolean) => (upstream: string) =>
  startTamperingProxy({ upstream, mode, only });

export const expectedOf = (v: ModuleVersion, path: string) =>
  ((v.moduleinfo.manifest as { urlVersions: Record<string, string> }).urlVersions[path] ?? '').slice(1);

/** The device's log line for a checksum failure. */
export const checksumLine = (path: string, expected: string, calculated: string) =>
  `2026-11-20 10:31:07\tMyApp\tOSCache\tChecksum failed for file ${path}?${expected}. Received hash: ${expected} | Calculated hash: ${calculated}\n`;

export interface Scenario extends Farm {
  log?: string;
}

/** A CDN whose cache key ignores the query string, primed while v1 was live, then v2 deployed. */
async function staleCache(): Promise<Scenario> {
  const f = await farm([v1, v1], (upstream) => startCachingProxy({ upstream, header: 'fastly' }));
  const cdn = f.labs[f.labs.length - 1] as Awaited<ReturnType<typeof startCachingProxy>>;
  await cdn.prime(JS);
  for (const fe of f.fes) fe.setVersion(v2);
  return f;
}

async function unreachable(): Promise<Scenario> {
  const f = await farm([v2]);
  const gone = await startFrontend({ version: v2 });
  const port = gone.port;
  await gone.close();
  return { ...f, frontends: [...f.frontends, { label: 'FE9', address: `127.0.0.1:${port}` }] };
}

const broken: ModuleVersion = { ...v2, files: { ...v2.files, 'scripts/MyApp.controller.js': v1.files['scripts/MyApp.controller.js']! } };

export const SCENARIOS = {
  consistent: () => farm([v2, v2]),
  'outdated-frontend': () => farm([v2, v1]),
  'manifest-mismatch': () => farm([broken, broken]),
  'stale-cache': staleCache,
  'altered-content': () =>
    farm(
      [v2, v2],
      tamper('inject-js', (p) => p === JS),
    ),
  truncated: () =>
    farm(
      [v2, v2],
      tamper('truncate', (p) => p === JS),
    ),
  'device-network': async (): Promise<Scenario> => ({
    ...(await farm([v2, v2])),
    log: checksumLine(JS, expectedOf(v2, JS), 'eZeyznlO_xx2+8Xt0B1UNg'),
  }),
  'new-deployment': async (): Promise<Scenario> => ({
    ...(await farm([v2, v2])),
    log: checksumLine(JS, expectedOf(v1, JS), expectedOf(v2, JS)),
  }),
  unreachable,
} satisfies Record<string, () => Promise<Scenario>>;

export { osHash };
