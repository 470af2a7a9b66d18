// The one way actions reach main. The API promises envelopes and never throws, but a broken bridge
// could still reject: turning that into an envelope keeps a card from spinning forever.
import type { DeliveredReport, Envelope } from '../../main/common/ipc/contract.js';
import type { OtaReport } from '../../main/common/ota/report.js';
import type { WorkbenchApi } from '../../main/common/ipc/workbench-api.js';

export function api(): WorkbenchApi {
  return window.workbench;
}

export async function settle<T>(call: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  try {
    return await call();
  } catch (err) {
    return { ok: false, error: { code: 'BRIDGE', message: err instanceof Error ? err.message : String(err) } };
  }
}

/**
 * A report asked for `sliced`, made whole: the slices still in main are taken one message at a time, so the window
 * deserialises each in a task of its own (a whole module in one message froze it for 160-370 ms).
 */
export async function wholeReport(answer: Envelope<DeliveredReport>): Promise<Envelope<OtaReport>> {
  if (!answer.ok || !answer.value.rest) return answer;
  const { rest, ...report } = answer.value;
  const resources = [...report.resources];
  for (let index = 1; index <= rest.slices; index++) {
    const slice = await settle(() => api().reportSlice({ token: rest.token, index }));
    if (!slice.ok) return slice;
    for (const r of slice.value.resources) resources.push(r);
  }
  return { ok: true, value: { ...report, resources } };
}
