// Checksum files: verify each opened or dropped one (a run per file, lines arriving as main checks
// them), cancel a run, and save a checksum file for the hashed files. Registers the checksum-file
// path kind when the module loads (App imports every screen at start).
import { api, settle } from '../../actions/api.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { cancelJob, runJob } from '../../actions/jobs.js';
import { onPaths } from '../../actions/routes.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import type { ChecksumPlan } from './plan.js';
import { problemsText } from './problems.js';
import { useChecksums, type VerifyRun } from './store.js';

const t = strings.checksums;

async function verifyOne(path: string): Promise<void> {
  await runJob((jobId) => api().checksumVerify({ jobId, path }), {
    started: (jobId) => useChecksums.getState().addRun(jobId, path),
    progress: (event) => {
      if (event.kind === 'verify') useChecksums.getState().addEntry(event.jobId, event.entry, event.index, event.total);
    },
    settled: (result, jobId) => useChecksums.getState().finishRun(jobId, result),
  });
}

/** One run per checksum file, all at once; the screen shows them newest first. */
export async function verifyChecksumFiles(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  useWorkbench.getState().navigate('checksums');
  await Promise.all(paths.map(verifyOne));
}

export async function openChecksumFiles(): Promise<void> {
  const result = await settle(() => api().dialogOpen({ kind: 'checksum', multiple: true }));
  if (!result.ok) return useWorkbench.getState().pushError(t.dialogFailed(result.error.message));
  await verifyChecksumFiles(result.value.paths);
}

export async function cancelVerify(jobId: string): Promise<void> {
  await cancelJob(jobId, {
    requested: () => useChecksums.getState().requestCancel(jobId),
    failed: (message) => useChecksums.getState().cancelFailed(jobId, message),
  });
}

/** File > Open checksum file. */
export function openChecksumMenu(): void {
  useWorkbench.getState().navigate('checksums');
  openChecksumFiles().catch(reportUnexpected);
}

export async function saveChecksumFile(plan: ChecksumPlan): Promise<void> {
  const { create, updateCreate } = useChecksums.getState();
  if (plan.entries.length === 0 || create.saving) return;
  updateCreate({ saving: true, error: undefined });
  const result = await settle(() => api().checksumSave({ format: create.format, entries: plan.entries }));
  if (!result.ok) return updateCreate({ saving: false, error: t.create.failed(result.error.message) });
  // No path: the save dialog was closed; the last "Saved to" stays true, so it stays.
  updateCreate({ saving: false, ...(result.value.path ? { savedPath: result.value.path } : {}) });
}

/** Saves a run's problems as text through main's save dialog; undefined when the dialog was closed. */
export async function saveProblems(run: VerifyRun): Promise<{ path?: string; error?: string }> {
  const result = await settle(() => api().checksumSaveProblems({ name: fileName(run.path), text: problemsText(run) }));
  if (!result.ok) return { error: t.saveProblemsFailed(result.error.message) };
  return { path: result.value.path };
}

onPaths('checksum', (paths) => {
  verifyChecksumFiles(paths).catch(reportUnexpected);
});
