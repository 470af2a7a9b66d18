// The checksums screen's user-visible strings (gathered in renderer/strings/index.ts: one place for translations).
import type { ChecksumFormat } from '../../../main/common/checksum-file.js';
import type { VerifyStatus } from '../../../main/common/hash-types.js';

const n = (count: number) => count.toLocaleString('en-US');

export const checksumsStrings = {
  title: 'Checksum files',
  open: 'Open checksum file…',
  empty:
    'Open a checksum file (SHA256SUMS, .sha256, .md5, .sfv and similar), or drop one anywhere in this window, ' +
    'to check every file it lists against the digest written next to it.',
  resultsLabel: 'Checksum file results',

  status: { running: 'Checking…', done: 'Done', cancelled: 'Cancelled', failed: 'Failed' },
  cancel: 'Cancel',
  cancelLabel: (name: string) => `Cancel checking ${name}`,
  progress: (done: number, total: number) => `${n(done)} of ${n(total)}`,
  progressLabel: (name: string) => `Checking the files listed in ${name}`,
  starting: 'Reading the checksum file…',
  summary: (ok: number, failed: number, missing: number, errors: number) =>
    [
      `${n(ok)} OK`,
      `${n(failed)} failed`,
      `${n(missing)} missing`,
      ...(errors > 0 ? [`${n(errors)} error${errors === 1 ? '' : 's'}`] : []),
    ].join(', '),
  stoppedAfter: (done: number, total: number) => `Stopped after ${n(done)} of ${n(total)} files.`,

  marks: { ok: '✓ OK', mismatch: '✗ FAILED', missing: '? MISSING', error: '! ERROR' },
  errorMark: (reason: string) => `! ERROR: ${reason}`,
  byLength: '(found by digest length)',
  algorithmOr: (labels: string[]) => labels.join(' or '),
  expected: 'Expected',
  actual: 'Got',
  entriesCaption: (name: string) => `Files listed in ${name}`,
  problemsTitle: (count: number) => `Lines that could not be read (${n(count)})`,
  problem: (line: number, reason: string) => `Line ${n(line)}: ${reason}`,
  dialogFailed: (detail: string) => `The file dialog could not open: ${detail}`,

  problemLine: (line: number) => `line ${n(line)}`,
  problemsHeading: (path: string) => `Problems found checking ${path}`,
  onlyProblems: 'Only problems',
  jumpsLabel: (name: string) => `Go to the first entry of each kind in ${name}`,
  counts: {
    mismatch: (count: number) => `${n(count)} failed`,
    missing: (count: number) => `${n(count)} missing`,
    error: (count: number) => `${n(count)} error${count === 1 ? '' : 's'}`,
    ok: (count: number) => `${n(count)} OK`,
  } satisfies Record<VerifyStatus, (count: number) => string>,
  copyProblems: 'Copy problems',
  copied: 'Copied',
  saveProblems: 'Save problems…',
  savingProblems: 'Saving…',
  savedProblems: (path: string) => `Problems saved to ${path}`,
  saveProblemsFailed: (detail: string) => `The problems could not be saved: ${detail}`,

  create: {
    title: 'Create a checksum file',
    empty: 'Hash some files on the Check a file screen first: a checksum file can then be saved for them here.',
    intro: (count: number) => `For the ${n(count)} file${count === 1 ? '' : 's'} hashed on the Check a file screen.`,
    formatLabel: 'Format',
    formats: { gnu: 'GNU (sha256sum)', bsd: 'BSD (tagged)', sfv: 'SFV (CRC32)' } satisfies Record<ChecksumFormat, string>,
    algorithmLabel: 'Algorithm',
    sfvForcesCrc: 'SFV files hold CRC32 checksums only.',
    noCrc:
      'None of these files was hashed with CRC32: choose CRC32 under Algorithms on Check a file and hash them again, or choose GNU or BSD.',
    leftOut: (count: number, algorithm: string) =>
      `${n(count)} file${count === 1 ? ' was' : 's were'} not hashed with ${algorithm} and will be left out.`,
    save: 'Save checksum file…',
    saving: 'Saving…',
    saved: (path: string) => `Saved to ${path}`,
    failed: (detail: string) => `The checksum file could not be saved: ${detail}`,
  },
};
