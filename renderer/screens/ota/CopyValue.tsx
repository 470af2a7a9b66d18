// A small Copy button for one value in the evidence panel; says "Copied" for a moment, aloud too.
import { useEffect, useState } from 'react';
import { copyText } from '../../actions/clipboard.js';
import { strings } from '../../strings/index.js';

const COPIED_MS = 1500;

export function CopyValue({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button type="button" className="ota-copy" aria-label={strings.ota.panel.copyLabel(what)} onClick={() => void copyText(text).then(setCopied)}>
      <span aria-live="polite">{copied ? strings.ota.panel.copied : strings.ota.panel.copy}</span>
    </button>
  );
}
