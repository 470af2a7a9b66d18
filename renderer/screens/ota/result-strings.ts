// The OTA result's words added with "the answer first": the folded form's summary, the verdict banner's
// short form, the table's problem filter and the two documents of the export.
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const resultStrings = {
  summary: {
    label: 'What this check covers',
    edit: 'Edit',
    editLabel: 'Edit the check settings',
    back: 'Back to the result',
    frontends: (labels: string[]) => (labels.length ? `${plural(labels.length, 'frontend')}: ${labels.join(', ')}` : 'no frontend'),
    scope: {
      log: (n: number) => `${plural(n, 'file')} named in the log`,
      chosen: (n: number) => `${plural(n, 'file')} chosen`,
      all: (n: number) => `the whole module (${plural(n, 'file')})`,
    },
    running: 'Checking now',
    opened: 'Opened report',
  },
  banner: {
    logged: (n: number) => (n === 1 ? 'The device rejected this file' : `The device rejected these ${n} files`),
    rejected: 'Rejected by the device:',
    loggedCause: (cause: string) => ` (${cause}).`,
    judgedAs: (platform: string, how: string) => `Judged as ${platform} judges a copy: ${how}.`,
    nextStep: 'Next step',
    more: (n: number) => `more… (${n})`,
    moreLabel: 'More evidence, every next step and what else was found',
    alsoFound: 'Also found (not the cause of a checksum failure)',
    allEvidence: 'All the evidence',
    allNext: 'Every next step',
  },
  table: {
    onlyProblems: 'Only problems',
    frontends: 'Frontends',
    expected: 'Expected',
    logged: 'rejected in the device’s log',
    loggedMark: '⚑',
    problemsFirst: 'Files with a problem come first.',
  },
  suggest: {
    button: 'Suggest frontends',
    busy: 'Looking up…',
    needUrl: 'Give the app’s address first: the suggestions come from its host name.',
    label: (host: string) => `Frontends suggested for ${host}`,
    none: (host: string) => `Nothing to suggest for ${host}.`,
    add: 'Add',
    added: 'Added',
    addLabel: (address: string) => `Add ${address} as a frontend`,
  },
  export: {
    summary: 'Export case summary…',
    full: 'Export full report (HTML and JSON)…',
  },
};
