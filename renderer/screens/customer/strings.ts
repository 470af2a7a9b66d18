// The customer screen's user-visible strings (gathered in renderer/strings/index.ts: one place for translations).
// Written for customers following a support case: plain words, one idea per sentence, no jargon.
// The few technical words that can reach the screen (from a report or an error) have a one-line
// explanation in `glossary`, shown next to the text that uses them.

import { causeColumn, type Cause } from '../../../main/common/ota/types.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const EXAMPLE_URL = 'https://apps.example.com/MyApp/';

export const customerStrings = {
  title: 'Check why your app’s update fails',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  back: 'Back',
  next: 'Next',
  stepsLabel: 'Move between steps',

  headings: {
    intro: 'What this check does',
    error: 'Paste the error message',
    address: 'The app’s address',
    capture: 'Add a network recording (optional)',
    checking: 'Checking the app',
    result: 'What we found',
  },

  intro: {
    sentences: [
      'This check downloads your app’s files from your network, the same way the phones do, and compares them with what the update expects.',
      'It shows whether something between the app’s servers and your phones, such as a cache or a security product, changes the files.',
      'It cannot look inside the app’s servers or fix anything: it gathers what support needs to find the cause.',
    ],
    openCase: 'Open a case file from support…',
    openCaseHint: 'If support sent you a file whose name ends in .hwcase, open it here: it fills in everything for you.',
    opening: 'Opening…',
    caseLoaded: (caseNumber: string | undefined) => (caseNumber ? `Case file loaded for case ${caseNumber}.` : 'Case file loaded.'),
    caseAddress: (url: string) => `App address: ${url}`,
    caseFiles: (n: number) =>
      n === 0
        ? 'Support did not name particular files: the check looks at all of the app’s files.'
        : `Files to check: ${plural(n, 'file', 'files')} named by support.`,
    caseNote: (note: string) => `Message from support: ${note}`,
    caseBad: 'This file is not a case file from support, or it is damaged. Ask support to send it again.',
    caseUnreadable: (detail: string) => `The case file could not be opened (${detail}). Try again with “Open a case file from support…”.`,
    caseDetail: (detail: string) => `Details: ${detail}`,
    prepareToggle: 'I’m from support: prepare a case file',
  },

  prepare: {
    heading: 'Prepare a case file for a customer',
    intro: 'Fill this in and save the file, then send it to the customer. When they open it, the check is filled in for them.',
    appUrl: 'App address',
    appUrlHint: `The address the app loads from, for example ${EXAMPLE_URL}`,
    caseNumber: 'Case number (optional)',
    resources: 'Files to check (optional)',
    resourcesHint:
      'One per line, as the error names them, for example /MyApp/scripts/MyApp.controller.js. Leave empty to check all of the app’s files.',
    note: 'Message to the customer (optional)',
    save: 'Save case file…',
    saving: 'Saving…',
    saved: (path: string) => `Saved: ${path}. Send this file to the customer.`,
    notSaved: 'Not saved: no file was chosen.',
    failed: (detail: string) => `The case file could not be saved: ${detail}`,
    caseNumberTooLong: 'The case number can have at most 64 characters.',
    resourceTooLong: (line: number) => `Line ${line} is too long to be a file of the app.`,
    tooManyResources: 'That is more files than a case file can hold (10,000). Leave the box empty to check all of the app’s files.',
    noteTooLong: 'The message can have at most 2,000 characters.',
  },

  error: {
    label: 'The error message',
    hint: 'Copy the error about the failed update and paste it here. It usually starts with “Checksum failed for file” and names one of the app’s files.',
    where:
      'Where to find it: the app’s administrator finds it in Service Center, ' +
      'under Monitoring, then Errors. On a phone, the app may only say that the update failed.',
    skip: 'If you cannot find it, skip this step: leave the box empty and choose Next. The check then looks at all of the app’s files.',
    pictureTitle: 'Where the error appears',
    pictureDesc: 'A phone showing the message “Update failed”, and a line from the error list that starts with “Checksum failed for file”.',
    phoneApp: 'MyApp',
    phoneMessage: 'Update failed',
    phoneDetail: 'The app could not',
    phoneDetail2: 'update itself.',
    phoneButton: 'OK',
    alertMark: '!',
    logTitle: 'Errors',
    logTime: '2024-05-14 09:12:03',
    logTime2: '2024-05-14 09:12:04',
    logLine1: 'Checksum failed for file',
    logLine2: 'scripts/MyApp.controller.js?…',
    logOther: 'Upgrade failed - rolling back…',
    found: (files: string[]) => `We found ${plural(files.length, 'file', 'files')} that failed to update: ${files.join(', ')}`,
    foundMore: (n: number) => ` and ${plural(n, 'more', 'more')}`,
    foundNoFile: 'We found the message that the update failed, but it does not name a file. The check looks at all of the app’s files.',
    notRecognised: 'We did not recognise this as the update error. You can still go on: the check then looks at all of the app’s files.',
    tooLong: 'This is more text than the check can take. Paste only the lines around the error.',
    listOfFiles: 'the app’s list of files',
  },

  address: {
    label: 'App address',
    hint: `The address the app loads from, for example ${EXAMPLE_URL} — support can tell you.`,
    fromCase: 'Filled in from the case file.',
    willCheck: (url: string) => `We will check ${url}`,
    empty: 'Enter the app’s address. Support can tell you what it is.',
    notAddress: `This is not a web address. It should look like ${EXAMPLE_URL}`,
    scheme: 'The address must start with https:// (or http://).',
    noApp: `Add the app’s name after the server’s name, for example ${EXAMPLE_URL}`,
    tooLong: 'This address is too long. Check that you copied only the address.',
    unreachable:
      'We could not reach the app at this address. Check it for typing mistakes, and that this computer can open it in a web browser, then try again.',
    timeout: 'The app’s address did not answer in time. Check that this computer is on the network the phones use, then try again.',
    refused: 'The check could not use this address. Check it for typing mistakes, then try again.',
  },

  capture: {
    text: 'If support asked you to record the app’s network traffic (a .har file), add it here.',
    explain: 'A .har file is a recording of what a web browser downloaded, made with the browser’s developer tools.',
    skip: 'If support did not ask for one, skip this step.',
    add: 'Add file…',
    drop: 'Or drop the .har file here.',
    added: (name: string) => `Added: ${name}`,
    remove: 'Remove',
    removeLabel: (name: string) => `Remove ${name}`,
    notHar: 'That file is not a .har recording: its name should end in .har.',
    openFailed: (detail: string) => `The file could not be added: ${detail}`,
    bad: 'The recording could not be read. Record it again, or remove it and run the check without it.',
    unreadable: 'The recording file could not be opened. Add it again, or remove it and run the check without it.',
    start: 'Start the check',
  },

  checking: {
    run: 'Start the check',
    again: 'Try again',
    cancel: 'Cancel',
    stopping: 'Stopping…',
    wait: 'This can take a few minutes. You can keep using the computer meanwhile.',
    progressLabel: 'Progress of the check',
    starting: 'Starting…',
    phases: {
      moduleinfo: 'Reading the app’s list of files…',
      'moduleinfo-end': 'Reading the app’s list of files once more…',
      done: 'Finishing…',
    } as Record<string, string>,
    checked: (done: number, total: number) => `Checked ${done} of ${total} ${total === 1 ? 'file' : 'files'}`,
    ready: 'Everything is ready. Start the check when you are.',
    stopped: 'You stopped the check. Start it again when you are ready.',
    cancelFailed: (detail: string) => `The check could not be stopped: ${detail}`,
    failed: 'The check could not run.',
    general: 'Try again in a few minutes. If it keeps failing, tell support what the details below say.',
    details: 'Technical details (for support)',
    fixAddress: 'Change the address',
    fixCapture: 'Change the recording',
  },

  result: {
    limits: 'We checked from your network. We cannot see the app’s servers; support will compare this with what they see from inside.',
    stoppedEarly: 'You stopped the check early, so this covers only the files checked before that.',
    filesHeading: 'Files that did not arrive as expected',
    allFine: 'Every file we checked arrived as expected.',
    item: (file: string, words: string) => `${file}: ${words}`,
    more: (n: number) => `…and ${plural(n, 'more file', 'more files')}: they are all in the report.`,
    causes: causeColumn('customerFile'),
    /** Per cause: what happened, and who must act, in words a customer knows. */
    outcome: {
      'new-deployment': {
        sentence: 'The app was updated on its server while your phone was downloading the update.',
        who: 'Nobody needs to fix anything: open the app again and it will retry the update.',
      },
      'outdated-frontend': {
        sentence: 'One of the app’s servers still has an old copy of some files.',
        who: 'Who must act: the app’s support team. They update that server; there is nothing to change on your side.',
      },
      'frontend-error': {
        sentence: 'One of the app’s servers answers with an error instead of some files.',
        who: 'Who must act: the app’s support team. They fix that server; there is nothing to change on your side.',
      },
      'manifest-mismatch': {
        sentence: 'The app’s files on its servers do not match the list of files the update expects.',
        who: 'Who must act: the app’s support team. They need to publish the app again.',
      },
      'stale-cache': {
        sentence: 'A cache on the way (a CDN or a proxy) keeps handing out an old copy of some files.',
        who:
          'Who must act: your IT team if the cache is on your network, otherwise the app’s support team. ' +
          'Send the report to the app’s support team: it shows which.',
      },
      'altered-content': {
        sentence: 'Something on your network (a proxy, a security product or a CDN) changes the app’s files on their way to your phone.',
        who: 'Who must act: your IT team. Ask them to let the app’s address through unchanged; the report shows what changed.',
      },
      truncated: {
        sentence: 'Some files arrive incomplete on this network: a proxy or a firewall may be cutting them short.',
        who: 'Who must act: your IT team. Send them the report.',
      },
      'device-network': {
        sentence: 'The files are right on the internet but arrive changed on your phone’s network.',
        who: 'Who must act: your IT team. Meanwhile, try the update on another network, for example mobile data.',
      },
      consistent: {
        sentence: 'Every file we checked arrived as expected.',
        who: 'Who must act: the app’s support team, if the update still fails. Send them the report.',
      },
      unreachable: {
        sentence: 'Some addresses could not be reached from here, so the check is incomplete.',
        who: 'Who must act: the app’s support team. Send them the report.',
      },
      cancelled: {
        sentence: 'The check was stopped before it finished, so it is incomplete.',
        who: 'Who must act: you. Run the check again and let it finish, then send the report to the app’s support team.',
      },
      inconclusive: {
        sentence: 'The check could not tell where the problem is.',
        who: 'Who must act: the app’s support team. Send them the report.',
      },
    } satisfies Record<Cause, { sentence: string; who: string }>,
    save: 'Save the report for support',
    saveFailedRun: 'Save a report of this attempt for support',
    saving: 'Saving…',
    saved: (names: string[], folder: string) =>
      `Saved ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} in the folder ${folder}. ` +
      'Send these files to the app’s support team.',
    showInFolder: 'Show in folder',
    showFailed: (detail: string) => `The folder could not be shown: ${detail}`,
    savedCase: (caseNumber: string) => `Your case number is ${caseNumber}.`,
    saveFailed: (detail: string) => `The report could not be saved: ${detail}. Try another folder.`,
    startOver: 'Start over',
  },

  glossaryHeading: 'Words used above',
  /** Technical words, and a one-line explanation shown whenever one of them is on the screen. */
  glossary: {
    moduleinfo: 'Moduleinfo: the list of the app’s files, with a fingerprint of each, that the update downloads first.',
    frontend: 'Frontend: one of the servers that run the app.',
    hash: 'Hash: a short fingerprint worked out from a file’s content; if one byte of the file changes, it changes.',
    CDN: 'CDN (content delivery network): servers that keep copies of websites close to the people who use them.',
    proxy: 'Proxy: a computer that your network’s traffic passes through on its way to the internet.',
  },
} as const;
