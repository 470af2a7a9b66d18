// The one way actions reach main. The API promises envelopes and never throws, but a broken bridge
// could still reject: turning that into an envelope keeps a card from spinning forever.
import type { Envelope } from '../../main/common/ipc/contract.js';
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
