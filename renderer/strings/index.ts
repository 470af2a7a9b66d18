// Every user-visible string in the renderer, in one place so a translation can replace this object.
import { aboutStrings } from '../app/about-strings.js';
import { diffStrings } from '../app/diff-strings.js';
import { cardStrings, checkStrings } from '../screens/check/strings.js';
import { checksumsStrings } from '../screens/checksums/strings.js';
import { customerStrings } from '../screens/customer/strings.js';
import { evidenceStrings } from '../screens/ota/evidence-strings.js';
import { otaStrings } from '../screens/ota/strings.js';
import { resultStrings } from '../screens/ota/result-strings.js';
import { reportsStrings } from '../screens/reports/strings.js';

export const strings = {
  about: aboutStrings,
  checksums: checksumsStrings,
  ota: otaStrings,
  customer: customerStrings,
  reports: reportsStrings,
  check: checkStrings,
  card: cardStrings,
  diff: diffStrings,
  evidence: evidenceStrings,
  result: resultStrings,
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

  bytes: {
    units: ['bytes', 'KB', 'MB', 'GB', 'TB'] as const,
  },
};
