// OTA upgrade check: the form an agent fills in, and the report of the last run (or of a report opened).
import { useDeferredValue, useEffect, useRef, type FormEvent } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import './ota-result.css';
import './ota-form.css';
import { loadRemembered, runCheck } from './actions.js';
import { FormSummary } from './FormSummary.js';
import { AppUrlField, FrontendRows } from './FrontendRows.js';
import { LogInput } from './LogInput.js';
import { AdvancedFields, HarField, NetworkOptions, ScopeFields } from './OptionFields.js';
import { ResultView } from './ResultView.js';
import './routes.js';
import { RunBar } from './RunBar.js';
import { useOta } from './store.js';

const s = strings.ota;

function OtaForm() {
  const form = useRef<HTMLFormElement>(null);
  const errors = useOta((st) => st.errors);
  const submitted = useRef(false);
  const hasErrors = Object.keys(errors).length > 0;

  useEffect(() => {
    // After a refused Run, the keyboard goes to the first field to fix (the advanced box opens itself first).
    if (!submitted.current || !hasErrors) return;
    submitted.current = false;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, hasErrors]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    submitted.current = true;
    void runCheck().catch(reportUnexpected);
  };
  return (
    <form ref={form} className="ota-form" aria-label={s.formLabel} noValidate onSubmit={submit}>
      <LogInput />
      <AppUrlField />
      <FrontendRows />
      <ScopeFields />
      <NetworkOptions />
      <HarField />
      <AdvancedFields />
      <RunBar hasErrors={hasErrors} />
    </form>
  );
}

export function OtaScreen() {
  const report = useOta((st) => st.report);
  // The result is drawn in the background, in slices of a few ms that yield to the window: a whole module's report
  // (2,000 rows) drawn at once held the main thread for 140-180 ms. Heading and summary come at once; the screen
  // mounting with a report (opened from Reports) starts from none, or the first draw would not be deferred.
  const shown = useDeferredValue(report ?? null, null);
  const note = useOta((st) => st.reportNote);
  const seq = useOta((st) => st.reportSeq);
  const running = useOta((st) => st.job !== undefined);
  const editing = useOta((st) => st.editing);
  const screen = useRef<HTMLElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // The result first: once a check runs or a report is shown, the form is one line with Edit.
  const folded = !editing && (running || report !== undefined);

  useEffect(() => {
    void loadRemembered().catch(reportUnexpected);
  }, []);

  useEffect(() => {
    // A run started: the page goes back to its top, where the summary shows the progress and Cancel.
    if (running) screen.current?.scrollIntoView?.({ block: 'start' });
  }, [running]);

  useEffect(() => {
    // A new report (run, opened or merged): the keyboard and the eye go to it, the verdict in view. Once.
    if (!seq || seq === useOta.getState().focusedSeq) return;
    useOta.setState({ focusedSeq: seq });
    resultHeading.current?.focus({ preventScroll: true });
    screen.current?.scrollIntoView?.({ block: 'start' });
  }, [seq]);

  return (
    <section ref={screen} className="screen ota-screen" aria-labelledby="screen-title">
      <div className="screen-head">
        <h1 id="screen-title">{s.title}</h1>
      </div>
      {folded && <FormSummary />}
      {/* Folded, the form stays mounted (hidden): what was open in it and the fields' state come back with Edit. */}
      <div className="ota-form-wrap" hidden={folded}>
        <p className="ota-intro">{s.intro}</p>
        <OtaForm />
      </div>
      {report && (
        <>
          <h2 ref={resultHeading} tabIndex={-1} className="ota-result-heading visually-hidden-focusable">
            {s.result.heading}
          </h2>
          {note && (
            <p className="ota-muted" data-testid="ota-report-note">
              {note}
            </p>
          )}
          {shown && <ResultView report={shown} />}
        </>
      )}
    </section>
  );
}
