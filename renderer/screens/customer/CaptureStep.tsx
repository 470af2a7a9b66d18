// Step 4 (optional): a .har recording support asked for, added with the dialog or dropped on the
// screen (HarDrop.ts takes drops anywhere on it during this step; the box shows where).
import { useId } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { fileName } from '../../format.js';
import { chooseHar, removeHar } from './actions.js';
import { ProblemText } from './Glossary.js';
import { useCustomer } from './store.js';

const s = strings.customer.capture;

export function CaptureStep() {
  const ids = { text: useId(), drop: useId() };
  const harPath = useCustomer((st) => st.harPath);
  const error = useCustomer((st) => st.captureError);
  const over = useCustomer((st) => st.dropOver);
  return (
    <div className="customer-body">
      <p id={ids.text} className="customer-lead">
        {s.text}
      </p>
      <p className="customer-hint">{s.explain}</p>
      <div className={`customer-drop${over ? ' customer-drop-over' : ''}`} data-testid="customer-har-drop">
        <button
          type="button"
          data-testid="customer-har-add"
          aria-describedby={`${ids.text} ${ids.drop}`}
          onClick={() => void chooseHar().catch(reportUnexpected)}
        >
          {s.add}
        </button>
        <p id={ids.drop} className="customer-hint">
          {s.drop}
        </p>
      </div>
      {harPath !== undefined && (
        <div className="customer-chosen" data-testid="customer-har">
          <p className="customer-wrap">{s.added(fileName(harPath))}</p>
          <button type="button" data-testid="customer-har-remove" aria-label={s.removeLabel(fileName(harPath))} onClick={removeHar}>
            {s.remove}
          </button>
        </div>
      )}
      {error && <ProblemText testId="customer-har-error" message={error.message} detail={error.detail} />}
      <p className="customer-note">{s.skip}</p>
    </div>
  );
}
