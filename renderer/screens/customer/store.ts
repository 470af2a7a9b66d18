// Customer mode's own state: which step shows, what the customer gave, the check and its report, and
// support's "prepare a case file" form. Reducers only: the calls to main live in actions.ts.
import { create } from 'zustand';
import type { OtaReport } from '../../../main/common/ota/report.js';

export const STEPS = ['intro', 'error', 'address', 'capture', 'checking', 'result'] as const;
export type Step = (typeof STEPS)[number];

/** One number per step: checking and its result are two steps. */
export const STEP_COUNT = STEPS.length;
export const stepNumber = (step: Step): number => STEPS.indexOf(step) + 1;

export interface LoadedCase {
  path: string;
  appUrl: string;
  caseNumber?: string;
  resources: string[];
  note?: string;
}

/** A message for the customer, with the technical text behind it when there is one. */
export interface Problem {
  message: string;
  detail?: string;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'stopped';

export interface RunState {
  status: RunStatus;
  jobId?: string;
  progress?: { phase: string; done: number; total: number };
  cancelRequested: boolean;
  /** A failed run: what to tell the customer, and which input it concerns. */
  problem?: Problem & { concern: 'address' | 'capture' | 'general' };
  cancelError?: string;
  report?: OtaReport;
}

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'failed';
  paths?: string[];
  error?: string;
}

export interface PrepareState {
  open: boolean;
  appUrl: string;
  caseNumber: string;
  resources: string;
  note: string;
  errors: Partial<Record<'appUrl' | 'caseNumber' | 'resources' | 'note', string>>;
  status: 'idle' | 'saving' | 'saved' | 'not-saved' | 'failed';
  path?: string;
  error?: string;
}

export interface CustomerState {
  step: Step;
  /** Set on every step change: the screen moves focus to the step's heading, then clears it. */
  focusPending: boolean;
  caseFile?: LoadedCase;
  caseBusy: boolean;
  caseError?: Problem;
  logText: string;
  appUrl: string;
  /** The address's own problem: from checking the field, or from a run that could not reach it. */
  addressError?: string;
  /** Counts refused Next presses on the address step: the field takes the focus each time. */
  addressAttempt: number;
  harPath?: string;
  captureError?: Problem;
  /** Files are being dragged over the screen on the recording step. */
  dropOver: boolean;
  run: RunState;
  save: SaveState;
  prepare: PrepareState;
}

const IDLE_RUN: RunState = { status: 'idle', cancelRequested: false };
const IDLE_SAVE: SaveState = { status: 'idle' };
const EMPTY_PREPARE: PrepareState = { open: false, appUrl: '', caseNumber: '', resources: '', note: '', errors: {}, status: 'idle' };

export const initialCustomerState = (): CustomerState => ({
  step: 'intro',
  focusPending: false,
  caseBusy: false,
  logText: '',
  appUrl: '',
  addressAttempt: 0,
  dropOver: false,
  run: IDLE_RUN,
  save: IDLE_SAVE,
  prepare: EMPTY_PREPARE,
});

export const useCustomer = create<CustomerState>()(() => initialCustomerState());

const set = useCustomer.setState;
const get = useCustomer.getState;

export function goTo(step: Step): void {
  set({ step, focusPending: true, dropOver: false });
}

export function focusDone(): void {
  set({ focusPending: false });
}

export function setLogText(logText: string): void {
  set({ logText });
}

export function setAppUrl(appUrl: string): void {
  // Typing again withdraws the message about the old value.
  set({ appUrl, addressError: undefined });
}

/** The address field was refused: its message, and the focus back on it. */
export function refuseAddress(addressError: string): void {
  set((s) => ({ addressError, addressAttempt: s.addressAttempt + 1 }));
}

export function setHar(harPath: string | undefined, captureError?: Problem): void {
  set({ harPath, captureError });
}

export function setDropOver(dropOver: boolean): void {
  if (get().dropOver !== dropOver) set({ dropOver });
}

export function setCaseBusy(caseBusy: boolean, caseError?: Problem): void {
  set({ caseBusy, caseError });
}

/** A case from support fills in the address and the files; what the customer pasted stays. */
export function loadCase(c: LoadedCase): void {
  set({ caseFile: c, caseBusy: false, caseError: undefined, appUrl: c.appUrl, addressError: undefined, run: IDLE_RUN, save: IDLE_SAVE });
}

export function runStarted(jobId: string): void {
  set({ run: { status: 'running', jobId, cancelRequested: false }, save: IDLE_SAVE, addressError: undefined, captureError: undefined });
}

export function runProgress(jobId: string, progress: { phase: string; done: number; total: number }): void {
  const run = get().run;
  // Only this run's events, and none after it ended.
  if (run.jobId !== jobId || run.status !== 'running') return;
  set({ run: { ...run, progress } });
}

export function runFinished(jobId: string, report: OtaReport): void {
  const run = get().run;
  if (run.jobId !== jobId || run.status !== 'running') return;
  set({ run: { ...run, status: 'done', cancelRequested: false, report } });
}

export function runStopped(jobId: string): void {
  const run = get().run;
  if (run.jobId !== jobId || run.status !== 'running') return;
  set({ run: { ...run, status: 'stopped', cancelRequested: false } });
}

/** A run that could not check: its problem, and a report of the attempt so there is still something to send. */
export function runFailed(jobId: string, problem: NonNullable<RunState['problem']>, report?: OtaReport): void {
  const run = get().run;
  if (run.jobId !== jobId || run.status !== 'running') return;
  const concerns =
    problem.concern === 'address' ? { addressError: problem.message } : problem.concern === 'capture' ? { captureError: problem } : {};
  set({ run: { ...run, status: 'failed', cancelRequested: false, problem, ...(report ? { report } : {}) }, ...concerns });
}

export function cancelRequested(): void {
  set((s) => ({ run: { ...s.run, cancelRequested: true, cancelError: undefined } }));
}

export function cancelFailed(message: string): void {
  set((s) => ({ run: { ...s.run, cancelRequested: false, cancelError: message } }));
}

export function setSave(save: SaveState): void {
  set({ save });
}

export function updatePrepare(change: Partial<PrepareState>): void {
  set((s) => ({ prepare: { ...s.prepare, ...change } }));
}

/** Start over: everything the customer gave and found is dropped (support's form is kept). */
export function resetCustomerInputs(): void {
  const { prepare } = get();
  set({ ...initialCustomerState(), prepare, focusPending: true });
}

/** Back to the first state (tests start each case from here). */
export function resetCustomer(): void {
  set(initialCustomerState(), true);
}
