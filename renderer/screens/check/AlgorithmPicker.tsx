// Which algorithms Check a file computes: a checkbox each, All and Common shortcuts. The choice is
// saved for the next start; a failure to save is shown here, next to the choice it concerns.
import { useState } from 'react';
import { ALGORITHMS, DEFAULT_ALGORITHMS, algorithmInfo, type AlgorithmId } from '../../../main/common/algorithms.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { chooseAlgorithms } from './actions.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import { ALL_ALGORITHMS } from '../../store/preferences.js';

const COMMON_LABELS = DEFAULT_ALGORITHMS.map((id) => algorithmInfo(id).label).join(', ');

export function AlgorithmPicker() {
  const chosen = useWorkbench((s) => s.algorithms);
  const [message, setMessage] = useState<string>();
  const t = strings.check.algorithms;
  const choose = (list: readonly AlgorithmId[]) => void chooseAlgorithms([...list]).then(setMessage, reportUnexpected);
  const toggle = (id: AlgorithmId, on: boolean) => choose(on ? [...chosen, id] : chosen.filter((a) => a !== id));
  return (
    <details className="algorithm-picker" data-testid="algorithm-picker">
      <summary>{t.summary(chosen.length, ALGORITHMS.length)}</summary>
      <div className="algorithm-body">
        <div className="toolbar">
          <button type="button" data-testid="algorithms-all" onClick={() => choose(ALL_ALGORITHMS)}>
            {t.all}
          </button>
          <button type="button" data-testid="algorithms-common" onClick={() => choose(DEFAULT_ALGORITHMS)}>
            {t.common}
          </button>
          <span className="hint">
            {t.applies} {t.commonHint(COMMON_LABELS)}
          </span>
        </div>
        <fieldset className="algorithm-list">
          <legend className="visually-hidden">{t.legend}</legend>
          {ALGORITHMS.map((a) => (
            <label key={a.id} className="algorithm-choice">
              <input
                type="checkbox"
                data-testid={`algorithm-${a.id}`}
                checked={chosen.includes(a.id)}
                onChange={(e) => toggle(a.id, e.target.checked)}
              />
              {a.label}
            </label>
          ))}
        </fieldset>
        {message && (
          <p className="card-error" role="alert" data-testid="algorithms-error">
            {message}
          </p>
        )}
      </div>
    </details>
  );
}
