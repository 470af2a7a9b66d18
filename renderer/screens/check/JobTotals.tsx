// The numbers on top of a card: a bar while it runs, then files done, failed and skipped, bytes,
// MB/s and time left (or how long it took), measured in totals.ts.
import { fileName, formatBytes, formatDuration, formatSpeed } from '../../format.js';
import { strings } from '../../strings/index.js';
import type { HashJob } from './store.js';
import { jobTotals, type JobTotals as Totals } from './totals.js';

const t = strings.card;

function parts(job: HashJob, n: Totals): string[] {
  const running = job.status === 'running';
  const list = running ? [t.percent(n.percent)] : [t.totals.done(n.filesDone)];
  if (running && n.filesTotal > 1) list.push(t.totals.files(n.filesDone, n.filesTotal));
  if (n.failed > 0) list.push(t.totals.failed(n.failed));
  if (n.cancelled > 0) list.push(t.totals.cancelled(n.cancelled));
  if (n.skipped > 0) list.push(t.totals.skipped(n.skipped));
  list.push(running && n.bytesTotal > 0 ? `${formatBytes(n.bytesDone)} / ${formatBytes(n.bytesTotal)}` : formatBytes(n.bytesDone));
  if (n.bytesPerSecond !== undefined) list.push(formatSpeed(n.bytesPerSecond));
  // For many small files the count per second says more than the bytes.
  if (n.filesPerSecond !== undefined && n.filesTotal > 1) list.push(t.filesPerSecond(n.filesPerSecond));
  if (running) list.push(n.secondsLeft === undefined ? t.estimating : t.timeLeft(formatDuration(n.secondsLeft)));
  else if (n.seconds !== undefined) list.push(t.totals.took(formatDuration(n.seconds)));
  if (running && n.filesTotal > 1 && job.progress?.currentPath) list.push(t.current(fileName(job.progress.currentPath)));
  return list;
}

export function JobTotals({ job, title }: { job: HashJob; title: string }) {
  const running = job.status === 'running';
  const n = jobTotals(job);
  return (
    <div className="job-progress" data-testid="job-totals">
      {/* Before the first event the bar is indeterminate: there is nothing honest to show yet. */}
      {running && (
        <progress
          data-testid="progress"
          max={100}
          value={job.progress ? n.percent : undefined}
          aria-valuenow={job.progress ? n.percent : undefined}
          aria-label={t.progressLabel(title)}
        />
      )}
      <p className="progress-text" data-testid="progress-text">
        {running && !job.progress ? t.starting : parts(job, n).join(t.separator)}
      </p>
    </div>
  );
}
