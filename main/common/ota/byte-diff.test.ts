import { describe, expect, it } from 'vitest';
import { diffBytes, diffClassLabel } from './byte-diff.js';
import type { DiffClass } from './types.js';

const enc = new TextEncoder();
const b = (s: string) => enc.encode(s);
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

describe('identical', () => {
  it('reports equal bytes', () => {
    expect(diffBytes(b('abc'), b('abc'))).toEqual({
      class: 'identical',
      referenceSize: 3,
      size: 3,
      summary: 'Identical: all 3 bytes match.',
    });
  });

  it('treats two empty copies as identical', () => {
    expect(diffBytes(b(''), b('')).class).toBe('identical');
  });
});

describe('bom', () => {
  it('finds a BOM added at the start', () => {
    const r = diffBytes(b('hello'), cat(BOM, b('hello')));
    expect(r).toMatchObject({ class: 'bom', referenceSize: 5, size: 8, offset: 0, length: 3, excerptHex: 'ef bb bf', excerptText: '...' });
    expect(r.summary).toBe('A UTF-8 byte-order mark (EF BB BF) was added at the start, and the rest is identical.');
  });

  it('finds a BOM removed', () => {
    const r = diffBytes(cat(BOM, b('var x = 1;\n')), b('var x = 1;\n'));
    expect(r).toMatchObject({ class: 'bom', referenceSize: 14, size: 11, offset: 0, length: 3 });
    expect(r.summary).toContain('removed');
  });

  it('a BOM on an empty reference is still a BOM', () => {
    expect(diffBytes(b(''), BOM)).toMatchObject({ class: 'bom', offset: 0, length: 3 });
  });
});

describe('line endings', () => {
  it('finds CRLF instead of LF', () => {
    const r = diffBytes(b('a\nb\n'), b('a\r\nb\r\n'));
    expect(r).toMatchObject({ class: 'line-endings', referenceSize: 4, size: 6, offset: 1 });
    expect(r.summary).toBe('The copy has CRLF line endings instead of LF, and is otherwise identical.');
  });

  it('finds LF instead of CRLF (smaller, but not called minified)', () => {
    const r = diffBytes(b('x = 1;\r\ny = 2;\r\n'), b('x = 1;\ny = 2;\n'));
    expect(r.class).toBe('line-endings');
    expect(r.summary).toContain('LF line endings instead of CRLF');
  });

  it('finds CR-only endings', () => {
    const r = diffBytes(b('a\r\nb\r\nc'), b('a\rb\rc'));
    expect(r).toMatchObject({ class: 'line-endings', offset: 2 });
    expect(r.summary).toContain('CR line endings instead of CRLF');
  });

  it('names mixed endings', () => {
    expect(diffBytes(b('a\nb\n'), b('a\r\nb\n')).summary).toContain('mixed CRLF and LF line endings instead of LF');
  });

  it('a copy cut between CR and LF is cut short, not a line-ending change', () => {
    expect(diffBytes(b('a\r\nb'), b('a\r'))).toMatchObject({ class: 'prefix', offset: 2 });
  });
});

describe('whitespace and comments', () => {
  const source = [
    '/* Copyright header */',
    'function add(a, b) {',
    '  // add them',
    '  return a + b; // the sum',
    '}',
    'var url = "http://example.com/x.js";',
    '<!-- an HTML comment -->',
    '',
  ].join('\n');
  const minified = 'function add(a,b){return a+b;}var url="http://example.com/x.js";';

  it('finds a minified copy', () => {
    const r = diffBytes(b(source), b(minified));
    const smaller = source.length - minified.length;
    expect(r).toMatchObject({ class: 'whitespace', referenceSize: source.length, size: minified.length, offset: 0 });
    expect(r.summary).toBe(`Minified: ${smaller} bytes smaller, equal once whitespace and comments are removed.`);
  });

  it('does not take the // of http:// for a comment', () => {
    const r = diffBytes(b('var u = "http://a.example/x";\n'), b('var u="http://b.example/y";'));
    expect(r.class).toBe('different');
  });

  it('a larger copy is never minified', () => {
    expect(diffBytes(b(minified), b(source)).class).not.toBe('whitespace');
  });

  it('a copy missing only trailing whitespace is cut short', () => {
    expect(diffBytes(b('abc\n\n'), b('abc'))).toMatchObject({ class: 'prefix', offset: 3, length: 2 });
  });
});

