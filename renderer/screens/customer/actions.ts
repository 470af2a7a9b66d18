// Customer mode's calls to main, and what it takes from the frame: case files opened with the app or
// dropped, the "Customer mode" menu command, and its own check's progress. The check itself (every
// download, every comparison, the verdict) runs in main; this only gathers the inputs and shows the answer.
import { failureReport } from './failure-report.js';
import { isErrnoCode, isNetworkErrno } from '../../../main/common/errors.js';
import { pathKind } from '../../../main/common/path-kind.js';
import type { IpcError, JobProgress } from '../../../main/common/ipc/contract.js';
import type { RequestOf } from '../../../main/common/ipc/contract.js';
import { api, settle, wholeReport } from '../../actions/api.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { cancelJob, runJob } from '../../actions/jobs.js';
import { onPaths } from '../../actions/routes.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { appNameOf, normaliseAppUrl, parseResourceLines, type AddressProblem } from './address.js';
import { summariseLog } from './log-summary.js';
import {
  cancelFailed,
  cancelRequested,
  goTo,
  loadCase,
  resetCustomerInputs,
  runFailed,
  runFinished,
  runProgress,
  runStarted,
  runStopped,
  refuseAddress,
  setAppUrl,
  setCaseBusy,
  setHar,
  setSave,
  updatePrepare,
  useCustomer,
  type Problem,
  type RunState,
  type Step,
} from './store.js';

const s = strings.customer;
const state = () => useCustomer.getState();

/** The message for each way an address can be wrong. */
export function addressMessage(problem: AddressProblem): string {
  return s.address[problem];
}

// ---- Steps ----

export function next(): void {
  const { step } = state();
  if (step === 'intro') return goTo('error');
  if (step === 'error') {
    // Too much text is said next to the box; anything else (even nothing) may go on.
    if (summariseLog(state().logText).kind === 'tooLong') return;
    return goTo('address');
  }
  if (step === 'address') {
    if (!checkAddress()) return;
    return goTo('capture');
  }
  if (step === 'capture') return void startCheck().catch(reportUnexpected);
}

const PREVIOUS: Partial<Record<Step, Step>> = {
  error: 'intro',
  address: 'error',
  capture: 'address',
  checking: 'capture',
  result: 'capture',
};

export function back(): void {
  const { step, run } = state();
  if (step === 'checking' && run.status === 'running') return;
  const previous = PREVIOUS[step];
  if (previous) goTo(previous);
}

/** Checks the address field; a usable one is written back in the form the check needs. */
export function checkAddress(): boolean {
  const r = normaliseAppUrl(state().appUrl);
  if (!r.ok) {
    refuseAddress(addressMessage(r.problem));
    return false;
  }
  setAppUrl(r.url);
  return true;
}

/** The menu command: customer mode from its first step (or the check that is running). */
export function showCustomerMode(): void {
  useWorkbench.getState().navigate('customer');
  goTo(state().run.status === 'running' ? 'checking' : 'intro');
}

export function startOver(): void {
  if (state().run.status === 'running') return;
  resetCustomerInputs();
}

// ---- Case files ----

function caseProblem(error: IpcError): Problem {
  if (error.code === 'INVALID') return { message: s.intro.caseBad, detail: error.message };
  return { message: s.intro.caseUnreadable(error.message) };
}

/** Opens a case file (the dialog without a path) and fills customer mode in from it. */
export async function openCaseFile(path?: string): Promise<void> {
  setCaseBusy(true);
  const result = await settle(() => api().caseOpen(path === undefined ? {} : { path }));
  const fromOutside = path !== undefined;
  if (fromOutside) showCustomerMode();
  if (!result.ok) return setCaseBusy(false, caseProblem(result.error));
  // No path: the dialog was closed without a choice.
  if (result.value.path === undefined) return setCaseBusy(false);
  const c = result.value.case;
  loadCase({ path: result.value.path, appUrl: c.appUrl, caseNumber: c.caseNumber, resources: c.resources ?? [], note: c.note });
  if (state().run.status !== 'running') goTo('intro');
}

// ---- The recording (.har) ----

const isHar = (path: string) => pathKind(path).kind === 'har';

export async function chooseHar(): Promise<void> {
  const result = await settle(() => api().dialogOpen({ kind: 'har', multiple: false }));
  if (!result.ok) return setHar(state().harPath, { message: s.capture.openFailed(result.error.message) });
  const path = result.value.paths[0];
  if (path === undefined) return;
  setHar(path);
}

export async function dropHar(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const result = await settle(() => api().addDroppedFiles(files));
  if (!result.ok) return setHar(state().harPath, { message: s.capture.openFailed(result.error.message) });
  const path = result.value.paths.find(isHar);
  if (path === undefined) return setHar(state().harPath, { message: s.capture.notHar });
  setHar(path);
}

export function removeHar(): void {
  setHar(undefined);
}

// ---- The check ----

