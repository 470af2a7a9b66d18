import { mkdtempSync, readFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { jsonChunks, writeJsonStream } from './json-stream.js';

describe('jsonChunks', () => {
  it('writes what JSON.stringify(value, null, 2) writes, in pieces', () => {
    const v = {
      a: 1,
      b: [1, { c: [], d: {}, e: undefined, f: 'x\ny "q"' }, [2, 3]],
      g: { h: { i: { j: [1, { k: 2 }] } } },
      k: null,
      l: [undefined, () => 1],
      m: new Date(0),
    };
    expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
    expect([...jsonChunks(v, 1)].join('')).toBe(JSON.stringify(v, null, 2));
    expect([...jsonChunks([])].join('')).toBe('[]');
  });

  it('streams a large value to a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hw-json-')), 'r.json');
    const v = {
      resources: Array.from({ length: 20_000 }, (_, i) => ({ path: `/MyApp/${i}.js`, observations: [{ hash: 'x'.repeat(22) }] })),
    };
    const out = createWriteStream(file);
    await writeJsonStream(out, v);
    out.end();
    await finished(out);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(v, null, 2)}\n`);
  });
});
