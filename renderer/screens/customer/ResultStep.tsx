// Step 6: the report's sentence for the customer, what the check can and cannot see, the files that did
// not arrive as expected in words, and the report saved for support.
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { saveReport, startOver } from './actions.js';
import { Glossary } from './Glossary.js';
import { useCustomer } from './store.js';
import { resultItems } from './words.js';

const s = strings.customer.result;
const SHOWN = 8;

export function ResultStep() {
  const report = useCustomer((st) => st.run.report);
  const save = useCustomer((st) => st.save);
  const caseNumber = useCustomer((st) => st.caseFile?.caseNumber);
  if (!report) return null;
  const items = resultItems(report);
  const stoppedEarly = report.runs.some((r) => r.cancelled);
  const shown = items.slice(0, SHOWN);
  const visible = [report.customer, ...shown.map((i) => i.text)].join(' ');
  return (
    <div className="customer-body" data-testid="customer-result" data-fault={report.fault}>
      <p className="customer-sentence" data-testid="customer-sentence">
        {report.customer}
      </p>
      {stoppedEarly && (
        <p className="customer-note" data-testid="customer-stopped-early">
          {s.stoppedEarly}
        </p>
      )}
      <p data-testid="customer-limits">{s.limits}</p>
      {items.length === 0 ? (
        <p className="customer-ok">{s.allFine}</p>
      ) : (
        <div>
          <h3>{s.filesHeading}</h3>
          <ul className="customer-files" data-testid="customer-files">
            {shown.map((i) => (
              <li key={i.path} className="customer-wrap">
                {i.text}
              </li>
            ))}
          </ul>
          {items.length > SHOWN && <p className="customer-hint">{s.more(items.length - SHOWN)}</p>}
        </div>
      )}
      <Glossary text={visible} />
      <div className="customer-buttons">
        <button
          type="button"
          className="primary"
          data-testid="customer-save-report"
          disabled={save.status === 'saving'}
          onClick={() => void saveReport().catch(reportUnexpected)}
        >
          {save.status === 'saving' ? s.saving : s.save}
        </button>
        <button type="button" data-testid="customer-start-over" onClick={startOver}>
          {s.startOver}
        </button>
      </div>
      {save.status === 'saved' && save.paths && (
        <p className="customer-ok customer-wrap" data-testid="customer-saved">
          {s.saved(save.paths)}
          {caseNumber !== undefined ? ` ${s.savedCase(caseNumber)}` : ''}
        </p>
      )}
      {save.status === 'failed' && save.error !== undefined && (
        <p className="customer-field-error" role="alert" data-testid="customer-save-error">
          {save.error}
        </p>
      )}
    </div>
  );
}
