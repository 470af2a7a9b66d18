// The form folded into one line once a check runs or a report is shown: the app, the frontends and what was
// checked, with Edit; while the check runs, its progress and Cancel sit on the same line, always in view.
import { useEffect, useRef } from 'react';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { cancelCheck } from './actions.js';
import { effectiveScope, readLog, readResources, type OtaForm } from './form-model.js';
import { useOta, type OtaProgress } from './store.js';

const s = strings.result.summary;
const run = strings.ota.run;

interface Summary {
  appUrl: string;
  frontends: string[];
  scope: string;
}

function fromForm(form: OtaForm): Summary {
  const log = readLog(form.logText);
  const scope = effectiveScope(form, log.named.length > 0);
  const words =
    scope === 'log'
      ? s.scope.log(log.named.length)
      : scope === 'chosen'
        ? s.scope.chosen(readResources(form.resourcesText).paths.length)
        : strings.ota.scope.all;
  return { appUrl: form.appUrl.trim(), frontends: form.frontends.map((f) => f.label), scope: words };
}

function fromReport(report: OtaReport): Summary {
  const last = report.runs[report.runs.length - 1];
  // The first resource is moduleinfo itself.
  const files = Math.max(0, report.resources.length - 1);
  const scope = last?.options.resources ?? 'chosen';
  return {
    appUrl: last?.appUrl ?? report.moduleName ?? '',
    frontends: report.setup.frontends.map((f) => f.label),
    scope: s.scope[scope](files),
  };
}

export function progressText(p: OtaProgress | undefined): string {
  if (!p) return run.starting;
  if (p.phase === 'resources') return run.checking(p.done, p.total);
  return run.phases[p.phase] ?? p.phase;
}

/** The progress of the running check and its Cancel button (also under Run when the form is open). */
export function RunProgress({ focusCancel }: { focusCancel?: boolean }) {
  const job = useOta((st) => st.job);
  const cancel = useRef<HTMLButtonElement>(null);
  const running = job !== undefined;
  useEffect(() => {
    if (running && focusCancel) cancel.current?.focus();
  }, [running, focusCancel]);
  if (!job) return null;
  const p = job.progress;
  const value = p?.phase === 'resources' && p.total > 0 ? Math.round((p.done / p.total) * 100) : undefined;
  return (
    <div className="ota-progress" data-testid="ota-progress">
      <progress max={100} value={value} aria-label={run.progressLabel} />
      <p className="ota-progress-text" role="status">
        {progressText(p)}
      </p>
      <button
        type="button"
        data-testid="ota-cancel"
        ref={cancel}
        disabled={job.cancelRequested}
        onClick={() => void cancelCheck().catch(reportUnexpected)}
      >
        {job.cancelRequested ? run.cancelling : run.cancel}
      </button>
    </div>
  );
}

export function FormSummary() {
  const form = useOta((st) => st.form);
  const report = useOta((st) => st.report);
  const running = useOta((st) => st.job !== undefined);
  const origin = useOta((st) => st.reportOrigin);
  const runNote = useOta((st) => st.runNote);
  const setEditing = useOta((st) => st.setEditing);
  const summary = running || !report ? fromForm(form) : fromReport(report);
  const lead = running ? s.running : origin === 'run' || !report ? undefined : s.opened;
  return (
    <section className="ota-summary" data-testid="ota-summary" aria-label={s.label}>
      <p className="ota-summary-text">
        {lead && <strong>{lead}: </strong>}
        <span className="ota-mono">{summary.appUrl}</span>
        <span aria-hidden="true"> · </span>
        <span>{s.frontends(summary.frontends)}</span>
        <span aria-hidden="true"> · </span>
        <span>{summary.scope}</span>
      </p>
      <button type="button" data-testid="ota-edit" aria-label={s.editLabel} onClick={() => setEditing(true)}>
        {s.edit}
      </button>
      {running && <RunProgress focusCancel />}
      {runNote && !running && (
        <p className="ota-muted ota-summary-note" role="status" data-testid="ota-run-note">
          {runNote}
        </p>
      )}
    </section>
  );
}
