// Every user-visible string in the renderer, in one place so a translation can replace this object.
import { ENCODING_LABELS, type Encoding } from '../../main/common/encodings.js';

import { aboutStrings } from './about.js';
import { checksumsStrings } from './checksums.js';
import { customerStrings } from './customer.js';
import { otaStrings } from './ota.js';
import { reportsStrings } from './reports.js';

export const strings = {
  about: aboutStrings,
  checksums: checksumsStrings,
  ota: otaStrings,
  customer: customerStrings,
  reports: reportsStrings,
  appName: 'Hash Workbench',
  skipToContent: 'Skip to content',

  nav: {
    label: 'Screens',
    check: 'Check a file',
    checksums: 'Checksum files',
    ota: 'OTA upgrade check',
    customer: 'Customer mode',
    reports: 'Reports',
  },

  drop: {
    overlay: 'Drop files to hash them',
  },

  errors: {
    areaLabel: 'Messages',
    dismiss: 'Dismiss',
    dismissLabel: (message: string) => `Dismiss message: ${message}`,
    dismissAll: 'Dismiss all',
    unexpected: (detail: string) => `Something went wrong talking to the app: ${detail}`,
    settingsLoad: (detail: string) => `Your settings could not be read, so defaults are used: ${detail}`,
    settingsSave: (detail: string) => `Your choice of encoding could not be saved: ${detail}`,
    copyFailed: 'Could not copy to the clipboard.',
  },

  check: {
    title: 'Check a file',
    openFiles: 'Open files…',
    empty: 'Drop a file anywhere in this window, or open one, to see its MD5, SHA-256, BLAKE3 and every other common hash.',
    encodingLabel: 'Show digests as',
    encodingName: (encoding: Encoding) => ENCODING_LABELS[encoding],
    cardsLabel: 'Hash results',
    algorithms: {
      summary: (chosen: number, total: number) => `Algorithms (${chosen} of ${total})`,
      legend: 'Algorithms to compute',
      all: 'All',
      common: 'Common',
      commonHint: (labels: string) => `Common: ${labels}.`,
      applies: 'Applies to the files you hash next.',
      keepOne: 'Keep at least one algorithm chosen.',
      saveFailed: (detail: string) => `Your choice of algorithms could not be saved: ${detail}`,
    },
    paste: {
      label: 'Paste a hash to check',
      hint: 'Hex, Base64, the OutSystems form, a checksum line or an SRI value.',
      rowMark: '✓ matches',
      matches: (algorithm: string, encoding: Encoding) => `Matches ${algorithm} (${ENCODING_LABELS[encoding]})`,
      ofFile: (match: string, name: string) => `${match} of ${name}`,
      roles: { value: '', expected: ', the expected (“Received”) hash', calculated: ', the calculated hash' },
      join: '; ',
      noMatch: (tried: string) => `No match. Tried: ${tried}`,
      notHash: (problem: string) => `This does not look like a hash: ${problem}`,
      enable: (labels: string[]) =>
        `This card has no ${labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : (labels[0] ?? '')} digest: ` +
        'choose it under Algorithms and hash the file again to check against it.',
    },
    compare: {
      title: 'Compare two files',
      intro: 'Check whether two files are byte for byte the same, and see where they first differ.',
      pickA: 'First file…',
      pickB: 'Second file…',
      noneChosen: 'No file chosen',
      chosenA: (name: string) => `First: ${name}`,
      chosenB: (name: string) => `Second: ${name}`,
      run: 'Compare',
      running: 'Comparing…',
      cancel: 'Cancel',
      cancelled: 'The comparison was cancelled.',
      identical: (bytes: number) => `The files are identical (${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'})`,
      differ: (offset: number) => `The files differ from byte ${offset.toLocaleString('en-US')} (counting from 0)`,
      sizes: (a: number, b: number) => `Sizes: first ${a.toLocaleString('en-US')} bytes, second ${b.toLocaleString('en-US')} bytes`,
      windowTitle: (which: 'first' | 'second', start: number) => `${which === 'first' ? 'First' : 'Second'} file, from byte ${start}`,
      hexLabel: 'Hex',
      textLabel: 'Text',
      failed: (detail: string) => `The files could not be compared: ${detail}`,
      dialogFailed: (detail: string) => `The file dialog could not open: ${detail}`,
    },
  },

  card: {
    status: {
      running: 'Hashing…',
      done: 'Done',
      cancelled: 'Cancelled',
      failed: 'Failed',
    },
    cancel: 'Cancel',
    cancelLabel: (title: string) => `Cancel hashing ${title}`,
    moreFiles: (first: string, more: number) => `${first} and ${more} more file${more === 1 ? '' : 's'}`,
    progressLabel: (title: string) => `Hashing ${title}`,
    starting: 'Starting…',
    percent: (pct: number) => `${pct}%`,
    speed: (mbPerSecond: string) => `${mbPerSecond} MB/s`,
    timeLeft: (left: string) => `${left} left`,
    estimating: 'estimating time left',
    files: (done: number, total: number) => `${done} of ${total} files`,
    current: (name: string) => `Now: ${name}`,
    seconds: (s: number) => `${s} s`,
    minutes: (m: number, s: number) => `${m} min ${s} s`,
    hours: (h: number, m: number) => `${h} h ${m} min`,
    size: (text: string) => `Size: ${text}`,
    fileCancelled: 'Cancelled before this file was finished.',
    digestsCaption: (name: string) => `Digests of ${name}`,
    algorithmHeader: 'Algorithm',
    digestHeader: 'Digest',
    actionsHeader: 'Copy',
    copy: 'Copy',
    copied: 'Copied',
    copyAll: 'Copy all',
    copyAllLabel: (name: string) => `Copy all digests of ${name}`,
    skipped: (count: number) => `Skipped (${count})`,
    separator: ' · ',
    skippedItem: (path: string, reason: string) => `${path}: ${reason}`,
  },

  bytes: {
    units: ['bytes', 'KB', 'MB', 'GB', 'TB'] as const,
  },
};
