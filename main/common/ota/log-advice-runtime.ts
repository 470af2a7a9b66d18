// What the runtime's other messages mean, in plain words, with their next step: the native cache's
// bookkeeping and its storage errors (OSNativeCache.m, NativeCache.java), copies from the app's bundle, the JS
// runtime's upgrade steps and server calls (OutSystems.js), the PWA's service worker (pwaServiceWorker.js) and the
// local-database errors of the support articles. The download and checksum kinds are in log-advice.ts.
import { DEVICE_STORAGE_STEP, FIND_CAUSE, NOTHING_TO_DO, RUN_CHECK } from './log-steps.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Advice {
  severity: Severity;
  title: string;
  explanation: string;
  nextStep: string;
}

export type RuntimeKind =
  | 'cache-housekeeping'
  | 'cache-storage-error'
  | 'prebundle-failed'
  | 'content-check-failed'
  | 'plugin-missing'
  | 'offline-cache-failed'
  | 'resource-listed'
  | 'upgrade-info'
  | 'version-check-failed'
  | 'data-model-failed'
  | 'rollback-failed'
  | 'script-load-failed'
  | 'service-worker'
  | 'service-worker-error'
  | 'server-call-failed';

const LOCAL_DATA_STEP =
  'Publish the previous version of the app again and review the change to its local entities; on the devices already affected, clear ' +
  "the app's data or reinstall it.";

export const RUNTIME_ADVICE: Record<RuntimeKind, Advice> = {
  'cache-housekeeping': {
    severity: 'info',
    title: "Bookkeeping of the app's stored files",
    explanation:
      'The app keeps a list of the files it stored on the device (the cache manifest) and saves it at checkpoints during an upgrade; ' +
      'this line is one of those steps (saved, swapped, cleaned, upgraded, or a file copied or served from storage).',
    nextStep: NOTHING_TO_DO,
  },
  'cache-storage-error': {
    severity: 'error',
    title: 'The app could not write, move or remove one of its stored files',
    explanation:
      "An operation on the device's storage failed while the app kept its files: a file could not be written, moved, removed or found, " +
      'or its list of stored files could not be saved. A full storage or a damaged app folder are the usual causes; the download of the ' +
      'file is retried.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  'prebundle-failed': {
    severity: 'error',
    title: 'A file built into the app could not be copied',
    explanation:
      'The app tried to use the copy of this file that ships inside the installed app (the prebundle) and could not copy or find it. The ' +
      'app then downloads the file instead, or stops the upgrade if it cannot.',
    nextStep:
      'Check the next lines for the download of the same file. If it keeps failing, the installed build may lack the file: reinstall the app ' +
      'or build and distribute a new package.',
  },
  'content-check-failed': {
    severity: 'warning',
    title: 'The device could not read a file to look for its version token',
    explanation:
      "The file's hash did not match, and the device could not read its text to look for the version token that would still make it " +
      'acceptable (index.html, moduleinfo, manifest.json). The file is then treated as corrupt.',
    nextStep: RUN_CHECK,
  },
  'plugin-missing': {
    severity: 'error',
    title: "The app's cache plugin is not available",
    explanation:
      "The app's runtime could not find its native cache plugin (OSCache) or Cordova, so it cannot store a new version for over-the-air " +
      'upgrades. A build without the plugin, or a page opened outside the app, gives this.',
    nextStep: 'Build the app again (a new package) and reinstall it; if it repeats, open a support case with the build log.',
  },
  'offline-cache-failed': {
    severity: 'error',
    title: 'The new files could not be stored for offline use',
    explanation:
      "The browser's cache (Application Cache or the preloader) could not store the app's files, so the app will not work offline. " +
      'Over HTTPS the server needs a valid certificate for this.',
    nextStep: "Check the app's certificate and that every file of the app answers 200 (run the OTA check).",
  },
  'resource-listed': {
    severity: 'info',
    title: 'A file to download',
    explanation: 'The runtime lists the files of the new version it asks the device to download, one line each (number / total: file).',
    nextStep: 'Nothing to do; a failure for one of these files is logged on its own line.',
  },
  'upgrade-info': {
    severity: 'info',
    title: 'A step of the app start-up or upgrade',
    explanation:
      "A progress note from the app's runtime: checking for a new version, preparing the local data model, choosing how to download the " +
      'files, or the upgrade status changing.',
    nextStep: NOTHING_TO_DO,
  },
  'version-check-failed': {
    severity: 'warning',
    title: 'The check for a new version failed',
    explanation:
      'The app could not ask the server whether a new version exists (or could not read the manifest built into it) and goes on with the ' +
      'version it has. It tries again later, for example at the next navigation.',
    nextStep: "If it repeats, open the app's moduleinfo from the customer's network (the OTA check does this) and read the error text.",
  },
  'data-model-failed': {
    severity: 'error',
    title: "The app's local data could not be upgraded",
    explanation:
      "The new version changes the app's local entities in a way the data already on the device cannot follow (a data type that cannot " +
      'be converted, a broken unique constraint), or the local data model could not be loaded. The upgrade is rolled back; only devices ' +
      'with data in those entities are affected.',
    nextStep: LOCAL_DATA_STEP,
  },
  'rollback-failed': {
    severity: 'error',
    title: 'The upgrade failed and there is no earlier version to go back to',
    explanation:
      'The upgrade failed and the app has no stored manifest of a previous version, so it cannot roll back; it may not start until it can ' +
      'download a version again.',
    nextStep: FIND_CAUSE,
  },
  'script-load-failed': {
    severity: 'error',
    title: 'A script of the app could not be loaded',
    explanation:
      "The runtime could not load one of the app's scripts in time, or the script failed to run. During an upgrade this counts as a " +
      'failed download of the resources and the upgrade is rolled back.',
    nextStep: RUN_CHECK,
  },
  'service-worker': {
    severity: 'info',
    title: "A step of the app's service worker",
    explanation:
      "The web app's service worker stored the app's files, answered a file from its cache or the server, or removed an old cache.",
    nextStep: NOTHING_TO_DO,
  },
  'service-worker-error': {
    severity: 'error',
    title: "The app's service worker could not store or fetch a file",
    explanation:
      "The web app's service worker failed to install (storing every file of the version), to open its cache, or to fetch a file from " +
      'the server or its cache. A file that cannot be fetched makes the whole install fail.',
    nextStep: "Run the OTA check from the user's network to see how the server answers for the app's files.",
  },
  'server-call-failed': {
    severity: 'warning',
    title: 'A call to the server failed',
    explanation:
      'A server action, the log upload or the roles request did not get a usable answer: an HTTP error, a timeout, or an answer that is ' +
      'not the expected JSON (often a proxy or sign-in page).',
    nextStep: "Check the server's error log at the same time and test the app's address from the user's network.",
  },
};
