// Step 3: the app's address, explained, checked when Next is chosen, with its message next to it.
import { useEffect, useId, useMemo, useRef } from 'react';
import { strings } from '../../strings/index.js';
import { normaliseAppUrl } from './address.js';
import { setAppUrl, useCustomer } from './store.js';

const s = strings.customer.address;

export function AddressStep() {
  const ids = { field: useId(), hint: useId(), error: useId(), preview: useId() };
  const appUrl = useCustomer((st) => st.appUrl);
  const error = useCustomer((st) => st.addressError);
  const attempt = useCustomer((st) => st.addressAttempt);
  const fromCase = useCustomer((st) => st.caseFile !== undefined && st.caseFile.appUrl === st.appUrl);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (attempt > 0) input.current?.focus();
  }, [attempt]);
  // What will be checked, when it differs from what was typed (a screen's address, no https://).
  const normal = useMemo(() => normaliseAppUrl(appUrl), [appUrl]);
  const preview = normal.ok && normal.changed && appUrl.trim() !== '' ? s.willCheck(normal.url) : undefined;
  const describedBy = [ids.hint, error ? ids.error : undefined, preview ? ids.preview : undefined].filter(Boolean).join(' ');
  return (
    <div className="customer-body">
      <div className="customer-field">
        <label htmlFor={ids.field} className="customer-label">
          {s.label}
        </label>
        <p id={ids.hint} className="customer-hint">
          {s.hint}
        </p>
        <input
          ref={input}
          id={ids.field}
          type="url"
          inputMode="url"
          data-testid="customer-app-url"
          value={appUrl}
          autoComplete="url"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setAppUrl(e.target.value)}
        />
        {fromCase && (
          <p className="customer-hint" data-testid="customer-app-url-from-case">
            {s.fromCase}
          </p>
        )}
        {preview && !error && (
          <p id={ids.preview} className="customer-note customer-wrap" data-testid="customer-app-url-preview">
            {preview}
          </p>
        )}
        {error && (
          <p id={ids.error} className="customer-field-error" data-testid="customer-app-url-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