describe('prefix', () => {
  it('finds a copy cut short', () => {
    expect(diffBytes(b('abcdef'), b('abc'))).toEqual({
      class: 'prefix',
      referenceSize: 6,
      size: 3,
      offset: 3,
      length: 3,
      referenceExcerptHex: '64 65 66',
      referenceExcerptText: 'def',
      leadHex: '616263', // the bytes before the cut, the same in both: context for the viewer
      summary: 'Cut short at byte 3 of 6: the last 3 bytes are missing.',
    });
  });

  it('an empty copy is a prefix of anything non-empty', () => {
    const r = diffBytes(b('x'), b(''));
    expect(r).toMatchObject({ class: 'prefix', offset: 0, length: 1, referenceExcerptText: 'x' });
    expect(r.summary).toBe('Cut short at byte 0 of 1: the last byte is missing.');
  });

  it('keeps at most 200 bytes of the missing tail', () => {
    const r = diffBytes(new Uint8Array(1000).fill(0x41), new Uint8Array(10).fill(0x41));
    expect(r.referenceExcerptText).toBe('A'.repeat(200));
    expect(r.referenceExcerptHex).toBe(Array(200).fill('41').join(' '));
  });
});

describe('insertion', () => {
  const head = '<!DOCTYPE html>\n<html><head><title>App</title>';
  const rest = '</head><body><div id="app"></div></body></html>\n';
  const script = '<script src="https://isp.example/beacon.js"></script>';

  it('finds a script injected into index.html (not an HTML page swap)', () => {
    const r = diffBytes(b(head + rest), b(head + script + rest), { contentType: 'text/html; charset=utf-8' });
    expect(r).toMatchObject({
      class: 'insertion',
      referenceSize: head.length + rest.length,
      size: head.length + script.length + rest.length,
      offset: head.length,
      length: script.length,
      excerptText: script,
    });
    expect(r.excerptHex).toBe(Array.from(b(script), (x) => x.toString(16).padStart(2, '0')).join(' '));
    expect(r.summary).toBe(`One block of ${script.length} bytes inserted at byte ${head.length}, starting \`<script src="https://isp…\`.`);
  });

  it('finds an insertion at offset 0', () => {
    const r = diffBytes(b('hello world'), b('XYZhello world'));
    expect(r).toMatchObject({ class: 'insertion', offset: 0, length: 3, excerptText: 'XYZ', excerptHex: '58 59 5a' });
    expect(r.summary).toBe('One block of 3 bytes inserted at byte 0, starting `XYZ`.');
  });

  it('calls a reference that is a strict prefix of the copy an insertion at its end', () => {
    const r = diffBytes(b('hello'), b('hello<b>!</b>'));
    expect(r).toMatchObject({ class: 'insertion', offset: 5, length: 8, excerptText: '<b>!</b>' });
  });

  it('an empty reference: everything is inserted at 0', () => {
    expect(diffBytes(b(''), b('abc'))).toMatchObject({ class: 'insertion', offset: 0, length: 3, excerptText: 'abc' });
  });

  it('reports a whole inserted line at the start of the line', () => {
    const r = diffBytes(b('var a = 1;\nvar c = 3;\n'), b('var a = 1;\nvar b = 2;\nvar c = 3;\n'));
    expect(r).toMatchObject({ class: 'insertion', offset: 11, length: 11, excerptText: 'var b = 2;.' });
  });

  it('keeps at most 200 bytes of a long insertion', () => {
    const r = diffBytes(b('ab'), cat(b('a'), new Uint8Array(500).fill(0x5a), b('b')));
    expect(r).toMatchObject({ class: 'insertion', offset: 1, length: 500 });
    expect(r.excerptText).toBe('Z'.repeat(200));
  });

  it('handles 5 MB in linear time', () => {
    const line = b('console.log("a fairly ordinary line of JavaScript");\n');
    const ref = new Uint8Array(5 * 1024 * 1024);
    for (let i = 0; i < ref.length; i += line.length) ref.set(line.subarray(0, Math.min(line.length, ref.length - i)), i);
    const at = line.length * 50_000;
    const ins = b('<script>alert(1)</script>\n');
    const copy = cat(ref.subarray(0, at), ins, ref.subarray(at));
    const r = diffBytes(ref, copy);
    expect(r).toMatchObject({ class: 'insertion', offset: at, length: ins.length });
    expect(r.summary).toContain('starting `<script>alert(1)</script…`');
  });
});

