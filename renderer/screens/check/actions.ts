// Check a file's calls to main: a hash job per batch of paths (followed and cancelled through the
// one job helper), the open dialog (also File > Open), drops, and the algorithm choice.
import type { AlgorithmId } from '../../../main/common/algorithms.js';
import { api, settle } from '../../actions/api.js';
import { cancelJob, runJob } from '../../actions/jobs.js';
import { routePaths } from '../../actions/routes.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { planChecksumFile } from '../checksums/plan.js';
import { hashedFiles, useCheckScreen } from './store.js';

const check = () => useCheckScreen.getState();
/** The bar and the totals move at most ten times a second, however many events main sends. */
const PROGRESS_MS = 100;

/** Starts a job for these paths on the Check-a-file screen; resolves with its id once it ends. */
export async function hashPaths(paths: string[]): Promise<string | undefined> {
  if (paths.length === 0) return undefined;
  // The user's choice (every algorithm until they narrow it): the point is to have whichever one you were given.
  const { algorithms } = useWorkbench.getState();
  return runJob((jobId) => api().hashFiles({ jobId, paths, algorithms }), {
    started: (jobId) => {
      check().addJob(jobId, paths);
      useWorkbench.getState().navigate('check');
    },
    progress: (event) => check().applyProgress(event),
    progressEveryMs: PROGRESS_MS,
    settled: (result, jobId) => check().finishJob(jobId, result),
  });
}

export async function cancelHash(jobId: string): Promise<void> {
  await cancelJob(jobId, {
    requested: () => check().requestCancel(jobId),
    failed: (message) => check().cancelFailed(jobId, message),
  });
}

/** "Open files…" and the File menu: the system dialog, then a job for what was picked. */
export async function openFiles(): Promise<void> {
  const result = await settle(() => api().dialogOpen({ kind: 'files', multiple: true }));
  if (!result.ok) return useWorkbench.getState().pushError(result.error.message);
  // An empty list means the dialog was closed without a choice: nothing to say.
  await hashPaths(result.value.paths);
}

/** Files dropped on the window: main must grant them first, then they hash like opened ones. */
export async function dropFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const result = await settle(() => api().addDroppedFiles(files));
  if (!result.ok) return useWorkbench.getState().pushError(result.error.message);
  // Checksum files, reports, case files and HAR captures go to their screens; the rest is hashed.
  await hashPaths(routePaths(result.value.paths));
}

/**
 * Applies the algorithm choice at once and saves it for the next start. Resolves with why saving
 * failed, for the picker to show next to itself; an empty choice is refused (a job needs one).
 */
export async function chooseAlgorithms(algorithms: AlgorithmId[]): Promise<string | undefined> {
  if (algorithms.length === 0) return strings.check.algorithms.keepOne;
  useWorkbench.getState().setAlgorithms(algorithms);
  const result = await settle(() => api().settingsSet({ algorithms: useWorkbench.getState().algorithms }));
  return result.ok ? undefined : strings.check.algorithms.saveFailed(result.error.message);
}

/** "Save as checksum file…" on a card: its files' digests of the algorithm shown, GNU form, through the Checksums screen's channel. */
export async function saveCardChecksums(jobId: string, algorithm: AlgorithmId): Promise<void> {
  const job = check().jobs.find((j) => j.jobId === jobId);
  if (!job || check().views[jobId]?.saving) return;
  const plan = planChecksumFile(hashedFiles([job]), 'gnu', algorithm);
  if (plan.entries.length === 0) return;
  check().updateView(jobId, { saving: true, saveError: undefined });
  const result = await settle(() => api().checksumSave({ format: 'gnu', entries: plan.entries }));
  if (!result.ok) return check().updateView(jobId, { saving: false, saveError: strings.card.save.failed(result.error.message) });
  // No path: the save dialog was closed; an earlier "Saved to" stays true.
  check().updateView(jobId, { saving: false, ...(result.value.path ? { savedPath: result.value.path } : {}) });
}
