// What the customer pasted, recognised with the same reader main uses (parseLog, pure): which files
// failed to update, or that the update failed without naming one, or nothing recognisable.
import type { LogKind } from '../../../main/common/ota/log-advice.js';
import { parseLog } from '../../../main/common/ota/log-lines.js';

/** The contract's limit for logText. */
export const MAX_LOG_CHARS = 5_000_000;

/** Lines that say a file of the app did not arrive right. */
const FILE_FAILURES: ReadonlySet<LogKind> = new Set<LogKind>([
  'checksum-failed',
  'store-failed',
  'download-failed',
  'download-aborted',
  'download-timeout',
]);

export type LogSummary =
  { kind: 'empty' } | { kind: 'tooLong' } | { kind: 'files'; files: string[] } | { kind: 'noFile' } | { kind: 'unrecognised' };

export function summariseLog(text: string): LogSummary {
  if (text.trim() === '') return { kind: 'empty' };
  if (text.length > MAX_LOG_CHARS) return { kind: 'tooLong' };
  const { entries } = parseLog(text);
  const files: string[] = [];
  for (const e of entries) {
    if (FILE_FAILURES.has(e.kind) && e.path !== undefined && e.path !== '' && !files.includes(e.path)) files.push(e.path);
  }
  if (files.length) return { kind: 'files', files };
  return entries.some((e) => e.severity !== 'info') ? { kind: 'noFile' } : { kind: 'unrecognised' };
}
