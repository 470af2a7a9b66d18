// Step 1: what the check does and cannot do, the case file from support, and support's own form.
import { useId } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { openCaseFile } from './actions.js';
import { ProblemText } from './Glossary.js';
import { PrepareCase } from './PrepareCase.js';
import { updatePrepare, useCustomer } from './store.js';

const s = strings.customer.intro;

function LoadedCase() {
  const c = useCustomer((st) => st.caseFile);
  if (!c) return null;
  return (
    <div className="customer-case" data-testid="customer-case" role="status">
      <p className="customer-case-title">{s.caseLoaded(c.caseNumber)}</p>
      <p className="customer-wrap">{s.caseAddress(c.appUrl)}</p>
      <p>{s.caseFiles(c.resources.length)}</p>
      {c.note !== undefined && c.note !== '' && <p className="customer-wrap">{s.caseNote(c.note)}</p>}
    </div>
  );
}

export function IntroStep() {
  const hintId = useId();
  const formId = useId();
  const busy = useCustomer((st) => st.caseBusy);
  const error = useCustomer((st) => st.caseError);
  const prepareOpen = useCustomer((st) => st.prepare.open);
  return (
    <div className="customer-body">
      {s.sentences.map((text) => (
        <p key={text} className="customer-lead">
          {text}
        </p>
      ))}
      <div className="customer-field">
        <button
          type="button"
          className="primary"
          data-testid="customer-open-case"
          aria-describedby={hintId}
          disabled={busy}
          onClick={() => void openCaseFile().catch(reportUnexpected)}
        >
          {busy ? s.opening : s.openCase}
        </button>
        <p id={hintId} className="customer-hint">
          {s.openCaseHint}
        </p>
        {error && <ProblemText testId="customer-case-error" message={error.message} detail={error.detail} />}
      </div>
      <LoadedCase />
      <div className="customer-support">
        <button
          type="button"
          className="link-button"
          data-testid="customer-prepare-case"
          aria-expanded={prepareOpen}
          aria-controls={formId}
          onClick={() => updatePrepare({ open: !prepareOpen })}
        >
          {s.prepareToggle}
        </button>
        <div id={formId} hidden={!prepareOpen}>
          {prepareOpen && <PrepareCase />}
        </div>
      </div>
    </div>
  );
}