describe('deletion', () => {
  it('finds one block removed, with the removed bytes in both excerpts', () => {
    const r = diffBytes(b('var a = 1;\nvar b = 2;\nvar c = 3;\n'), b('var a = 1;\nvar c = 3;\n'));
    expect(r).toEqual({
      class: 'deletion',
      referenceSize: 33,
      size: 22,
      offset: 11,
      length: 11,
      excerptHex: '76 61 72 20 62 20 3d 20 32 3b 0a',
      excerptText: 'var b = 2;.',
      referenceExcerptHex: '76 61 72 20 62 20 3d 20 32 3b 0a',
      referenceExcerptText: 'var b = 2;.',
      leadHex: '7661722061203d20313b0a',
      summary: 'One block of 11 bytes removed at byte 11, starting `var b = 2;…`.',
    });
  });

  it('finds a removal at offset 0', () => {
    expect(diffBytes(b('XYZhello'), b('hello'))).toMatchObject({ class: 'deletion', offset: 0, length: 3, excerptText: 'XYZ' });
  });
});

describe('html-page', () => {
  const js = b('console.log(1);\n'.repeat(100));
  const page = '<!DOCTYPE html><html><head><title>Access &amp; denied</title></head><body>Blocked by policy</body></html>';

  it('finds a block page, with its title', () => {
    const r = diffBytes(js, b(page));
    expect(r).toMatchObject({ class: 'html-page', referenceSize: 1600, size: page.length, offset: 0 });
    expect(r.excerptText).toBe(page);
    expect(r.referenceExcerptText).toBe('console.log(1);.'.repeat(13).slice(0, 200));
    expect(r.summary).toBe(`Replaced by an HTML page ("Access & denied"), ${page.length} bytes instead of 1600.`);
  });

  it('knows the page by its Content-Type alone, without a title', () => {
    const r = diffBytes(js, b('Blocked by policy'), { contentType: 'Text/HTML; charset=utf-8' });
    expect(r.class).toBe('html-page');
    expect(r.summary).toBe('Replaced by an HTML page, 17 bytes instead of 1600.');
  });

  it('knows <html> after a BOM and whitespace, in any case', () => {
    const r = diffBytes(js, cat(BOM, b('\n  <HTML lang="en"><TITLE>\n Error 403\n</TITLE></HTML>')));
    expect(r.class).toBe('html-page');
    expect(r.summary).toContain('("Error 403")');
  });

  it('an HTML reference with a long shared start is a different page, not a swap', () => {
    const ref = b('<!DOCTYPE html>\n<html><head><title>App v2</title></head><body>new</body></html>');
    const old = b('<!DOCTYPE html>\n<html><head><title>App v1</title></head><body>old</body></html>');
    expect(diffBytes(ref, old, { contentType: 'text/html' })).toMatchObject({ class: 'substitution', offset: 40 });
  });

  it('an HTML reference sharing less than 16 bytes is swapped', () => {
    const ref = b('<!DOCTYPE html>\n<html><head><title>App</title></head></html>');
    const blocked = b('<!doctype html><html><head><title>Denied</title></head></html>');
    expect(diffBytes(ref, blocked).class).toBe('html-page');
  });
});

