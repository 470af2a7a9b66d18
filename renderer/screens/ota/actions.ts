// The OTA screen's calls to main: run and cancel the check, pick files and folders, remember frontends
// per app, and show a report that was opened or merged elsewhere.
import type { Envelope, IpcError, ResponseOf } from '../../../main/common/ipc/contract.js';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { api, settle, wholeReport } from '../../actions/api.js';
import { cancelJob, runJob } from '../../actions/jobs.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { buildRequest, frontendsKey, rowsToRemember, type FrontendRow } from './form-model.js';
import { newRowId, useOta, type ReportOrigin } from './store.js';

/**
 * A turn of the event loop between a report's arrival and its drawing: Electron deserialises a big report (20 MB for
 * a whole module) in the task that delivers it, and drawing it in that same task would make one long freeze of both.
 */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** At most this many apps are remembered (the settings schema's limit): the oldest go first. */
const MAX_REMEMBERED = 200;

const toRows = (saved: Array<{ label: string; address: string }>): FrontendRow[] => saved.map((f) => ({ id: newRowId(), ...f }));

/** Fills the rows from memory when the URL names a remembered app and the agent has not typed rows. */
function applyRemembered(): void {
  const s = useOta.getState();
  const key = frontendsKey(s.form.appUrl);
  const saved = key ? s.remembered?.[key] : undefined;
  if (!key || !saved || s.frontendsEdited || s.rememberedFor === key) return;
  s.setRows(toRows(saved), false, key);
}

/** Reads the remembered frontends once per screen visit; a failure only means nothing is filled in. */
export async function loadRemembered(): Promise<void> {
  const result = await settle(() => api().settingsGet());
  if (!result.ok) return;
  useOta.getState().setRemembered(result.value.frontends ?? {});
  applyRemembered();
}

export function setAppUrl(text: string): void {
  useOta.getState().setField('appUrl', text);
  applyRemembered();
}

export function editRows(change: (rows: FrontendRow[]) => FrontendRow[]): void {
  const s = useOta.getState();
  s.setRows(change(s.form.frontends), true, s.rememberedFor);
}

export function addFrontend(): FrontendRow {
  // FE1, FE2…: the next free label, so a row is usable as soon as it has an address.
  const labels = new Set(useOta.getState().form.frontends.map((r) => r.label));
  let n = 1;
  while (labels.has(`FE${n}`)) n++;
  const row = { id: newRowId(), label: `FE${n}`, address: '' };
  editRows((rows) => [...rows, row]);
  return row;
}

async function pickOne(kind: 'folder' | 'pem' | 'har'): Promise<string | undefined> {
  const result = await settle(() => api().dialogOpen({ kind, multiple: false }));
  if (!result.ok) {
    useWorkbench.getState().pushError(result.error.message);
    return undefined;
  }
  // An empty list: the dialog was closed without a choice.
  return result.value.paths[0];
}

export async function pickFolder(rowId: number): Promise<void> {
  const path = await pickOne('folder');
  if (path) editRows((rows) => rows.map((r) => (r.id === rowId ? { ...r, address: path } : r)));
}

export async function pickCa(): Promise<void> {
  const path = await pickOne('pem');
  if (path) useOta.getState().setField('caPath', path);
}

export async function pickHar(): Promise<void> {
  const path = await pickOne('har');
  if (path) useOta.getState().setField('harPath', path);
}

/** Saves this app's rows with every other app's, so the next check of it starts filled in. */
async function rememberRows(appUrl: string): Promise<void> {
  const s = useOta.getState();
  const key = frontendsKey(appUrl);
  if (!key) return;
  const rows = rowsToRemember(s.form.frontends);
  const all = { ...(s.remembered ?? {}) };
  if (!rows.length && !all[key]) return;
  delete all[key];
  all[key] = rows;
  const keys = Object.keys(all);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete all[old];
  const result = await settle(() => api().settingsSet({ frontends: all }));
  if (result.ok) useOta.getState().setRemembered(result.value.frontends ?? all);
  else useWorkbench.getState().pushError(strings.ota.run.settingsSave(result.error.message));
}

/** Validates the form, then runs the check in main; false when a field needs fixing first. */
export async function runCheck(): Promise<boolean> {
  const s = useOta.getState();
  if (s.job) return false;
  const jobId = crypto.randomUUID();
  const built = buildRequest(s.form, jobId);
  if ('errors' in built) {
    s.setErrors(built.errors);
    return false;
  }
  s.setErrors({});
  const call = async () => {
    // The frontends are remembered while the check runs; the answer waits for that save.
    const saving = rememberRows(built.request.appUrl);
    try {
      return await wholeReport(await api().otaDiagnose({ ...built.request, sliced: true }));
    } finally {
      await saving;
      await nextTask();
    }
  };
  await runJob(call, {
    jobId,
    started: () => useOta.getState().startJob(jobId),
    progress: (event) => {
      if (event.kind !== 'ota') return;
      useOta.getState().applyProgress(jobId, { phase: event.phase, done: event.done, total: event.total, path: event.path });
    },
    settled: (result) => {
      const cancelled = useOta.getState().job?.cancelRequested ?? false;
      if (result.ok) {
        const partial = cancelled || result.value.runs.some((r) => r.cancelled);
        useOta.getState().endJob(jobId, { report: result.value, note: partial ? strings.ota.run.cancelledPartial : undefined });
      } else if (result.error.code === 'CANCELLED') {
        useOta.getState().endJob(jobId, { note: strings.ota.run.cancelled });
      } else {
        useOta.getState().endJob(jobId, { error: strings.ota.run.failed(result.error.message) });
      }
    },
  });
  return true;
}

export async function cancelCheck(): Promise<void> {
  const job = useOta.getState().job;
  if (!job || job.cancelRequested) return;
  await cancelJob(job.jobId, {
    requested: () => useOta.getState().requestCancel(job.jobId),
    failed: (message) => useWorkbench.getState().pushError(message),
  });
}

export function showReport(report: OtaReport, origin: ReportOrigin, path?: string): void {
  const note =
    path === undefined
      ? undefined
      : origin === 'merged'
        ? strings.ota.note.merged(fileName(path))
        : strings.ota.note.opened(fileName(path));
  useOta.getState().showReport(report, origin, note);
  useWorkbench.getState().navigate('ota');
}

/** report:open (a path, or the dialog without one) with the report made whole; no path in the answer: the dialog was closed. */
export async function openReport(path?: string): Promise<Envelope<ResponseOf<'report:open'>>> {
  const opened = await settle(() => api().reportOpen({ path, sliced: true }));
  if (!opened.ok || opened.value.path === undefined) return opened;
  const whole = await wholeReport({ ok: true, value: opened.value.report });
  return whole.ok ? { ok: true, value: { path: opened.value.path, report: whole.value } } : whole;
}

/** A report path from a drop, open-with or the recent list: shown in the result view, or why not (no error: nothing to open). */
export async function openReportAt(path: string): Promise<{ ok: true } | { ok: false; error?: IpcError }> {
  const result = await openReport(path);
  await nextTask();
  if (!result.ok) return { ok: false, error: result.error };
  if (result.value.path === undefined) return { ok: false };
  showReport(result.value.report, 'opened', result.value.path);
  return { ok: true };
}
