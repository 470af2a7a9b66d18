// The next steps several kinds of log line share, in one place so their wording stays the same.

export const RUN_CHECK = 'Run the OTA check on this app to compare the file on every server and through the public address.';
export const FIND_CAUSE = "Look at the lines just before this one for the error that caused it, and follow that line's next step.";
export const DEVICE_STORAGE_STEP =
  'Ask the user to close and reopen the app with a good connection so it can download its files again; if it keeps happening, reinstall the ' +
  'app. If many users see it, collect device logs and open a support case.';
export const NOTHING_TO_DO = 'Nothing to do; this line only tells what the app was doing.';
