// The last resort for a promise no screen expected to reject: said in the error area, never swallowed.
import { strings } from '../strings/index.js';
import { useWorkbench } from '../store/index.js';

export function reportUnexpected(err: unknown): void {
  useWorkbench.getState().pushError(strings.errors.unexpected(err instanceof Error ? err.message : String(err)));
}
