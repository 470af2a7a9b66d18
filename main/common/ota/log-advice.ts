// What each kind of OTA log line means, in plain words, and what to do next: the advice table that
// log-lines.ts attaches to every line it recognises. Kept apart from the patterns so wording changes
// never touch the matching, and every kind must have its advice (the compiler checks the Records). The kinds of
// the runtime's other messages (cache bookkeeping, the JS runtime's upgrade steps, the service worker) are in
// log-advice-runtime.ts.
import { DEVICE_STORAGE_STEP, FIND_CAUSE, RUN_CHECK } from './log-steps.js';
import { RUNTIME_ADVICE, type Advice, type RuntimeKind } from './log-advice-runtime.js';

type CoreKind =
  | 'checksum-failed'
  | 'store-failed'
  | 'download-failed'
  | 'download-timeout'
  | 'download-aborted'
  | 'retrying'
  | 'rollback'
  | 'rollback-database'
  | 'rollback-ignored'
  | 'cache-manifest-corrupt'
  | 'cache-manifest-missing'
  | 'cache-manifest-unreadable'
  | 'input-stream'
  | 'healing'
  | 'healing-retrieve'
  | 'resource-not-found'
  | 'switch-cache-failed'
  | 'swap-cache-failed'
  | 'cache-inconsistency'
  | 'manifest-inconsistency'
  | 'database-close'
  | 'loader-error'
  | 'manifest-invalid'
  | 'caching-rejected'
  | 'caching-info'
  | 'new-version'
  | 'caching-error'
  | 'file-empty'
  | 'integrity-unchecked'
  | 'load-failed'
  | 'resource-downloaded';

export type LogKind = CoreKind | RuntimeKind;

export type { Advice, Severity } from './log-advice-runtime.js';

export { FIND_CAUSE } from './log-steps.js';

