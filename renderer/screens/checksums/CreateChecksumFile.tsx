// "Create a checksum file" for the files hashed on Check a file: format, algorithm, save.
import { useId, useMemo } from 'react';
import { algorithmInfo, isAlgorithmId } from '../../../main/common/algorithms.js';
import type { ChecksumFormat } from '../../../main/common/checksum-file.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';

import { hashedFiles, useCheckScreen } from '../check/store.js';
import { saveChecksumFile } from './actions.js';
import { planChecksumFile } from './plan.js';
import { useChecksums } from './store.js';

const t = strings.checksums.create;
const FORMATS = Object.keys(t.formats) as ChecksumFormat[];

export function CreateChecksumFile() {
  const headingId = useId();
  const formatId = useId();
  const algorithmId = useId();
  const jobs = useCheckScreen((s) => s.jobs);
  const files = useMemo(() => hashedFiles(jobs), [jobs]);
  const form = useChecksums((s) => s.create);
  const updateCreate = useChecksums((s) => s.updateCreate);
  const plan = planChecksumFile(files, form.format, form.algorithm);
  const algorithmLabel = plan.algorithm ? algorithmInfo(plan.algorithm).label : '';
  return (
    <section className="card create-checksums" data-testid="create" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      {files.length === 0 ? (
        <p className="hint" data-testid="create-empty">
          {t.empty}
        </p>
      ) : (
        <>
          <p className="hint">{t.intro(files.length)}</p>
          <div className="create-fields">
            <div className="field">
              <label htmlFor={formatId}>{t.formatLabel}</label>
              <select
                id={formatId}
                data-testid="create-format"
                value={form.format}
                onChange={(e) => updateCreate({ format: e.target.value as ChecksumFormat })}
              >
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t.formats[f]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={algorithmId}>{t.algorithmLabel}</label>
              <select
                id={algorithmId}
                data-testid="create-algorithm"
                value={plan.algorithm ?? ''}
                disabled={form.format === 'sfv'}
                onChange={(e) => {
                  if (isAlgorithmId(e.target.value)) updateCreate({ algorithm: e.target.value });
                }}
              >
                {plan.algorithms.map((id) => (
                  <option key={id} value={id}>
                    {algorithmInfo(id).label}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="primary"
              data-testid="create-save"
              disabled={form.saving || plan.entries.length === 0}
              onClick={() => void saveChecksumFile(plan).catch(reportUnexpected)}
            >
              {form.saving ? t.saving : t.save}
            </button>
          </div>
          {form.format === 'sfv' && <p className="hint">{plan.entries.length > 0 ? t.sfvForcesCrc : t.noCrc}</p>}
          {plan.entries.length > 0 && plan.leftOut > 0 && (
            <p className="hint" data-testid="create-left-out">
              {t.leftOut(plan.leftOut, algorithmLabel)}
            </p>
          )}
        </>
      )}
      <div aria-live="polite">
        {form.error && (
          <p className="card-error" data-testid="create-error">
            {form.error}
          </p>
        )}
        {form.savedPath && (
          <p className="create-result" data-testid="create-result">
            {t.saved(form.savedPath)}
          </p>
        )}
      </div>
    </section>
  );
}
