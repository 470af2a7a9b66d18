// The rest of the form: which files, certificates and timeout, the HAR capture, and the advanced inputs.
import { useDeferredValue, useEffect, useId, useMemo, useRef } from 'react';
import { DIAGNOSE_LIMITS } from '../../../main/common/ota/frontend-spec.js';
import type { DeviceProfile } from '../../../main/common/ota/report.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import { pickCa, pickHar } from './actions.js';
import { describedBy, FieldError } from '../../app/FieldError.js';
import { effectiveScope, readLog, type Scope } from './form-model.js';
import { useOta } from './store.js';

const sc = strings.ota.scope;
const op = strings.ota.options;

export function ScopeFields() {
  const id = useId();
  const form = useOta((s) => s.form);
  const errors = useOta((s) => s.errors);
  const setField = useOta((s) => s.setField);
  const logText = useDeferredValue(form.logText);
  const named = useMemo(() => readLog(logText).named.length, [logText]);
  const scope = effectiveScope(form, named > 0);
  const radio = (value: Scope, label: string) => (
    <label className="ota-check">
      <input
        type="radio"
        name={`${id}-scope`}
        value={value}
        data-testid={`ota-scope-${value}`}
        checked={scope === value}
        aria-invalid={errors.scope && scope === value ? true : undefined}
        onChange={() => setField('scope', value)}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="ota-fieldset" aria-describedby={describedBy(errors.scope && `${id}-scope-error`)}>
      <legend>{sc.legend}</legend>
      {radio('log', sc.log)}
      {radio('chosen', sc.chosen)}
      {scope === 'chosen' && (
        <div className="ota-field ota-indent">
          <label htmlFor={`${id}-resources`}>{sc.resourcesLabel}</label>
          <p id={`${id}-resources-hint`} className="ota-hint">
            {sc.resourcesHint}
          </p>
          <textarea
            id={`${id}-resources`}
            data-testid="ota-resources"
            rows={4}
            spellCheck={false}
            value={form.resourcesText}
            aria-invalid={errors.resources ? true : undefined}
            aria-describedby={describedBy(`${id}-resources-hint`, errors.resources && `${id}-resources-error`)}
            onChange={(e) => setField('resourcesText', e.target.value)}
          />
          <FieldError id={`${id}-resources-error`} text={errors.resources} testId="ota-resources-error" />
        </div>
      )}
      {radio('all', sc.all)}
      <FieldError id={`${id}-scope-error`} text={errors.scope} testId="ota-scope-error" />
    </fieldset>
  );
}

