// OTA upgrade check: the form an agent fills in, and the report of the last run (or of a report opened).
import { useEffect, useRef, type FormEvent } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import './ota-result.css';
import './ota-form.css';
import { loadRemembered, runCheck } from './actions.js';
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
  const note = useOta((st) => st.reportNote);
  const origin = useOta((st) => st.reportOrigin);
  const seq = useOta((st) => st.reportSeq);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void loadRemembered().catch(reportUnexpected);
  }, []);

  useEffect(() => {
    // A report opened or merged elsewhere: take the keyboard (and the eye) to it, past the form. Once.
    if (!seq || seq === useOta.getState().focusedSeq) return;
    useOta.setState({ focusedSeq: seq });
    if (origin === 'run') return;
    resultHeading.current?.focus();
    resultHeading.current?.scrollIntoView?.({ block: 'start' });
  }, [seq, origin]);

  return (
    <section className="screen ota-screen" aria-labelledby="screen-title">
      <div className="screen-head">
        <h1 id="screen-title">{s.title}</h1>
      </div>
      <p className="ota-intro">{s.intro}</p>
      <OtaForm />
      {report && (
        <>
          <h2 ref={resultHeading} tabIndex={-1} className="ota-result-heading">
            {s.result.heading}
          </h2>
          {note && (
            <p className="ota-muted" data-testid="ota-report-note">
              {note}
            </p>
          )}
          <ResultView report={report} />
        </>
      )}
    </section>
  );
}
