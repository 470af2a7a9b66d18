// Compare two files: pick each with the system dialog, then main compares them byte by byte.
import { api, settle } from '../../actions/api.js';
import { cancelJob, runJob } from '../../actions/jobs.js';
import { strings } from '../../strings/index.js';
import { useCheckScreen, type CompareState } from './store.js';

const update = (change: Partial<CompareState>) => useCheckScreen.getState().updateCompare(change);
const compare = () => useCheckScreen.getState().compare;

export async function pickCompareFile(which: 'a' | 'b'): Promise<void> {
  const result = await settle(() => api().dialogOpen({ kind: 'files', multiple: false }));
  if (!result.ok) return update({ error: strings.check.compare.dialogFailed(result.error.message) });
  const path = result.value.paths[0];
  // No path: the dialog was closed without a choice.
  if (path !== undefined) update({ [which]: path, error: undefined, cancelled: false });
}

/**
 * Files dropped on the compare section: two fill both sides; one fills the side it was dropped on (or the
 * first empty one). Main registers them like any drop, so it may read them.
 */
export async function dropCompareFiles(files: File[], side?: 'a' | 'b'): Promise<void> {
  const result = await settle(() => api().addDroppedFiles(files));
  if (!result.ok) return update({ error: strings.check.compare.dropFailed(result.error.message) });
  const [first, second] = result.value.paths;
  if (first === undefined) return;
  const clear = { error: undefined, cancelled: false };
  if (second !== undefined) return update({ a: first, b: second, ...clear });
  const target = side ?? (compare().a === undefined ? 'a' : 'b');
  update({ [target]: first, ...clear });
}

export async function runCompare(): Promise<void> {
  const { a, b, jobId: running } = compare();
  if (!a || !b || running) return;
  await runJob((jobId) => api().compareFiles({ jobId, a, b }), {
    started: (jobId) => update({ jobId, error: undefined, cancelled: false, cancelRequested: false }),
    settled: (result) => {
      const done = { jobId: undefined, cancelRequested: false };
      if (result.ok) update({ ...done, result: { a, b, value: result.value } });
      else if (result.error.code === 'CANCELLED') update({ ...done, cancelled: true });
      else update({ ...done, error: strings.check.compare.failed(result.error.message) });
    },
  });
}

export async function cancelCompare(): Promise<void> {
  const { jobId } = compare();
  if (!jobId) return;
  await cancelJob(jobId, {
    requested: () => update({ cancelRequested: true }),
    failed: (message) => update({ cancelRequested: false, error: message }),
  });
}
