// The bar and the numbers under it: percent, MB/s, time left, and which file when there are several.
import type { HashProgress } from '../../../main/common/hash-types.js';
import { fileName, formatDuration, formatSpeed, percentDone, secondsLeft } from '../../format.js';
import { strings } from '../../strings/index.js';

function details(p: HashProgress): string[] {
  const left = secondsLeft(p);
  const parts = [
    strings.card.percent(percentDone(p)),
    formatSpeed(p.bytesPerSecond),
    left === undefined ? strings.card.estimating : strings.card.timeLeft(formatDuration(left)),
  ];
  if (p.filesTotal > 1) parts.push(strings.card.files(p.filesDone, p.filesTotal));
  if (p.filesTotal > 1 && p.currentPath) parts.push(strings.card.current(fileName(p.currentPath)));
  return parts;
}

export function JobProgress({ title, progress }: { title: string; progress: HashProgress | undefined }) {
  // Before the first event the bar is indeterminate: there is nothing honest to show yet.
  const pct = progress ? percentDone(progress) : undefined;
  return (
    <div className="job-progress">
      <progress data-testid="progress" max={100} value={pct} aria-valuenow={pct} aria-label={strings.card.progressLabel(title)} />
      <p className="progress-text" data-testid="progress-text">
        {progress ? details(progress).join(strings.card.separator) : strings.card.starting}
      </p>
    </div>
  );
}