/** A failed run in the customer's words, and which of their inputs it concerns. */
export function runProblem(error: IpcError, hadHar: boolean): NonNullable<RunState['problem']> {
  const detail = error.message;
  // The recording is the only file a customer's check reads: a refused or unreadable path is it.
  if (hadHar && (error.code === 'REFUSED_PATH' || (isErrnoCode(error.code) && !isNetworkErrno(error.code)))) {
    return { concern: 'capture', message: s.capture.unreadable, detail };
  }
  if (hadHar && error.code === 'INVALID' && error.details?.field === 'harPath')
    return { concern: 'capture', message: s.capture.bad, detail };
  // No moduleinfo from any point (CANNOT_RUN, details.kind says why), or a network errno code.
  if (error.details?.kind === 'timeout' || error.code === 'ETIMEDOUT') return { concern: 'address', message: s.address.timeout, detail };
  if (error.code === 'CANNOT_RUN' || isNetworkErrno(error.code)) return { concern: 'address', message: s.address.unreachable, detail };
  if (error.code === 'INVALID' && error.details?.field === 'appUrl') return { concern: 'address', message: s.address.refused, detail };
  return { concern: 'general', message: s.checking.failed, detail };
}

/** The request customer mode sends: no frontends (a customer cannot reach them), their vantage. */
export function diagnoseRequest(jobId: string): RequestOf<'ota:diagnose'> {
  const { appUrl, logText, harPath, caseFile } = state();
  const request: RequestOf<'ota:diagnose'> = { jobId, appUrl, frontends: [], vantage: 'customer' };
  // Main reads the failing files out of the log itself; support's list (the case) adds to them.
  if (logText.trim() !== '') request.logText = logText;
  if (harPath !== undefined) request.harPath = harPath;
  if (caseFile && caseFile.resources.length) request.resources = caseFile.resources;
  return request;
}

export async function startCheck(): Promise<void> {
  if (state().run.status === 'running') return goTo('checking');
  if (!checkAddress()) return goTo('address');
  const jobId = `customer-${crypto.randomUUID()}`;
  const request = diagnoseRequest(jobId);
  const startedAt = new Date().toISOString();
  await runJob(async () => wholeReport(await api().otaDiagnose({ ...request, sliced: true })), {
    jobId,
    started: () => {
      runStarted(jobId);
      goTo('checking');
    },
    progress: applyOtaProgress,
    settled: (result) => {
      if (result.ok) {
        runFinished(jobId, result.value);
        if (state().run.jobId === jobId && state().run.status === 'done') goTo('result');
        return;
      }
      if (result.error.code === 'CANCELLED') return runStopped(jobId);
      runFailed(jobId, runProblem(result.error, request.harPath !== undefined), failureReport(request.appUrl, result.error, startedAt));
    },
  });
}

export async function cancelCheck(): Promise<void> {
  const { run } = state();
  if (run.status !== 'running' || run.jobId === undefined || run.cancelRequested) return;
  // The run's own answer (a partial report, or CANCELLED) ends it; only a failure to cancel is ours to say.
  await cancelJob(run.jobId, { requested: cancelRequested, failed: (message) => cancelFailed(s.checking.cancelFailed(message)) });
}

export function applyOtaProgress(event: JobProgress): void {
  if (event.kind !== 'ota') return;
  runProgress(event.jobId, { phase: event.phase, done: event.done, total: event.total });
}

// ---- The report ----

export async function saveReport(): Promise<void> {
  const { report } = state().run;
  if (!report || state().save.status === 'saving') return;
  setSave({ status: 'saving' });
  const result = await settle(() => api().reportExport({ report, formats: ['html', 'json'] }));
  if (!result.ok) return setSave({ status: 'failed', error: s.result.saveFailed(result.error.message) });
  // No paths: the save dialog was closed without a choice.
  if (result.value.paths.length === 0) return setSave({ status: 'idle' });
  setSave({ status: 'saved', paths: result.value.paths });
}

/** Shows a saved report in the file manager (the app saved it, so main may show it). */
export async function showSaved(path: string): Promise<void> {
  const result = await settle(() => api().shellShowInFolder({ path }));
  if (!result.ok) setSave({ ...state().save, error: s.result.showFailed(result.error.message) });
}

// ---- Support's form: prepare a case file ----

export async function savePreparedCase(): Promise<void> {
  const p = state().prepare;
  if (p.status === 'saving') return;
  const errors: typeof p.errors = {};
  const address = normaliseAppUrl(p.appUrl);
  if (!address.ok) errors.appUrl = addressMessage(address.problem);
  const caseNumber = p.caseNumber.trim();
  if (caseNumber.length > 64) errors.caseNumber = s.prepare.caseNumberTooLong;
  const lines = parseResourceLines(p.resources, address.ok ? appNameOf(address.url) : undefined);
  if (!lines.ok) errors.resources = lines.problem === 'tooMany' ? s.prepare.tooManyResources : s.prepare.resourceTooLong(lines.line);
  const note = p.note.trim();
  if (note.length > 2000) errors.note = s.prepare.noteTooLong;
  if (!address.ok || !lines.ok || Object.keys(errors).length) return updatePrepare({ errors, status: 'idle' });

  updatePrepare({ errors: {}, status: 'saving', appUrl: address.url, error: undefined, path: undefined });
  const request: RequestOf<'case:save'> = { appUrl: address.url };
  if (caseNumber !== '') request.caseNumber = caseNumber;
  if (lines.resources.length) request.resources = lines.resources;
  if (note !== '') request.note = note;
  const result = await settle(() => api().caseSave(request));
  if (!result.ok) return updatePrepare({ status: 'failed', error: s.prepare.failed(result.error.message) });
  if (result.value.path === undefined) return updatePrepare({ status: 'not-saved' });
  updatePrepare({ status: 'saved', path: result.value.path });
}

// ---- Registered once, when this module loads ----

onPaths('case', (paths) => {
  const path = paths[0];
  if (path === undefined) return false;
  openCaseFile(path).catch(reportUnexpected);
  return true;
});
