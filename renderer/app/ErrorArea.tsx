// Messages that concern no single card, at the top of the content until dismissed.
import type { MouseEvent } from 'react';
import { strings } from '../strings/index.js';
import { useWorkbench } from '../store/index.js';

/** The dismissed button disappears: hand focus to a neighbour, or to the content, not to <body>. */
function focusAfterDismiss(event: MouseEvent<HTMLButtonElement>): void {
  const item = event.currentTarget.closest('li');
  const next = item?.nextElementSibling ?? item?.previousElementSibling;
  const target = next?.querySelector('button') ?? document.getElementById('main');
  target?.focus();
}

export function ErrorArea() {
  const errors = useWorkbench((s) => s.errors);
  const dismiss = useWorkbench((s) => s.dismissError);
  const clear = useWorkbench((s) => s.clearErrors);
  if (errors.length === 0) return null;
  return (
    <div className="error-area" role="alert" aria-label={strings.errors.areaLabel} data-testid="error-area">
      <ul>
        {errors.map((e) => (
          <li key={e.id} className="error-message" data-testid="error-message">
            <span className="error-text">{e.message}</span>
            <button
              type="button"
              aria-label={strings.errors.dismissLabel(e.message)}
              onClick={(event) => {
                focusAfterDismiss(event);
                dismiss(e.id);
              }}
            >
              {strings.errors.dismiss}
            </button>
          </li>
        ))}
      </ul>
      {errors.length > 1 && (
        <button
          type="button"
          onClick={() => {
            document.getElementById('main')?.focus();
            clear();
          }}
        >
          {strings.errors.dismissAll}
        </button>
      )}
    </div>
  );
}
