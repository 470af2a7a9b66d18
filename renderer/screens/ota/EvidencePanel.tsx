// The evidence behind one cell, in a side panel: non-modal, so the table stays usable beside it. Focus
// moves into it when it opens (or shows another cell); Escape or Close returns focus to the cell.
import { useEffect, useId, useRef } from 'react';
import type { ResourceVerdict } from '../../../main/common/ota/verdict.js';
import { CopyButton } from '../../app/CopyButton.js';
import { strings } from '../../strings/index.js';
import { ObservationDetails } from './ObservationDetails.js';
import type { Cell } from './table-model.js';

const p = strings.ota.panel;

interface Props {
  resource: ResourceVerdict;
  cell: Cell;
  onClose(): void;
}

export function EvidencePanel({ resource, cell, onClose }: Props) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [resource, cell.column.key]);

  useEffect(() => {
    // Escape closes it from anywhere in the window, the table included, as a dialog's would.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const expected =
    resource.expected === undefined
      ? strings.ota.table.notListed
      : resource.versionTokenFile
        ? strings.ota.table.token(resource.expected)
        : resource.expected;
  return (
    <aside className="ota-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid="ota-evidence-panel">
      <div className="ota-panel-head">
        <h3 id={titleId} ref={heading} tabIndex={-1}>
          {p.title(cell.column.heading)}
        </h3>
        <button type="button" data-testid="ota-evidence-close" aria-label={p.closeLabel} onClick={onClose}>
          {p.close}
        </button>
      </div>
      <dl className="ota-facts">
        <div>
          <dt>{p.resource}</dt>
          <dd>
            <code className="ota-mono">{resource.path}</code>
          </dd>
        </div>
        <div>
          <dt>{p.expected}</dt>
          <dd>
            <code className="ota-mono">{expected}</code>
            {resource.expected !== undefined && (
              <>
                {' '}
                <CopyButton
                  text={resource.expected}
                  idle={p.copy}
                  copied={p.copied}
                  ariaLabel={p.copyLabel(p.expected)}
                  className="ota-copy"
                />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{p.verdict}</dt>
          <dd>{strings.ota.causes[resource.cause] ?? resource.cause}</dd>
        </div>
      </dl>
      {cell.observations.length === 0 ? (
        <p>{p.nothing}</p>
      ) : (
        cell.observations.map((o, i) => <ObservationDetails key={i} o={o} resource={resource} />)
      )}
    </aside>
  );
}
