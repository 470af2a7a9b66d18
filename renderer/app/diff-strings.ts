// The diff viewer's words (OTA evidence and Compare two files).
export const diffStrings = {
  title: 'Side by side',
  label: (left: string, right: string) => `Bytes of ${left} beside ${right}`,
  offset: 'Offset',
  hex: 'Hex',
  text: 'Text',
  nothing: 'nothing here',
  changed: (n: number) => (n === 1 ? '1 byte differs in what is shown.' : `${n} bytes differ in what is shown.`),
  legend: 'Marked bytes differ from the other side.',
  onlyOneSide: (side: string, what: string) => `Only ${side} has bytes here: ${what}.`,
  lines: 'Lines',
  linesLabel: (left: string, right: string) => `Line diff of ${left} against ${right}`,
  removed: 'only in',
  added: 'only in',
  sameLine: 'in both',
  lineMark: { same: ' ', removed: '−', added: '+' },
  excerptNote: (from: number) => `From byte ${from}: the report keeps a short excerpt around the first difference, not the whole file.`,
};
