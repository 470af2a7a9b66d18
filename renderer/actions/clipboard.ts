// Copying digests. Resolves false (after saying so in the error area) when the clipboard refuses.
import { strings } from '../strings/index.js';
import { useWorkbench } from '../store/index.js';

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    useWorkbench.getState().pushError(strings.errors.copyFailed);
    return false;
  }
}
