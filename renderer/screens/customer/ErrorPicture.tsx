// Where the error shows, drawn here (the window's content policy allows no outside images): a phone
// saying the update failed, and the line in the error list that starts "Checksum failed for file".
// Colours come from the theme's variables, so the picture follows light and dark.
import { useId } from 'react';
import { strings } from '../../strings/index.js';

const s = strings.customer.error;

export function ErrorPicture() {
  const titleId = useId();
  const descId = useId();
  return (
    <svg
      className="customer-picture"
      data-testid="customer-error-picture"
      viewBox="0 0 560 300"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      focusable="false"
    >
      <title id={titleId}>{s.pictureTitle}</title>
      <desc id={descId}>{s.pictureDesc}</desc>

      {/* The phone */}
      <rect x="16" y="10" width="160" height="280" rx="22" className="pic-frame" />
      <rect x="28" y="40" width="136" height="220" rx="4" className="pic-screen" />
      <rect x="76" y="22" width="40" height="6" rx="3" className="pic-detail" />
      <circle cx="96" cy="274" r="8" className="pic-detail" />
      <text x="96" y="62" textAnchor="middle" className="pic-muted">
        {s.phoneApp}
      </text>
      {/* The message box on the phone */}
      <rect x="38" y="100" width="116" height="118" rx="8" className="pic-card" />
      <circle cx="96" cy="126" r="13" className="pic-alert" />
      <text x="96" y="131" textAnchor="middle" className="pic-alert-mark">
        {s.alertMark}
      </text>
      <text x="96" y="160" textAnchor="middle" className="pic-strong">
        {s.phoneMessage}
      </text>
      <text x="96" y="178" textAnchor="middle" className="pic-small">
        {s.phoneDetail}
      </text>
      <text x="96" y="192" textAnchor="middle" className="pic-small">
        {s.phoneDetail2}
      </text>
      <text x="96" y="211" textAnchor="middle" className="pic-link">
        {s.phoneButton}
      </text>

      {/* The error list, with the line to look for marked */}
      <rect x="206" y="40" width="340" height="220" rx="8" className="pic-card" />
      <rect x="206" y="40" width="340" height="34" rx="8" className="pic-bar" />
      <text x="222" y="63" className="pic-strong">
        {s.logTitle}
      </text>
      <text x="222" y="100" className="pic-small pic-muted">
        {s.logTime}
      </text>
      <rect x="214" y="110" width="324" height="58" rx="6" className="pic-highlight" />
      <text x="224" y="134" className="pic-mono pic-strong">
        {s.logLine1}
      </text>
      <text x="224" y="156" className="pic-mono">
        {s.logLine2}
      </text>
      <text x="222" y="196" className="pic-small pic-muted">
        {s.logTime2}
      </text>
      <text x="222" y="218" className="pic-mono pic-muted">
        {s.logOther}
      </text>
      <line x1="222" y1="240" x2="470" y2="240" className="pic-rule" />
    </svg>
  );
}
