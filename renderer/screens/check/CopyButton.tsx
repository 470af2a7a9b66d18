// A copy button that says "Copied" for a moment after the clipboard took the text.
import { useEffect, useState } from 'react';
import { copyText } from '../../actions/clipboard.js';
import { strings } from '../../strings/index.js';

const COPIED_MS = 1500;

export function CopyButton({ text, idle, testId }: { text: string; idle: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button type="button" className="copy" data-testid={testId} onClick={() => void copyText(text).then(setCopied)}>
      {/* Live, so a screen reader hears the confirmation the eye sees. */}
      <span aria-live="polite">{copied ? strings.card.copied : idle}</span>
    </button>
  );
}
