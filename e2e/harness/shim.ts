// window.workbench in plain Chromium: the same createWorkbenchApi the preload uses, over a Playwright
// binding to the real handler table instead of ipcRenderer. Dropped files carry their path the way
// webUtils.getPathForFile would give it (set by the harness's drop helper).
import type { Envelope, EventName } from '../../main/common/ipc/contract.js';
import { createWorkbenchApi } from '../../main/common/ipc/workbench-api.js';

type Binding = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;
const w = window as unknown as { __hwInvoke: Binding; __hwEmit: (event: string, payload: unknown) => void; workbench: unknown };
const listeners = new Map<string, Set<(payload: unknown) => void>>();
w.__hwEmit = (event, payload) => listeners.get(event)?.forEach((l) => l(payload));

w.workbench = Object.freeze(
  createWorkbenchApi({
    invoke: (channel, payload) => w.__hwInvoke(channel, payload),
    on(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    pathForFile: (file) => (file as File & { __hwPath?: string }).__hwPath ?? '',
  }),
);
