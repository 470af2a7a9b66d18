// Support's side: a small form that saves a case file (.hwcase) for a customer to open.
import { useId } from 'react';
import { describedBy, FieldError } from '../../app/FieldError.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { savePreparedCase } from './actions.js';
import { updatePrepare, useCustomer, type PrepareState } from './store.js';

const s = strings.customer.prepare;

type Field = 'appUrl' | 'caseNumber' | 'resources' | 'note';

/** How each field of the case form is shown; the testid is `case-<name>`, its error `case-<name>-error`. */
const FIELDS: ReadonlyArray<{ field: Field; testId: string; control: 'url' | 'text' | 'lines'; rows?: number; hint?: string }> = [
  { field: 'appUrl', testId: 'case-app-url', control: 'url', hint: s.appUrlHint },
  { field: 'caseNumber', testId: 'case-number', control: 'text' },
  { field: 'resources', testId: 'case-resources', control: 'lines', rows: 4, hint: s.resourcesHint },
  { field: 'note', testId: 'case-note', control: 'lines', rows: 2 },
];

function CaseField({ spec, value, error }: { spec: (typeof FIELDS)[number]; value: string; error: string | undefined }) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const { field, testId, control, rows, hint } = spec;
  const p = useCustomer((st) => st.prepare);
  const onChange = (e: { target: { value: string } }) =>
    updatePrepare({ [field]: e.target.value, errors: { ...p.errors, [field]: undefined } } as Partial<PrepareState>);
  const common = {
    id,
    'data-testid': testId,
    value,
    onChange,
    spellCheck: control === 'text' ? undefined : false,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hint && hintId, error && errorId),
  };
  return (
    <div className="customer-field">
      <label htmlFor={id}>{s[field]}</label>
      {control === 'lines' ? <textarea rows={rows} {...common} /> : <input type={control} autoComplete="off" {...common} />}
      {hint && (
        <p id={hintId} className="customer-hint">
          {hint}
        </p>
      )}
      <FieldError className="customer-field-error" id={errorId} text={error} testId={`${testId}-error`} />
    </div>
  );
}

export function PrepareCase() {
  const p = useCustomer((st) => st.prepare);
  const headingId = useId();

  return (
    <form
      className="customer-prepare"
      data-testid="case-form"
      aria-labelledby={headingId}
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
      <h3 id={headingId}>{s.heading}</h3>
      <p>{s.intro}</p>
      {FIELDS.map((spec) => (
        <CaseField key={spec.field} spec={spec} value={p[spec.field]} error={p.errors[spec.field]} />
      ))}
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
