// A copy button that says its copied label for a moment after the clipboard took the text.
import { useEffect, useState } from 'react';
import { copyText } from '../actions/clipboard.js';

const COPIED_MS = 1500;

export interface CopyButtonProps {
  text: string;
  /** What the button says before, and a moment after, a copy. */
  idle: string;
  /** What it says for a moment once the clipboard took the text. */
  copied: string;
  ariaLabel?: string;
  className: string;
  testId?: string;
}

export function CopyButton({ text, idle, copied: copiedLabel, ariaLabel, className, testId }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className={className}
      aria-label={ariaLabel}
      data-testid={testId}
      onClick={() => void copyText(text).then(setCopied)}
    >
      {/* Live, so a screen reader hears the confirmation the eye sees. */}
      <span aria-live="polite">{copied ? copiedLabel : idle}</span>
    </button>
  );
}
