// The app URL and its frontends: one row per server (label + address or Running folder, and behind a
// Certificate… button the fingerprint of a certificate to accept though it names another host). Rows
// are remembered per app URL; entering a remembered URL fills them in.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { addFrontend, editRows, pickFolder, setAppUrl } from './actions.js';
import { describedBy, FieldError } from '../../app/FieldError.js';
import { frontendsToTrust } from './form-model.js';
import { FrontendSuggestions } from './FrontendSuggestions.js';
import { useOta } from './store.js';

const u = strings.ota.appUrl;
const f = strings.ota.frontends;

export function AppUrlField() {
  const id = useId();
  const appUrl = useOta((s) => s.form.appUrl);
  const error = useOta((s) => s.errors.appUrl);
  const rememberedFor = useOta((s) => s.rememberedFor);
  const count = useOta((s) => s.form.frontends.length);
  return (
    <div className="ota-field">
      <label htmlFor={id}>{u.label}</label>
      <p id={`${id}-hint`} className="ota-hint">
        {u.hint}
      </p>
      <input
        id={id}
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        data-testid="ota-app-url"
        value={appUrl}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
        onChange={(e) => setAppUrl(e.target.value)}
      />
      <FieldError id={`${id}-error`} text={error} testId="ota-app-url-error" />
      {rememberedFor && count > 0 && (
        <p className="ota-muted" role="status" data-testid="ota-remembered">
          {u.remembered(count)}
        </p>
      )}
    </div>
  );
}

