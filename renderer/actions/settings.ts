// Reads the saved theme, encoding and algorithms at start; saves the encoding when it is switched.
import type { Encoding } from '../../main/common/encodings.js';
import { strings } from '../strings/index.js';
import { useWorkbench } from '../store/index.js';
import { api, settle } from './api.js';

export async function loadSettings(): Promise<void> {
  const result = await settle(() => api().settingsGet());
  const store = useWorkbench.getState();
  if (!result.ok) return store.pushError(strings.errors.settingsLoad(result.error.message));
  store.setEncoding(result.value.encoding);
  store.setTheme(result.value.theme);
  store.setAlgorithms(result.value.algorithms ?? []);
}

export async function chooseEncoding(encoding: Encoding): Promise<void> {
  // Show it at once; saving is only so the next start remembers it.
  useWorkbench.getState().setEncoding(encoding);
  const result = await settle(() => api().settingsSet({ encoding }));
  if (!result.ok) useWorkbench.getState().pushError(strings.errors.settingsSave(result.error.message));
}
