// Support's side: a small form that saves a case file (.hwcase) for a customer to open.
import { useId } from 'react';
import { FieldError } from '../../app/FieldError.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { savePreparedCase } from './actions.js';
import { updatePrepare, useCustomer, type PrepareState } from './store.js';

const s = strings.customer.prepare;

type Field = 'appUrl' | 'caseNumber' | 'resources' | 'note';

export function PrepareCase() {
  const p = useCustomer((st) => st.prepare);
  const ids = { appUrl: useId(), caseNumber: useId(), resources: useId(), note: useId(), hintUrl: useId(), hintRes: useId() };
  const errIds = { appUrl: useId(), caseNumber: useId(), resources: useId(), note: useId() };
  const edit = (field: Field) => (e: { target: { value: string } }) =>
    updatePrepare({ [field]: e.target.value, errors: { ...p.errors, [field]: undefined } } as Partial<PrepareState>);
  const describe = (field: Field, hint?: string) =>
    [hint, p.errors[field] ? errIds[field] : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form
      className="customer-prepare"
      data-testid="case-form"
      aria-labelledby={`${ids.appUrl}-h`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        // A field that needs changing gets the focus, so its message is read with it.
        savePreparedCase()
          .then(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
          .catch(reportUnexpected);
      }}
    >
      <h3 id={`${ids.appUrl}-h`}>{s.heading}</h3>
      <p>{s.intro}</p>
      <div className="customer-field">
        <label htmlFor={ids.appUrl}>{s.appUrl}</label>
        <input
          id={ids.appUrl}
          type="url"
          data-testid="case-app-url"
          value={p.appUrl}
          onChange={edit('appUrl')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={p.errors.appUrl ? true : undefined}
          aria-describedby={describe('appUrl', ids.hintUrl)}
        />
        <p id={ids.hintUrl} className="customer-hint">
          {s.appUrlHint}
        </p>
        <FieldError className="customer-field-error" id={errIds.appUrl} text={p.errors.appUrl} testId="case-app-url-error" />
      </div>
      <div className="customer-field">
        <label htmlFor={ids.caseNumber}>{s.caseNumber}</label>
        <input
          id={ids.caseNumber}
          type="text"
          data-testid="case-number"
          value={p.caseNumber}
          onChange={edit('caseNumber')}
          autoComplete="off"
          aria-invalid={p.errors.caseNumber ? true : undefined}
          aria-describedby={describe('caseNumber')}
        />
        <FieldError className="customer-field-error" id={errIds.caseNumber} text={p.errors.caseNumber} testId="case-number-error" />
      </div>
      <div className="customer-field">
        <label htmlFor={ids.resources}>{s.resources}</label>
        <textarea
          id={ids.resources}
          data-testid="case-resources"
          rows={4}
          value={p.resources}
          onChange={edit('resources')}
          spellCheck={false}
          aria-invalid={p.errors.resources ? true : undefined}
          aria-describedby={describe('resources', ids.hintRes)}
        />
        <p id={ids.hintRes} className="customer-hint">
          {s.resourcesHint}
        </p>
        <FieldError className="customer-field-error" id={errIds.resources} text={p.errors.resources} testId="case-resources-error" />
      </div>
      <div className="customer-field">
        <label htmlFor={ids.note}>{s.note}</label>
        <textarea
          id={ids.note}
          data-testid="case-note"
          rows={2}
          value={p.note}
          onChange={edit('note')}
          aria-invalid={p.errors.note ? true : undefined}
          aria-describedby={describe('note')}
        />
        <FieldError className="customer-field-error" id={errIds.note} text={p.errors.note} testId="case-note-error" />
      </div>
      <div className="customer-buttons">
        <button type="submit" className="primary" data-testid="case-save" disabled={p.status === 'saving'}>
          {p.status === 'saving' ? s.saving : s.save}
        </button>
      </div>
      <div aria-live="polite">
        {p.status === 'saved' && p.path !== undefined && (
          <p className="customer-ok customer-wrap" data-testid="case-result">
            {s.saved(p.path)}
          </p>
        )}
        {p.status === 'not-saved' && (
          <p className="customer-hint" data-testid="case-result">
            {s.notSaved}
          </p>
        )}
        {p.status === 'failed' && p.error !== undefined && (
          <p className="customer-field-error" data-testid="case-result" role="alert">
            {p.error}
          </p>
        )}
      </div>
    </form>
  );
}
