// One rule for showing text that came from outside (a moduleinfo key, a checksum line, a path) in one line:
// long text is cut in the middle, so both its start and its end (a file name) stay readable.

/** `text` if it has at most `max` characters; else its start and end around "…", with the full length said. */
export function clipMiddle(text: string, max = 160): string {
  if (text.length <= max) return text;
  const note = ` (${text.length.toLocaleString('en-US')} characters)`;
  const room = Math.max(8, max - note.length - 1);
  const head = Math.ceil(room * 0.6);
  return `${text.slice(0, head)}…${text.slice(text.length - (room - head))}${note}`;
}
