// Checksum files: verify each opened or dropped one (a run per file, lines arriving as main checks
// them), cancel a run, and save a checksum file for the hashed files. Registers this screen's
// routes when the module loads (App imports every screen at start).
import { api, settle } from '../../actions/api.js';
import { reportUnexpected } from '../../actions/hash.js';
import { onJobProgress, onMenu, onPaths } from '../../actions/routes.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import type { ChecksumPlan } from './plan.js';
import { useChecksums } from './store.js';

const t = strings.checksums;

async function verifyOne(path: string): Promise<void> {
  const jobId = crypto.randomUUID();
  useChecksums.getState().addRun(jobId, path);
  const result = await settle(() => api().verifyChecksumFile({ jobId, path }));
  useChecksums.getState().finishRun(jobId, result);
}

/** One run per checksum file, all at once; the screen shows them newest first. */
export async function verifyChecksumFiles(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  useWorkbench.getState().navigate('checksums');
  await Promise.all(paths.map(verifyOne));
}

export async function openChecksumFiles(): Promise<void> {
  const result = await settle(() => api().openDialog({ kind: 'checksum', multiple: true }));
  if (!result.ok) return useWorkbench.getState().pushError(t.dialogFailed(result.error.message));
  await verifyChecksumFiles(result.value.paths);
}

export async function cancelVerify(jobId: string): Promise<void> {
  useChecksums.getState().requestCancel(jobId);
  const result = await settle(() => api().cancelJob(jobId));
  // The run's own CANCELLED answer finishes the card; only a failed cancel is ours to show.
  if (!result.ok) useChecksums.getState().cancelFailed(jobId, result.error.message);
}

export async function saveChecksumFile(plan: ChecksumPlan): Promise<void> {
  const { create, updateCreate } = useChecksums.getState();
  if (plan.entries.length === 0 || create.saving) return;
  updateCreate({ saving: true, error: undefined });
  const result = await settle(() => api().saveChecksumFile({ format: create.format, entries: plan.entries }));
  if (!result.ok) return updateCreate({ saving: false, error: t.create.failed(result.error.message) });
  // No path: the save dialog was closed; the last "Saved to" stays true, so it stays.
  updateCreate({ saving: false, ...(result.value.path ? { savedPath: result.value.path } : {}) });
}

onPaths('checksum', (paths) => {
  verifyChecksumFiles(paths).catch(reportUnexpected);
});
onMenu('open-checksum', () => {
  useWorkbench.getState().navigate('checksums');
  openChecksumFiles().catch(reportUnexpected);
});
onJobProgress((event) => {
  if (event.kind === 'verify') useChecksums.getState().addEntry(event.jobId, event.entry, event.index, event.total);
});
