// "Paste a hash to check" on a finished card: what the paste matched, what was tried, or why it
// is not a hash. The matching itself is in paste-match.ts; the rows are marked by FileDigests.
import { useId } from 'react';
import { algorithmInfo } from '../../../main/common/algorithms.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import type { PasteOutcome } from './paste-match.js';

const t = strings.check.paste;

function resultText(outcome: PasteOutcome, manyFiles: boolean): string | undefined {
  switch (outcome.kind) {
    case 'empty':
      return undefined;
    case 'problem':
      return t.notHash(outcome.problem);
    case 'none':
      return t.noMatch(outcome.tried);
    case 'match':
      return outcome.matches
        .map((m) => {
          const text = t.matches(algorithmInfo(m.algorithm).label, m.encoding);
          return (manyFiles ? t.ofFile(text, fileName(m.path)) : text) + t.roles[m.role];
        })
        .join(t.join);
  }
}

export function PasteBox({
  text,
  outcome,
  manyFiles,
  onChange,
}: {
  text: string;
  outcome: PasteOutcome;
  manyFiles: boolean;
  onChange(text: string): void;
}) {
  const id = useId();
  const result = resultText(outcome, manyFiles);
  const missing = outcome.kind === 'none' ? outcome.missing.map((a) => algorithmInfo(a).label) : [];
  return (
    <div className="paste-check">
      <label htmlFor={id}>{t.label}</label>
      <textarea
        id={id}
        data-testid="paste-box"
        className="paste-box"
        rows={2}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {t.hint}
      </p>
      {/* Live, so the verdict is heard as it is typed or pasted. */}
      <div aria-live="polite">
        {result !== undefined && (
          <p className={`paste-result paste-${outcome.kind}`} data-testid="paste-result">
            {result}
          </p>
        )}
        {missing.length > 0 && (
          <p className="hint" data-testid="paste-enable">
            {t.enable(missing)}
          </p>
        )}
      </div>
    </div>
  );
}