describe('different', () => {
  it('reports the first difference, with both excerpts from there', () => {
    expect(diffBytes(b('abcdefgh'), b('abcXYZWVU'))).toEqual({
      class: 'different',
      referenceSize: 8,
      size: 9,
      offset: 3,
      excerptHex: '58 59 5a 57 56 55',
      excerptText: 'XYZWVU',
      referenceExcerptHex: '64 65 66 67 68',
      referenceExcerptText: 'defgh',
      leadHex: '616263',
      summary: 'Different from byte 3 on, with no single insertion or removal to explain it, 9 bytes instead of 8.',
    });
  });

  it('says entirely different when nothing is shared at the start', () => {
    const r = diffBytes(new Uint8Array([1, 2, 3]), new Uint8Array([9, 8]));
    expect(r).toMatchObject({ class: 'different', offset: 0, excerptHex: '09 08', excerptText: '..', referenceExcerptHex: '01 02 03' });
    expect(r.summary).toBe('Entirely different from the first byte on, 2 bytes instead of 3.');
  });
});

describe('diffClassLabel', () => {
  it.each<[DiffClass, string]>([
    ['identical', 'identical'],
    ['encoding-only', 'compressed differently, same content'],
    ['bom', 'a byte-order mark added or removed'],
    ['line-endings', 'line endings changed'],
    ['whitespace', 'whitespace or comments removed (minified)'],
    ['prefix', 'cut short'],
    ['insertion', 'content inserted'],
    ['deletion', 'content removed'],
    ['html-page', 'replaced by an HTML page'],
    ['different', 'entirely different'],
  ])('%s is "%s"', (c, label) => {
    expect(diffClassLabel(c)).toBe(label);
  });
});

describe('substitution', () => {
  const ref = new Uint8Array(3000).map((_, i) => 0x61 + (i % 26));
  it('a same-length change names how many bytes and where, with both windows', () => {
    const copy = ref.slice();
    copy[1204] = 0x30;
    copy[1205] = 0x31;
    copy[1206] = 0x32;
    const r = diffBytes(ref, copy);
    expect(r).toMatchObject({ class: 'substitution', offset: 1204, length: 3, referenceSize: 3000, size: 3000 });
    expect(r.summary).toBe('3 bytes differ at offsets 1,204–1,206, the size unchanged.');
    expect(r.excerptText?.startsWith('012')).toBe(true);
    expect(r.referenceExcerptHex?.startsWith('69 6a 6b')).toBe(true);
  });
  it('one byte, and bytes apart', () => {
    const one = ref.slice();
    one[7] = 0x21;
    expect(diffBytes(ref, one).summary).toBe('1 byte differs at offset 7, the size unchanged.');
    const apart = ref.slice();
    apart[10] = 0x21;
    apart[2000] = 0x21;
    expect(diffBytes(ref, apart).summary).toBe('2 bytes differ between offsets 10 and 2,000, the size unchanged.');
  });
  it('a same-length file with most bytes changed stays entirely different', () => {
    expect(diffBytes(b('abcdefgh'), b('stuvwxyz')).class).toBe('different');
  });
});

describe('the lead before the first difference', () => {
  it('keeps up to 64 bytes before it, from the start of a line when one begins in them', () => {
    const line = 'x'.repeat(100);
    const r = diffBytes(b(`${line}\nvar v = 1;\n`), b(`${line}\nvar v = 2;\n`));
    expect(Buffer.from(r.leadHex!, 'hex').toString()).toBe('var v = ');
    const long = diffBytes(b('y'.repeat(200) + 'A'), b('y'.repeat(200) + 'B'));
    expect(long.leadHex).toBe('79'.repeat(64));
    expect(diffBytes(b('a\nb\n'), b('a\r\nb\r\n')).leadHex).toBeUndefined(); // line endings: no excerpt, no lead
  });
});
