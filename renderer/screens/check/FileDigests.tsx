// One file of a job: its name, size and either its digests or what went wrong. Rows a pasted hash
// matched carry data-match and a text mark, so the match is not told by colour alone.
import { useId } from 'react';
import type { AlgorithmId } from '../../../main/common/algorithms.js';
import type { FileHashResult } from '../../../main/common/hash-types.js';
import { CopyButton } from '../../app/CopyButton.js';
import { copyAllText, digestRows, fileName, formatBytes } from '../../format.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';

const NONE: ReadonlySet<string> = new Set();

export interface FileDigestsProps {
  file: FileHashResult;
  matched?: ReadonlySet<string>;
  /** The algorithm shown in the card's list: its row comes first. */
  first?: AlgorithmId;
  onRemove?(): void;
  onClose?(): void;
}

export function FileDigests({ file, matched = NONE, first, onRemove, onClose }: FileDigestsProps) {
  const headingId = useId();
  const encoding = useWorkbench((s) => s.encoding);
  const name = fileName(file.path);
  const inOrder = digestRows(file.digests, encoding);
  const rows = [...inOrder.filter((r) => r.id === first), ...inOrder.filter((r) => r.id !== first)];
  const cancelled = file.error?.code === 'CANCELLED';
  return (
    <section className="file-result" data-testid="file-result" aria-labelledby={headingId}>
      <div className="file-head">
        <h3 id={headingId} className="file-name">
          {name}
        </h3>
        {rows.length > 0 && (
          <CopyButton
            text={copyAllText(file.digests, encoding)}
            idle={strings.card.copyAll}
            copied={strings.card.copied}
            className="copy"
            testId="copy-all"
          />
        )}
        {onRemove && (
          <button
            type="button"
            className="copy"
            data-testid="remove-file"
            aria-label={strings.card.list.removeLabel(name)}
            onClick={onRemove}
          >
            {strings.card.list.remove}
          </button>
        )}
        {onClose && (
          <button type="button" className="copy" onClick={onClose}>
            {strings.card.list.close}
          </button>
        )}
      </div>
      <p className="file-path">
        {file.path}
        {file.size !== undefined && (
          <span className="file-size">
            {strings.card.separator}
            {strings.card.size(formatBytes(file.size))}
          </span>
        )}
      </p>
      {file.error &&
        (cancelled ? (
          <p className="file-note" data-testid="file-cancelled">
            {strings.card.fileCancelled}
          </p>
        ) : (
          <p className="file-error" data-testid="file-error">
            {file.error.message}
          </p>
        ))}
      {rows.length > 0 && (
        <table className="digests">
          <caption className="visually-hidden">{strings.card.digestsCaption(name)}</caption>
          {/* Fixed layout takes widths from here: the digest gets all the room the others leave. */}
          <colgroup>
            <col className="col-label" />
            <col />
            <col className="col-copy" />
          </colgroup>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{strings.card.algorithmHeader}</th>
              <th scope="col">{strings.card.digestHeader}</th>
              <th scope="col">{strings.card.actionsHeader}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`digest-${r.id}`} data-match={matched.has(r.id) ? 'true' : undefined}>
                <th scope="row" className="digest-label">
                  {r.label}
                  {matched.has(r.id) && (
                    <span className="match-mark" data-testid="match-mark">
                      {strings.check.paste.rowMark}
                    </span>
                  )}
                </th>
                <td className="digest-cell">
                  <code className="digest-value" data-testid="digest-value">
                    {r.value}
                  </code>
                </td>
                <td className="digest-copy">
                  <CopyButton text={r.value} idle={strings.card.copy} copied={strings.card.copied} className="copy" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