const CORE_ADVICE: Record<CoreKind, Advice> = {
  'checksum-failed': {
    severity: 'error',
    title: "Downloaded file does not match the app's manifest",
    explanation:
      "The device downloaded this file but its content is not the version the app's manifest (moduleinfo) lists: " +
      'the hash of the bytes it received ("calculated") differs from the hash in the manifest ("received"). ' +
      'Usual causes: a cache, proxy, CDN or load balancer serving an older copy or changing the file, a front-end server with outdated files, ' +
      'or a new deployment published during the upgrade. The device rejects the file and the upgrade rolls back.',
    nextStep: RUN_CHECK,
  },
  'store-failed': {
    severity: 'error',
    title: 'Downloaded file rejected as corrupt',
    explanation:
      'The device refused to keep a file it downloaded because its content failed the integrity check (the hash did not match the manifest). ' +
      'It usually follows a "Checksum failed" line for the same file; the device retries and may roll the upgrade back.',
    nextStep: RUN_CHECK,
  },
  'download-failed': {
    severity: 'warning',
    title: 'One download attempt failed',
    explanation:
      'One attempt to download this file failed; the device retries, but the number of retries is limited for the whole upgrade. The error ' +
      'text says why: "File is corrupt or invalid" means its content did not match the manifest.',
    nextStep:
      'If the error is "File is corrupt or invalid", run the OTA check on this app; for a network error, test the app\'s address from the customer\'s network.',
  },
  'download-timeout': {
    severity: 'error',
    title: 'Upgrade stopped: a download timed out',
    explanation:
      'The device gave up the whole upgrade because this file took too long to download (the limit is about 30 seconds per file). Usual ' +
      'causes: a slow or unstable mobile network, a large file, or a proxy or firewall holding the connection. The app stays on its previous ' +
      'version.',
    nextStep:
      "Run the OTA check from the customer's network to see this file's size and download time, and try the app on another network (for " +
      'example Wi-Fi instead of mobile data).',
  },
  'download-aborted': {
    severity: 'error',
    title: 'Upgrade stopped: a file could not be downloaded',
    explanation:
      'The device gave up the whole upgrade because this file kept failing after its retries. The error text says why; "File is corrupt or ' +
      'invalid" means its content did not match the manifest. The app stays on its previous version.',
    nextStep: RUN_CHECK,
  },
  retrying: {
    severity: 'info',
    title: 'Retrying a download',
    explanation:
      'The previous attempt at this file failed and the device is trying again. Retries are shared by the whole upgrade (at least 10), so ' +
      'many failing files can use them up and end the upgrade.',
    nextStep: 'Look at the lines just before this one for why the attempt failed.',
  },
  rollback: {
    severity: 'error',
    title: 'Upgrade failed and was rolled back',
    explanation:
      'The over-the-air upgrade did not complete, so the app went back to the version it had before. Users can keep working, but calls to ' +
      'server actions that changed in the new version may fail. This line is the result; the cause is logged before it.',
    nextStep: FIND_CAUSE,
  },
  'rollback-database': {
    severity: 'error',
    title: "Upgrade failed: the app's local database could not be opened",
    explanation:
      'The upgrade stopped because the app could not open its local storage database on the device, so it went back to the previous version. ' +
      'This is a problem on the device (its local data or storage), not with the downloaded files.',
    nextStep:
      'Check the device log around this time for database errors. If it repeats for one user, reinstalling the app usually clears it (data ' +
      'stored only on the device is lost).',
  },
  'rollback-ignored': {
    severity: 'warning',
    title: 'Upgrade error ignored because the user moved to another screen',
    explanation:
      'An upgrade error happened while the user was navigating, and the app ignored it instead of rolling back. The upgrade is tried again later.',
    nextStep: 'Usually nothing to do. If the upgrade never completes, look for other upgrade errors from the same device.',
  },
  'cache-manifest-corrupt': {
    severity: 'error',
    title: "The app's list of stored files is damaged",
    explanation:
      'The device keeps a list of the files it has stored for the app (the cache manifest). That list failed its integrity check, so the app ' +
      'cannot trust the files it stored.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  'cache-manifest-missing': {
    severity: 'warning',
    title: "The app's list of stored files was not found",
    explanation:
      'The device could not find its list of the files it stored for the app (the cache manifest). On the first run after install this is ' +
      'expected; otherwise the file was deleted or never written, and the app has to download its files again.',
    nextStep:
      "If this is not the first run, check whether the device is short of storage or the app's data was cleared; reinstalling the app creates the file again.",
  },
  'cache-manifest-unreadable': {
    severity: 'error',
    title: "The app's list of stored files could not be read",
    explanation:
      'The device found its list of the files it stored for the app (the cache manifest) but could not read or understand it, so it cannot use those files.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  'input-stream': {
    severity: 'error',
    title: 'A stored file could not be read on the device',
    explanation:
      'The app (Android) tried to read this file from the copy stored on the device and could not open it: the stored copy is missing or unreadable.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  healing: {
    severity: 'error',
    title: 'Repair of a stored file failed',
    explanation:
      'The app found its stored copy of this file missing or broken and tried to replace it, from the copy built into the installed app ' +
      '("prebundle") or from the server ("web"), and that failed.',
    nextStep:
      'For "from web", run the OTA check on this app to see what the server sends for this file. For "from prebundle", the installed build ' +
      'may not contain the file: check the next lines for the repair from the server.',
  },
  'healing-retrieve': {
    severity: 'info',
    title: 'Fetching a fresh copy of a file',
    explanation: 'The app is downloading the current version of this file from the server to repair its stored copy.',
    nextStep: 'Look at the next lines: "Healing resource … from web: FAILED" means the copy from the server could not be used.',
  },
  'resource-not-found': {
    severity: 'info',
    title: 'A file the app asked for is not among its stored files',
    explanation:
      'The app (its WebView) asked for a file that is not part of the version it has stored, so the request goes on to the network or to the ' +
      "app's own files (Cordova plugins' scripts are served that way). This is a debug line of the device log, not sent to Service Center.",
    nextStep:
      "Usually nothing to do. If a screen fails to load at the same time, check that the file is listed in the app's moduleinfo (run the OTA check).",
  },
  'switch-cache-failed': {
    severity: 'error',
    title: 'Could not switch to the downloaded version',
    explanation:
      "The app could not start using a version it had stored (or could not find the app's stored versions), so it stays on the version it was running.",
    nextStep: DEVICE_STORAGE_STEP,
  },
  'swap-cache-failed': {
    severity: 'error',
    title: 'Could not activate the downloaded version',
    explanation:
      'After downloading a new version, the app could not replace the old stored version with it, because the stored version was missing or ' +
      'not in the expected state. The app stays on the version it was running.',
    nextStep: DEVICE_STORAGE_STEP,
  },
  'cache-inconsistency': {
    severity: 'error',
    title: 'Stored versions are inconsistent',
    explanation: "The app's record of which version it has stored does not agree with what it found on the device.",
    nextStep: DEVICE_STORAGE_STEP,
  },
  'manifest-inconsistency': {
    severity: 'error',
    title: 'An address in the manifest points to a file that is not stored',
    explanation:
      "The app's manifest maps an address (a screen route) to a file that is not in its list of files, so the app cannot serve that address from storage.",
    nextStep:
      "Load the app's moduleinfo in the workbench and look for url mappings whose file is not listed; republishing the app regenerates it.",
  },
  'database-close': {
    severity: 'info',
    title: "The app's local database was closed while a transaction was running",
    explanation:
      'When the app is closed it closes its local database; a transaction still running at that moment gives this line. It is informative ' +
      'and has no effect on the app (more frequent in apps with much local data or complex local-storage logic).',
    nextStep: 'Nothing to do: the support article on it expects no effect on the app.',
  },
  'loader-error': {
    severity: 'error',
    title: "Could not get the app's manifest",
    explanation:
      'The app could not download or read its manifest (moduleinfo or the version check) from the server: no network connection, an HTTP ' +
      'error code, or an answer that is not the expected JSON.',
    nextStep:
      "Open the named address from the customer's network (the OTA check does this) and check the status code and that the answer is the " +
      'manifest JSON, not a login, proxy or error page.',
  },
  'manifest-invalid': {
    severity: 'error',
    title: "The app's manifest is invalid",
    explanation:
      'The app downloaded its manifest (moduleinfo) but a required field is missing or has the wrong type, so it cannot upgrade. A proxy or ' +
      'error page answering instead of the server is a common cause.',
    nextStep: 'Load the moduleinfo in the workbench (or run the OTA check) to see which field is wrong and what the server actually sent.',
  },
  'caching-rejected': {
    severity: 'error',
    title: 'The device refused to start the upgrade',
    explanation:
      'The device refused to start downloading because the list of files or addresses the manifest gave it was empty or invalid.',
    nextStep: "Load the app's moduleinfo in the workbench and check that it lists resources (urlVersions) and url mappings.",
  },
  'caching-info': {
    severity: 'info',
    title: 'Upgrade progress',
    explanation: 'A progress note from the upgrade: which version is being downloaded, that it finished, or that it was already stored.',
    nextStep: 'Nothing to do; the version token tells which lines belong to the same upgrade.',
  },
  'new-version': {
    severity: 'info',
    title: 'New version found on the server',
    explanation: 'The app found a newer version on the server and is starting the over-the-air upgrade.',
    nextStep: 'Nothing to do; the lines that follow show whether the upgrade worked.',
  },
  'file-empty': {
    severity: 'error',
    title: 'Downloaded file rejected: empty or missing',
    explanation:
      'The device downloaded this file but found nothing to keep: the body was empty or the file was not written. ' +
      'A 204 answer, a proxy that drops bodies or a download cut off give this. The device rejects the file and may roll the upgrade back.',
    nextStep: RUN_CHECK,
  },
  'integrity-unchecked': {
    severity: 'warning',
    title: 'The file was kept without its integrity check',
    explanation:
      'The device (Android) could not run the integrity check on this file and kept it anyway. This is not a rejection: the file is in the ' +
      "app's storage as it arrived.",
    nextStep:
      'Nothing to do for this line; if the app misbehaves afterwards, run the OTA check to see whether the file served is the right one.',
  },
  'load-failed': {
    severity: 'error',
    title: 'A file could not be loaded',
    explanation:
      'The app asked for this file and could not load it, from the server (the status says why) or from its storage on the device.',
    nextStep:
      'Run the OTA check on this app to see what the server answers for this file; if it is right there, reopen the app online so it downloads the file again.',
  },
  'resource-downloaded': {
    severity: 'info',
    title: 'File downloaded',
    explanation: 'The device downloaded this file (or already had it) as part of the upgrade.',
    nextStep: 'Nothing to do; a rejection of the same file would be logged after this line.',
  },
  'caching-error': {
    severity: 'error',
    title: 'Error while downloading the new version',
    explanation: 'The app\'s upgrade code reported an error while downloading the new version; the text after "Caching error:" says what.',
    nextStep: 'Read the error text and the lines around it; if a more specific error is logged, follow its next step.',
  },
};

export const ADVICE: Record<LogKind, Advice> = { ...CORE_ADVICE, ...RUNTIME_ADVICE };
