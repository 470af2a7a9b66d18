// Shared by the OTA specs: a module with long paths, n frontends with FE3 outdated and the device's log naming
// the file it rejected, and the form filled in and run for the whole module.
import { sampleApp, type ModuleVersion } from '../lab/module.js';
import { JS, checksumLine, expectedOf, farm, osHash, type Scenario } from '../lab/scenarios.js';
import type { Harness } from '../harness/fixture.js';

/** A module with long paths, as real ones have: the file names must stay readable in the table. */
const EXTRA: Record<string, string> = Object.fromEntries(
  Array.from({ length: 24 }, (_, i) => [
    `scripts/MyApp.Common.Widgets.DataGrid${i}.ColumnDefinitions.controller.js`,
    `define("grid${i}", function () { return ${i}; });\n`,
  ]),
);
export const current = sampleApp(2, EXTRA);
export const older = sampleApp(1, EXTRA);
/** Every long-path file changed too: a frontend left far behind, with 27 files at fault. */
export const farBehind = sampleApp(1, Object.fromEntries(Object.entries(EXTRA).map(([p, text]) => [p, `${text}// v1\n`])));

/** n frontends, FE3 with the older controller, and the device's log naming it. */
export async function outdatedThird(n: number, third: ModuleVersion = older): Promise<Scenario> {
  const versions: ModuleVersion[] = Array.from({ length: n }, (_, i) => (i === 2 ? third : current));
  const f = await farm(versions);
  const calculated = osHash(third.files['scripts/MyApp.controller.js']!);
  return { ...f, log: checksumLine(JS, expectedOf(current, JS), calculated) };
}

/** Fills the OTA form and runs it: the whole module, or only `resources` when given. */
export async function run(hw: Harness, scenario: Scenario, resources?: string[]): Promise<void> {
  const { page } = hw;
  await page.getByRole('button', { name: 'OTA upgrade check' }).click();
  if (scenario.log) await page.getByTestId('ota-log').fill(scenario.log);
  await page.getByTestId('ota-app-url').fill(scenario.appUrl);
  for (const [i, f] of scenario.frontends.entries()) {
    await page.getByTestId('ota-add-frontend').click();
    await page.getByTestId(`ota-frontend-label-${i}`).fill(f.label);
    await page.getByTestId(`ota-frontend-address-${i}`).fill(f.address);
  }
  if (resources) {
    await page.getByTestId('ota-scope-chosen').check();
    await page.getByTestId('ota-resources').fill(resources.join('\n'));
  } else await page.getByTestId('ota-scope-all').check();
  await page.getByTestId('ota-run').click();
}
