// Step 5: the check running in main, its progress in words, Cancel; or why it could not run, with the
// way to the input concerned (what the customer gave is kept).
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { cancelCheck, startCheck } from './actions.js';
import { ProblemText } from './Glossary.js';
import { SaveForSupport } from './SaveForSupport.js';
import { goTo, useCustomer, type RunState } from './store.js';

const s = strings.customer.checking;

function progressText(run: RunState): string {
  const p = run.progress;
  if (!p) return s.starting;
  if (p.phase === 'resources') return s.checked(p.done, p.total);
  return s.phases[p.phase] ?? s.starting;
}

export function CheckingStep() {
  const run = useCustomer((st) => st.run);
  const running = run.status === 'running';
  const counting = running && run.progress?.phase === 'resources' && run.progress.total > 0;
  const start = () => void startCheck().catch(reportUnexpected);
  return (
    <div className="customer-body">
      {running && (
        <div className="customer-progress">
          <progress
            max={counting ? run.progress!.total : undefined}
            value={counting ? run.progress!.done : undefined}
            aria-label={s.progressLabel}
          />
          <p data-testid="customer-progress" role="status" aria-atomic="true" className="customer-lead">
            {progressText(run)}
          </p>
          <p className="customer-hint">{s.wait}</p>
          <div className="customer-buttons">
            <button
              type="button"
              data-testid="customer-cancel"
              disabled={run.cancelRequested}
              onClick={() => void cancelCheck().catch(reportUnexpected)}
            >
              {run.cancelRequested ? s.stopping : s.cancel}
            </button>
          </div>
          {run.cancelError !== undefined && (
            <p className="customer-field-error" role="alert" data-testid="customer-cancel-error">
              {run.cancelError}
            </p>
          )}
        </div>
      )}
      {run.status === 'failed' && run.problem && (
        <>
          <ProblemText
            testId="customer-run-error"
            message={run.problem.concern === 'general' ? `${run.problem.message} ${s.general}` : run.problem.message}
            detail={run.problem.detail}
          />
          {run.problem.concern === 'address' && (
            <button type="button" className="link-button" data-testid="customer-fix-address" onClick={() => goTo('address')}>
              {s.fixAddress}
            </button>
          )}
          {run.problem.concern === 'capture' && (
            <button type="button" className="link-button" data-testid="customer-fix-capture" onClick={() => goTo('capture')}>
              {s.fixCapture}
            </button>
          )}
          {run.report && <SaveForSupport label={strings.customer.result.saveFailedRun} />}
        </>
      )}
      {run.status === 'stopped' && (
        <p className="customer-note" data-testid="customer-stopped">
          {s.stopped}
        </p>
      )}
      {!running && run.status !== 'failed' && run.status !== 'stopped' && <p className="customer-note">{s.ready}</p>}
      {!running && (
        <div className="customer-buttons">
          <button type="button" className="primary" data-testid="customer-run" onClick={start}>
            {run.status === 'failed' || run.status === 'stopped' ? s.again : s.run}
          </button>
        </div>
      )}
    </div>
  );
}
