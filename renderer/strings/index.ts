// Every user-visible string in the renderer, in one place so a translation can replace this object.
import { ENCODING_LABELS, type Encoding } from '../../main/common/encodings.js';

import { checksumsStrings } from './checksums.js';
import { customerStrings } from './customer.js';
import { otaStrings } from './ota.js';
import { reportsStrings } from './reports.js';

export const strings = {
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

  // Screens that arrive in the next issue: what each one will do, in plain words.
  upcoming: {
    checksums: 'This screen will check every file listed in a checksum file (.sha256, .md5, SFV and similar) against the digest written next to it. It will also save a checksum file for the files you hash here.',
    ota: 'This screen will find out why an OutSystems mobile app’s over-the-air upgrade fails its resource checksum. It will compare what each front-end server sends with what the app expects, and say which file differs and why.',
    customer: 'This screen will run the OTA upgrade check from a customer’s own network, with only the steps they need. It will produce a report they can send back to you.',
    reports: 'This screen will open saved OTA reports and list the ones you opened recently. From here you will also export a report as HTML or JSON to share it.',
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
