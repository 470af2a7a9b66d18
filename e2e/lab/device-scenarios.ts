// Lab scenarios whose verdict the device's own rules decide (OSCacheResources.m, CacheResources.java): the
// Android wording, the 2xx statuses iOS refuses, an accepted injection beside a logged failure, transfers cut off
// at a frontend or at the public URL, gzip left undecoded and a BOM stripped on the device's side. Shared by the
// CLI's tests (main/cli/diagnose-device.test.ts) and the Chromium specs; each says the verdict the rules give.
import { gzipSync } from 'node:zlib';
import { osHash, sampleApp, type ModuleVersion } from './module.js';
import { expectedOf, farm, INDEX, JS, tamper, v2, type Scenario } from './scenarios.js';
import { closeAll, startBalancer, startFrontend } from './servers.js';

export const CSS = '/MyApp/css/MyApp.MyApp.css';

export interface DeviceScenario extends Scenario {
  /** Resources to check besides the log's (--resource). */
  resources: string[];
  /** The verdict the runtime's rules give: fault, cause, and the frontends named. */
  verdict: { fault: string; cause: string; frontends: string[] };
}

const SC = '2026-11-20 10:31:07\tMyApp\tOSCache\t';
/** Android's rejection as the older plugin logs it (CacheResources.java): the typo, no Checksum failed line. */
export const corrputLine = (path: string, hash: string) =>
  `${SC}Failed to store downloaded resource ${path}?${hash}: File is corrput or invalid\n`;
export const checksumAt = (path: string, expected: string, calculated: string) =>
  `${SC}Checksum failed for file ${path}?${expected}. Received hash: ${expected} | Calculated hash: ${calculated}\n`;

/** v2 with its stylesheet as OutSystems serves it: a UTF-8 BOM in front and CRLF line endings. */
export const bomApp: ModuleVersion = sampleApp(2, {
  'css/MyApp.MyApp.css': `\uFEFF${Buffer.from(v2.files['css/MyApp.MyApp.css']!).toString('utf8').replace(/\n/g, '\r\n')}`,
});

const scenario = (s: Scenario, resources: string[], verdict: DeviceScenario['verdict'], log?: string): DeviceScenario => ({
  ...s,
  resources,
  verdict,
  ...(log === undefined ? {} : { log }),
});
const network = (cause: string) => ({ fault: 'network', cause, frontends: [] });

async function frontendCutOff(): Promise<DeviceScenario> {
  const fes = [
    await startFrontend({ version: v2, label: 'FE1' }),
    await startFrontend({ version: v2, label: 'FE2', cutOff: ['scripts/MyApp.controller.js'] }),
  ];
  const lb = await startBalancer({ members: fes.map((f) => ({ url: f.url })) });
  const labs = [...fes, lb];
  return {
    appUrl: `${lb.url}/MyApp/`,
    fes,
    labs,
    frontends: fes.map((f, i) => ({ label: `FE${i + 1}`, address: `127.0.0.1:${f.port}` })),
    close: () => closeAll(labs),
    resources: [JS],
    verdict: { fault: 'frontend', cause: 'frontend-error', frontends: ['FE2'] },
  };
}

const statusAtPublic = (status: 203 | 204 | 206) => async () =>
  scenario(
    await farm(
      [v2, v2],
      tamper(`status-${status}`, (p) => p === JS),
    ),
    [JS],
    network('altered-content'),
  );

export const DEVICE_SCENARIOS = {
  'android-corrput': async () => scenario(await farm([v2, v2]), [], network('device-network'), corrputLine(JS, expectedOf(v2, JS))),
  'android-corrput-altered': async () =>
    scenario(
      await farm(
        [v2, v2],
        tamper('inject-js', (p) => p === JS),
      ),
      [],
      network('altered-content'),
      corrputLine(JS, expectedOf(v2, JS)),
    ),
  'status-203': statusAtPublic(203),
  'status-204': statusAtPublic(204),
  'status-206': statusAtPublic(206),
  'injected-index-and-logged-failure': async () =>
    scenario(
      await farm(
        [v2, v2],
        tamper('inject-html', (p) => p === INDEX),
      ),
      [INDEX],
      network('device-network'),
      checksumAt(JS, expectedOf(v2, JS), 'eZeyznlO_xx2+8Xt0B1UNg'),
    ),
  'frontend-cut-off': frontendCutOff,
  'public-cut-off': async () =>
    scenario(
      await farm(
        [v2, v2],
        tamper('short-content-length', (p) => p === JS),
      ),
      [JS],
      network('truncated'),
    ),
  'undecoded-gzip': async () =>
    scenario(
      await farm(
        [v2, v2],
        tamper('gzip', (p) => p === JS),
      ),
      [],
      network('device-network'),
      checksumAt(JS, expectedOf(v2, JS), osHash(gzipSync(v2.files['scripts/MyApp.controller.js']!))),
    ),
  'bom-stripped-on-device': async () =>
    scenario(
      await farm([bomApp, bomApp]),
      [],
      network('device-network'),
      checksumAt(CSS, expectedOf(bomApp, CSS), osHash(bomApp.files['css/MyApp.MyApp.css']!.subarray(3))),
    ),
} satisfies Record<string, () => Promise<DeviceScenario>>;
