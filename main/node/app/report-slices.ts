// A big report crosses to the window in slices (DeliveredReport in the contract): the renderer deserialises each IPC
// message in one task on its main thread, and a whole module's report in one message (2,000 resources, 20 MB) froze
// it for 160-370 ms. The first slice rides with the answer; the rest wait here, per window, for report:slice.
import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../../common/errors.js';
import type { DeliveredReport } from '../../common/ipc/contract.js';
import type { OtaReport } from '../../common/ota/report.js';
import type { ResourceVerdict } from '../../common/ota/verdict.js';
import type { Caller } from './handlers.js';

/** Resources per message: about 2 MB of a whole module's report, 10-40 ms to deserialise. */
export const SLICE_RESOURCES = 200;
/** Reports a window may leave untaken (it reloaded, or closed mid-way): older ones are dropped. */
const KEPT_PER_WINDOW = 2;

interface Waiting {
  slices: Array<ResourceVerdict[] | undefined>;
  left: number;
}

// Keyed by the window's Caller: what a window leaves goes with it, and no other window can name it.
const waiting = new WeakMap<Caller, Map<string, Waiting>>();

/** The report as the answer carries it: whole when small or not asked for in slices, else its first slice and `rest`. */
export function deliverReport(report: OtaReport, caller: Caller, sliced: boolean | undefined): DeliveredReport {
  if (!sliced || report.resources.length <= SLICE_RESOURCES) return report;
  const slices: ResourceVerdict[][] = [];
  for (let i = SLICE_RESOURCES; i < report.resources.length; i += SLICE_RESOURCES)
    slices.push(report.resources.slice(i, i + SLICE_RESOURCES));
  const token = randomUUID();
  const mine = waiting.get(caller) ?? new Map<string, Waiting>();
  waiting.set(caller, mine);
  mine.set(token, { slices, left: slices.length });
  for (const old of [...mine.keys()].slice(0, Math.max(0, mine.size - KEPT_PER_WINDOW))) mine.delete(old);
  return { ...report, resources: report.resources.slice(0, SLICE_RESOURCES), rest: { token, slices: slices.length } };
}

/** Slice `index` (1…rest.slices) of a report this window was answered; each is handed out once. */
export function takeSlice(caller: Caller, token: string, index: number): ResourceVerdict[] {
  const mine = waiting.get(caller);
  const report = mine?.get(token);
  const slice = report?.slices[index - 1];
  if (!mine || !report || !slice)
    throw new WorkbenchError('INVALID', 'That part of the report is no longer waiting in main: open or run it again.', {
      field: 'token',
      input: `${token} ${index}`,
    });
  report.slices[index - 1] = undefined;
  if (--report.left === 0) mine.delete(token);
  return slice;
}
