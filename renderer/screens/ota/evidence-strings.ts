// The evidence panel's own words: the judgement first, samples folded, raw headers one click away.
export const evidenceStrings = {
  decided: 'What decided it',
  judgement: {
    rejects: 'A device rejects this copy',
    rejectsHash: 'its hash is not the one the moduleinfo lists.',
    rejectsToken: (token: string | undefined, expected: string) => `it carries version ${token ?? '(none found)'}, not ${expected}.`,
    accepts: 'A device accepts this copy',
    acceptsWhy: 'it is the current version.',
    unread: 'This copy could not be read',
    notCompared: 'This copy was not compared',
  },
  thisHash: 'This copy',
  expectedHash: 'The moduleinfo lists',
  differs: 'differs',
  same: 'same',
  decisiveHeaders: 'Headers that decided it',
  decisiveMark: 'decisive',
  noDecisive: 'No header says more about it.',
  samples: (n: number) => `${n} samples: all the same`,
  someSamples: (samples: number[]) => (samples.length === 1 ? `sample ${samples[0]}` : `samples ${samples.join(', ')}: the same copy`),
  connection: 'Connection, certificate and timings',
  frontendRoute: (label: string, address: string | undefined) =>
    `The URL is the public one (its host name and TLS name are kept, so the server answers as it would a device), ` +
    `but the connection went straight to ${label}${address ? ` at ${address}` : ''}: no balancer or cache in between.`,
  rawHeaders: (n: number) => `Raw headers (${n})`,
  otherTelling: (n: number) => `Other telling headers and what they mean (${n})`,
  again: {
    button: 'Check again',
    running: 'Checking again…',
    title: 'Before and after',
    beforeAfter: (before: string, after: string) => `Before: ${before}. Now: ${after}.`,
  },
  diffAgainst: 'the right copy',
  thisCopy: 'this copy',
  diffNote: (from: number) => `From byte ${from}: the report keeps a short excerpt around the first difference.`,
};
