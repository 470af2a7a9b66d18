import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLogFile, readLogStream, usableLog } from './inputs.js';
import { decodeText, MAX_LINE_CHARS, textLines } from './text.js';

/** The stream's lines, fed in the chunks given. */
async function linesOf(chunks: Array<Uint8Array | string>): Promise<Array<{ text: string; cut: boolean }>> {
  const out = [];
  for await (const l of textLines(Readable.from(chunks, { objectMode: true }))) out.push(l);
  return out;
}
const texts = async (chunks: Array<Uint8Array | string>) => (await linesOf(chunks)).map((l) => l.text);
/** Every byte its own chunk: marks, CRLFs and characters all split. */
const bytewise = (b: Uint8Array) => [...b].map((x) => Uint8Array.of(x));

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
const utf8bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]);

describe('textLines', () => {
  const TEXT = 'first\r\nsecond é\nthird\rfourth\r\n\r\nlast';
  const LINES = ['first', 'second é', 'third', 'fourth', '', 'last'];

  it('splits at CRLF, LF and a lone CR as readline does, the last line without its newline kept', async () => {
    expect(await texts([Buffer.from(TEXT)])).toEqual(LINES);
    expect(await texts([Buffer.from(`${TEXT}\n`)])).toEqual(LINES);
    expect(await texts([])).toEqual([]);
    expect(await texts([Buffer.from('\n')])).toEqual(['']);
  });

  it('gives the same lines whatever the chunks: a CRLF, a mark or a character split between two', async () => {
    for (const [name, bytes] of [
      ['utf-8', Buffer.from(TEXT)],
      ['utf-8 with a mark', utf8bom(TEXT)],
      ['utf-16le', utf16le(TEXT)],
      ['utf-16be', utf16be(TEXT)],
    ] as const) {
      expect(await texts(bytewise(bytes)), name).toEqual(LINES);
      expect(await texts([bytes]), name).toEqual(LINES);
      expect(decodeText(bytes).split(/\r\n|\r|\n/), name).toEqual(LINES);
    }
  });

  it('cuts a line over the limit and skips the rest of it: a stream with no newline costs one bounded line', async () => {
    const long = 'x'.repeat(MAX_LINE_CHARS * 3 + 5);
    const chunks = [long.slice(0, 1000), long.slice(1000, MAX_LINE_CHARS * 2), long.slice(MAX_LINE_CHARS * 2), '\nnext'];
    const lines = await linesOf(chunks.map((c) => Buffer.from(c)));
    expect(lines.map((l) => [l.text.length, l.cut])).toEqual([
      [MAX_LINE_CHARS, true],
      [4, false],
    ]);
  });
});

describe('reading a device log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hw-log-'));
  const FAIL =
    'Checksum failed for file /MyApp/scripts/a.js?Ux+rVJ8uHJtnxJ4yVjYV_A Received hash: Ux+rVJ8uHJtnxJ4yVjYV_A | ' +
    'Calculated hash: eZeyznlO_xx2+8Xt0B1UNg';
  const LOG = `2026-11-20 10:31:06 Screen rendered\r\n2026-11-20 10:31:07 ${FAIL}\r\n`;

  it('a log saved as UTF-16 (Notepad’s “Unicode”) reads as the UTF-8 one does, with the same line numbers', async () => {
    const utf8 = await readLogStream(Readable.from([Buffer.from(LOG)]));
    expect(utf8.entries.map((e) => [e.line, e.kind, e.path])).toEqual([[2, 'checksum-failed', '/MyApp/scripts/a.js']]);
    for (const [name, bytes] of [
      ['utf-16le', utf16le(LOG)],
      ['utf-16be', utf16be(LOG)],
      ['utf-8 with a mark', utf8bom(LOG)],
    ] as const) {
      const file = join(dir, `${name}.log`);
      writeFileSync(file, bytes);
      const read = await readLogFile(file);
      expect(read.entries, name).toEqual(utf8.entries);
      expect(read.lines, name).toBe(2);
    }
  });

  it('a file with no newline is one cut line, and says it is no text log; a device or a folder is refused', async () => {
    const file = join(dir, 'dump.bin');
    writeFileSync(file, Buffer.alloc(3 << 20, 0x41));
    const read = await readLogFile(file);
    expect([read.lines, read.cut, read.entries.length]).toEqual([1, 1, 0]);
    expect(usableLog('--log dump.bin', read).problem).toBe(
      '--log dump.bin: no line is a recognised OutSystems log line (1 lines read, 1 of them over 64 Ki characters: not a text log?); ' +
        'the check runs without it',
    );
    await expect(readLogFile('/dev/zero')).rejects.toThrow('not a regular file; give a saved log file, or - for standard input');
    await expect(readLogFile(dir)).rejects.toThrow('not a regular file');
  });

  it('parse-log reads the same way: a UTF-16 file’s failure line is found', () => {
    const file = join(dir, 'parse-utf16.log');
    writeFileSync(file, utf16le(LOG));
    const cli = join(process.cwd(), 'main/cli/hash-workbench.cjs');
    const out = JSON.parse(execFileSync(process.execPath, [cli, 'parse-log', file], { encoding: 'utf8' })) as {
      entries: Array<{ line: number; kind: string }>;
    };
    expect(out.entries.map((e) => [e.line, e.kind])).toEqual([[2, 'checksum-failed']]);
  });
});
