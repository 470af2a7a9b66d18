// The OTA screen's state: the form, the running check, and the report shown. Reducers only; the calls
// to main live in actions.ts. Its own store, so the frame's store knows nothing of this screen.
import { create } from 'zustand';
import type { Settings } from '../../../main/common/ipc/contract.js';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { emptyForm, type FieldErrors, type FrontendRow, type OtaForm } from './form-model.js';

export interface OtaProgress {
  phase: string;
  done: number;
  total: number;
  path?: string;
}

export interface OtaJob {
  jobId: string;
  progress?: OtaProgress;
  cancelRequested: boolean;
}

/** How the report shown got here: a run of the form, or opened/merged from a file. */
export type ReportOrigin = 'run' | 'opened' | 'merged';

export interface OtaState {
  form: OtaForm;
  errors: FieldErrors;
  /** The user changed the frontend rows: a remembered list must not replace them any more. */
  frontendsEdited: boolean;
  /** settings.frontends as last read or saved; undefined until read. */
  remembered?: Settings['frontends'];
  /** Set when rows were filled from memory, to say so under the URL. */
  rememberedFor?: string;
  job?: OtaJob;
  /** The last run's failure, shown next to Run; the report shown stays. */
  runError?: string;
  runNote?: string;
  report?: OtaReport;
  reportNote?: string;
  reportOrigin?: ReportOrigin;
  /** Bumped each time a report is shown, so the screen can move focus to it once. */
  reportSeq: number;
  /** The reportSeq the screen last moved focus for: coming back to the screen does not move it again. */
  focusedSeq: number;
  /** The form is open. A run (and a report shown) folds it into a one-line summary; Edit opens it again. */
  editing: boolean;

  setField<K extends keyof OtaForm>(key: K, value: OtaForm[K]): void;
  setRows(rows: FrontendRow[], edited: boolean, rememberedFor?: string): void;
  setErrors(errors: FieldErrors): void;
  setRemembered(all: Settings['frontends']): void;
  startJob(jobId: string): void;
  applyProgress(jobId: string, progress: OtaProgress): void;
  requestCancel(jobId: string): void;
  endJob(jobId: string, outcome: { report?: OtaReport; error?: string; note?: string }): void;
  showReport(report: OtaReport, origin: ReportOrigin, note?: string): void;
  freshForm(): void;
  setEditing(editing: boolean): void;
}

let nextRowId = 1;
export const newRowId = () => nextRowId++;

export const useOta = create<OtaState>()((set) => ({
  form: emptyForm(),
  errors: {},
  frontendsEdited: false,
  reportSeq: 0,
  focusedSeq: 0,
  editing: true,

  setField: (key, value) =>
    set((s) => {
      // An error goes away as soon as its field is touched; the others stay until the next run.
      const errors = { ...s.errors };
      if (key === 'appUrl') delete errors.appUrl;
      if (key === 'timeout') delete errors.timeout;
      if (key === 'samples') delete errors.samples;
      if (key === 'scope' || key === 'logText') delete errors.scope;
      if (key === 'resourcesText' || key === 'scope') delete errors.resources;
      return { form: { ...s.form, [key]: value }, errors };
    }),
  setRows: (rows, edited, rememberedFor) =>
    set((s) => {
      const { frontends: _f, trust: _t, ...errors } = s.errors;
      return { form: { ...s.form, frontends: rows }, frontendsEdited: edited, rememberedFor, errors };
    }),
  setErrors: (errors) => set({ errors }),
  setRemembered: (all) => set({ remembered: all }),
  startJob: (jobId) => set({ job: { jobId, cancelRequested: false }, runError: undefined, runNote: undefined, editing: false }),
  applyProgress: (jobId, progress) => set((s) => (s.job?.jobId === jobId ? { job: { ...s.job, progress } } : s)),
  requestCancel: (jobId) => set((s) => (s.job?.jobId === jobId ? { job: { ...s.job, cancelRequested: true } } : s)),
  endJob: (jobId, outcome) =>
    set((s) => {
      if (s.job?.jobId !== jobId) return s;
      // A failed run leaves the report shown as it was: the agent may still need it.
      // Nothing new to show: the form opens again, with the error or the note next to Run.
      if (!outcome.report) return { job: undefined, runError: outcome.error, runNote: outcome.note, editing: true };
      return {
        job: undefined,
        runError: undefined,
        runNote: outcome.note,
        report: outcome.report,
        reportOrigin: 'run',
        reportNote: undefined,
        reportSeq: s.reportSeq + 1,
        editing: false,
      };
    }),
  showReport: (report, origin, note) =>
    set((s) => ({
      report,
      reportOrigin: origin,
      reportNote: note,
      reportSeq: s.reportSeq + 1,
      runError: undefined,
      runNote: undefined,
      editing: false,
    })),
  freshForm: () => set({ form: emptyForm(), errors: {}, frontendsEdited: false, rememberedFor: undefined, editing: true }),
  setEditing: (editing) => set({ editing }),
}));

/** Back to the first state (tests start each case from here). */
export function resetOta(): void {
  useOta.setState(useOta.getInitialState(), true);
}