export function NetworkOptions() {
  const id = useId();
  const form = useOta((s) => s.form);
  const error = useOta((s) => s.errors.timeout);
  const setField = useOta((s) => s.setField);
  return (
    <fieldset className="ota-fieldset">
      <legend>{op.legend}</legend>
      <div className="ota-field">
        <span className="ota-label" id={`${id}-ca`}>
          {op.caLabel}
        </span>
        {form.caPath ? (
          <span className="ota-file" data-testid="ota-ca-path" title={form.caPath}>
            <code className="ota-mono">{fileName(form.caPath)}</code>
            <button
              type="button"
              data-testid="ota-ca-remove"
              aria-label={op.removeCaLabel(fileName(form.caPath))}
              onClick={() => setField('caPath', undefined)}
            >
              {op.removeCa}
            </button>
          </span>
        ) : (
          <span className="ota-muted">{op.caNone}</span>
        )}
        <button type="button" data-testid="ota-ca" aria-describedby={`${id}-ca`} onClick={() => void pickCa().catch(reportUnexpected)}>
          {op.ca}
        </button>
      </div>
      <div className="ota-field">
        <label htmlFor={`${id}-timeout`}>{op.timeout}</label>
        <input
          id={`${id}-timeout`}
          className="ota-number"
          type="number"
          min={DIAGNOSE_LIMITS.timeoutSeconds.min}
          max={DIAGNOSE_LIMITS.timeoutSeconds.max}
          data-testid="ota-timeout"
          value={form.timeout}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-timeout-error`)}
          onChange={(e) => setField('timeout', e.target.value)}
        />
        <FieldError id={`${id}-timeout-error`} text={error} testId="ota-timeout-error" />
      </div>
      <div className="ota-field">
        <label htmlFor={`${id}-as`}>{op.as}</label>
        <select
          id={`${id}-as`}
          data-testid="ota-as"
          value={form.as}
          aria-describedby={`${id}-as-hint`}
          onChange={(e) => setField('as', e.target.value as DeviceProfile)}
        >
          {DIAGNOSE_LIMITS.as.values.map((v) => (
            <option key={v} value={v}>
              {op.asChoices[v]}
            </option>
          ))}
        </select>
        <p id={`${id}-as-hint`} className="ota-hint">
          {op.asHint}
        </p>
      </div>
      <label className="ota-check">
        <input
          type="checkbox"
          data-testid="ota-insecure"
          checked={form.insecure}
          aria-describedby={form.insecure ? `${id}-insecure` : undefined}
          onChange={(e) => setField('insecure', e.target.checked)}
        />
        {op.insecure}
      </label>
      {form.insecure && (
        <p id={`${id}-insecure`} className="ota-warning" role="alert" data-testid="ota-insecure-warning">
          {op.insecureWarning}
        </p>
      )}
    </fieldset>
  );
}

export function HarField() {
  const harPath = useOta((s) => s.form.harPath);
  const setField = useOta((s) => s.setField);
  const h = strings.ota.har;
  return (
    <fieldset className="ota-fieldset">
      <legend>{h.legend}</legend>
      {harPath ? (
        <span className="ota-file" data-testid="ota-har-path" title={harPath}>
          <code className="ota-mono">{fileName(harPath)}</code>
          <button
            type="button"
            data-testid="ota-har-remove"
            aria-label={h.removeLabel(fileName(harPath))}
            onClick={() => setField('harPath', undefined)}
          >
            {h.remove}
          </button>
        </span>
      ) : (
        <p className="ota-muted">{h.none}</p>
      )}
      <button type="button" data-testid="ota-har-add" onClick={() => void pickHar().catch(reportUnexpected)}>
        {h.add}
      </button>
    </fieldset>
  );
}

export function AdvancedFields() {
  const id = useId();
  const form = useOta((s) => s.form);
  const error = useOta((s) => s.errors.samples);
  const setField = useOta((s) => s.setField);
  const a = strings.ota.advanced;
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Opened by itself when its own field has an error, so the message is never hidden.
    if (error && details.current) details.current.open = true;
  }, [error]);
  return (
    <details className="ota-advanced" data-testid="ota-advanced" ref={details}>
      <summary>{a.summary}</summary>
      <div className="ota-field">
        <label htmlFor={`${id}-mi`}>{a.moduleinfo}</label>
        <p id={`${id}-mi-hint`} className="ota-hint">
          {a.moduleinfoHint}
        </p>
        <textarea
          id={`${id}-mi`}
          data-testid="ota-moduleinfo"
          rows={4}
          spellCheck={false}
          aria-describedby={`${id}-mi-hint`}
          value={form.moduleinfoText}
          onChange={(e) => setField('moduleinfoText', e.target.value)}
        />
      </div>
      <div className="ota-field">
        <label htmlFor={`${id}-samples`}>{a.samples}</label>
        <p id={`${id}-samples-hint`} className="ota-hint">
          {a.samplesHint}
        </p>
        <input
          id={`${id}-samples`}
          className="ota-number"
          type="number"
          min={DIAGNOSE_LIMITS.samples.min}
          max={DIAGNOSE_LIMITS.samples.max}
          step={1}
          data-testid="ota-samples"
          value={form.samples}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-samples-hint`, error && `${id}-samples-error`)}
          onChange={(e) => setField('samples', e.target.value)}
        />
        <FieldError id={`${id}-samples-error`} text={error} testId="ota-samples-error" />
      </div>
    </details>
  );
}