export function FrontendRows() {
  const id = useId();
  const rows = useOta((s) => s.form.frontends);
  const errors = useOta((s) => s.errors.frontends);
  const trustErrors = useOta((s) => s.errors.trust);
  const report = useOta((s) => s.report);
  const toTrust = useMemo(() => frontendsToTrust(report), [report]);
  // Rows whose certificate field is shown: those with a fingerprint, or whose certificate the report
  // shows refused for naming another host; then as toggled.
  const [open, setOpen] = useState<ReadonlySet<number>>(
    () => new Set(rows.filter((r) => r.trust?.trim() || toTrust.has(r.label.trim())).map((r) => r.id)),
  );
  // A refused Run opens the fields it marks, in the same render so focus can go to the first of them;
  // a new report opens the fields of the frontends it shows refused that way.
  const [seen, setSeen] = useState({ trustErrors, toTrust });
  if (seen.trustErrors !== trustErrors || seen.toTrust !== toTrust) {
    setSeen({ trustErrors, toTrust });
    const marked = rows.filter(
      (r, i) =>
        !open.has(r.id) &&
        ((trustErrors !== seen.trustErrors && trustErrors?.[i]) || (toTrust !== seen.toTrust && toTrust.has(r.label.trim()))),
    );
    if (marked.length) setOpen(new Set([...open, ...marked.map((r) => r.id)]));
  }
  const box = useRef<HTMLFieldSetElement>(null);
  /** Where focus goes once the rows re-render: a selector inside this fieldset. */
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusNext.current) return;
    box.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = undefined;
  }, [rows]);

  const add = () => {
    const row = addFrontend();
    // Straight to the new row's address: the label is already filled in.
    focusNext.current = `[data-row-id="${row.id}"]`;
  };
  const remove = (rowId: number, index: number) => {
    // Focus must not fall to the page: the next row's label (the previous one for the last), else Add.
    const left = rows.length - 1;
    focusNext.current = left === 0 ? '[data-testid="ota-add-frontend"]' : `[data-testid="ota-frontend-label-${Math.min(index, left - 1)}"]`;
    editRows((all) => all.filter((r) => r.id !== rowId));
  };
  const toggle = (rowId: number) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(rowId)) next.add(rowId);
      return next;
    });
  const change = (rowId: number, key: 'label' | 'address' | 'trust', value: string) =>
    editRows((all) => all.map((r) => (r.id === rowId ? { ...r, [key]: value } : r)));

  return (
    <fieldset className="ota-fieldset" ref={box}>
      <legend>{f.legend}</legend>
      <p id={`${id}-hint`} className="ota-hint">
        {f.hint}
      </p>
      {rows.length === 0 ? (
        <p className="ota-muted">{f.none}</p>
      ) : (
        <>
          {/* Visible column names; each input also carries its own label for screen readers. */}
          <div className="ota-frontend-head" aria-hidden="true">
            <span>{f.labelHeader}</span>
            <span>{f.addressHeader}</span>
          </div>
          <ul className="ota-frontends plain-list">
            {rows.map((row, i) => {
              const error = errors?.[i];
              const errorId = `${id}-error-${i}`;
              const trustError = trustErrors?.[i];
              const trustId = `${id}-trust-${i}`;
              const trustOpen = open.has(row.id);
              const trustGiven = !!row.trust?.trim();
              return (
                <li key={row.id} className="ota-frontend-row">
                  <input
                    className="ota-frontend-label"
                    data-testid={`ota-frontend-label-${i}`}
                    aria-label={f.labelLabel(i)}
                    placeholder={f.labelHeader}
                    spellCheck={false}
                    value={row.label}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy(error && errorId)}
                    onChange={(e) => change(row.id, 'label', e.target.value)}
                  />
                  <input
                    className="ota-frontend-address"
                    data-testid={`ota-frontend-address-${i}`}
                    data-row-id={row.id}
                    aria-label={f.addressLabel(i)}
                    placeholder={f.addressHeader}
                    spellCheck={false}
                    value={row.address}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy(`${id}-hint`, error && errorId)}
                    onChange={(e) => change(row.id, 'address', e.target.value)}
                  />
                  <button
                    type="button"
                    className="ota-frontend-folder"
                    data-testid={`ota-frontend-folder-${i}`}
                    aria-label={f.folderLabel(i)}
                    onClick={() => void pickFolder(row.id).catch(reportUnexpected)}
                  >
                    {f.folder}
                  </button>
                  <button
                    type="button"
                    className="ota-frontend-trust-toggle"
                    data-testid={`ota-frontend-trust-toggle-${i}`}
                    aria-label={f.trustToggleLabel(i, trustGiven)}
                    aria-expanded={trustOpen}
                    aria-controls={trustOpen ? trustId : undefined}
                    onClick={() => toggle(row.id)}
                  >
                    {trustGiven ? f.trustToggleGiven : f.trustToggle}
                  </button>
                  <button
                    type="button"
                    className="ota-frontend-remove"
                    data-testid={`ota-frontend-remove-${i}`}
                    aria-label={f.removeLabel(i)}
                    onClick={() => remove(row.id, i)}
                  >
                    {f.remove}
                  </button>
                  <FieldError id={errorId} text={error} testId={`ota-frontend-error-${i}`} />
                  {trustOpen && (
                    <div className="ota-frontend-trust" id={trustId}>
                      <label htmlFor={`${trustId}-input`}>{f.trust}</label>
                      <p id={`${trustId}-hint`} className="ota-hint">
                        {f.trustHint}
                      </p>
                      <input
                        id={`${trustId}-input`}
                        className="ota-mono"
                        data-testid={`ota-frontend-trust-${i}`}
                        aria-label={f.trustLabel(i)}
                        autoComplete="off"
                        spellCheck={false}
                        value={row.trust ?? ''}
                        aria-invalid={trustError ? true : undefined}
                        aria-describedby={describedBy(`${trustId}-hint`, trustError && `${trustId}-error`)}
                        onChange={(e) => change(row.id, 'trust', e.target.value)}
                      />
                      <FieldError id={`${trustId}-error`} text={trustError} testId={`ota-frontend-trust-error-${i}`} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="toolbar">
        <button type="button" data-testid="ota-add-frontend" onClick={add}>
          {f.add}
        </button>
      </div>
      <FrontendSuggestions />
    </fieldset>
  );
}
