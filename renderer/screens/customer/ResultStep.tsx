// Step 6: what happened and who must act, in the customer's words, what the check can and cannot see, the
// files that did not arrive as expected, and the report saved for support.
import { strings } from '../../strings/index.js';
import { startOver } from './actions.js';
import { SaveForSupport } from './SaveForSupport.js';
import { Glossary } from './Glossary.js';
import { useCustomer } from './store.js';
import { resultItems } from './words.js';

const s = strings.customer.result;
const SHOWN = 8;

export function ResultStep() {
  const report = useCustomer((st) => st.run.report);
  if (!report) return null;
  const items = resultItems(report);
  const stoppedEarly = report.runs.some((r) => r.cancelled);
  const shown = items.slice(0, SHOWN);
  const outcome = s.outcome[report.cause];
  const visible = [outcome.sentence, ...shown.map((i) => i.text)].join(' ');
  return (
    <div className="customer-body" data-testid="customer-result" data-fault={report.fault}>
      <p className="customer-sentence" data-testid="customer-sentence">
        {outcome.sentence}
      </p>
      <p className="customer-lead" data-testid="customer-who">
        {outcome.who}
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
      <SaveForSupport label={s.save}>
        <button type="button" data-testid="customer-start-over" onClick={startOver}>
          {s.startOver}
        </button>
      </SaveForSupport>
    </div>
  );
}
