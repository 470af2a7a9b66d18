// "Paste a hash to check" on a finished card: a verdict no one can misread (MATCH, NO MATCH, or NOT A
// HASH, each with its own look and word), then which file and algorithm matched, with the digest as
// it was pasted. The matching itself is in paste-match.ts.
import { useId } from 'react';
import { algorithmInfo } from '../../../main/common/algorithms.js';
import { ENCODING_LABELS } from '../../../main/common/encodings.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import type { PasteMatch, PasteOutcome } from './paste-match.js';

const t = strings.check.paste;
/** Matches listed by name; the rest are counted (a digest can be that of many copies of one file). */
const LISTED = 5;

function MatchLine({ m, manyFiles, onShow }: { m: PasteMatch; manyFiles: boolean; onShow(path: string): void }) {
  const text = t.matches(algorithmInfo(m.algorithm).label, m.encoding);
  return (
    <li>
      {(manyFiles ? t.ofFile(text, fileName(m.path)) : text) + t.roles[m.role]}
      <code className="paste-value" title={ENCODING_LABELS[m.encoding]}>
        {m.value}
      </code>
      {manyFiles && (
        <button type="button" className="copy" onClick={() => onShow(m.path)}>
          {t.show(fileName(m.path))}
        </button>
      )}
    </li>
  );
}

function Verdict({ outcome, manyFiles, onShow }: { outcome: PasteOutcome; manyFiles: boolean; onShow(path: string): void }) {
  if (outcome.kind === 'empty') return null;
  const match = outcome.kind === 'match';
  const named = outcome.kind === 'match' || outcome.kind === 'none' ? outcome.named : undefined;
  return (
    <div
      className={`paste-result paste-${outcome.kind}`}
      data-testid="paste-result"
      data-match={match ? 'true' : 'false'}
      data-verdict={outcome.kind === 'problem' ? 'not-a-hash' : match ? 'match' : 'no-match'}
    >
      <p className="paste-verdict">{t.verdict[outcome.kind]}</p>
      {outcome.kind === 'problem' && <p>{t.notHash(outcome.problem)}</p>}
      {outcome.kind === 'none' && <p>{t.noMatch(outcome.tried)}</p>}
      {outcome.kind === 'match' && (
        <ul className="paste-matches">
          {outcome.matches.slice(0, LISTED).map((m) => (
            <MatchLine key={`${m.path}\n${m.algorithm}`} m={m} manyFiles={manyFiles} onShow={onShow} />
          ))}
          {outcome.matches.length > LISTED && <li>{t.more(outcome.matches.length - LISTED)}</li>}
        </ul>
      )}
      {named !== undefined && (
        <p className="paste-named" data-testid="paste-named">
          {match ? t.named(named) : t.namedNone(named)}
        </p>
      )}
    </div>
  );
}

export interface PasteBoxProps {
  text: string;
  outcome: PasteOutcome;
  manyFiles: boolean;
  onChange(text: string): void;
  onShow(path: string): void;
}

export function PasteBox({ text, outcome, manyFiles, onChange, onShow }: PasteBoxProps) {
  const id = useId();
  const missing = outcome.kind === 'none' ? outcome.missing.map((a) => algorithmInfo(a).label) : [];
  return (
    <div className="paste-check">
      <div className="paste-input">
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
      </div>
      {/* Live, so the verdict is heard as it is typed or pasted. */}
      <div className="paste-answer" aria-live="polite">
        <Verdict outcome={outcome} manyFiles={manyFiles} onShow={onShow} />
        {missing.length > 0 && (
          <p className="hint" data-testid="paste-enable">
            {t.enable(missing)}
          </p>
        )}
      </div>
    </div>
  );
}
