import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../encodings.js';
import { harEntriesFor, parseHar, type Har } from './har.js';
import { jsonSyntaxProblem } from './json-text.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function parsed(text: string): { har: Har; warnings: string[] } {
  const r = parseHar(text);
  if (!r.ok) throw new Error(`expected a HAR, got ${r.error.message}`);
  return { har: r.value, warnings: r.warnings.map((w) => w.message) };
}

describe('parseHar: Chrome export', () => {
  const text = fixture('har-chrome.json');
  const { har, warnings } = parsed(text);

  it('reads the creator and the HTTP entries, leaving out the data: URL', () => {
    expect(har.creator).toBe('WebInspector 537.36');
    expect(har.browser).toBeUndefined();
    expect(har.entries.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(har.skipped).toBe(1);
    expect(warnings).toEqual(['1 entry with a non-HTTP URL (data:, blob:, …) left out.']);
  });

  it('redacts the URL token, the Authorization header and cookie values', () => {
    const e = har.entries[0]!;
    expect(e.url).toBe('https://apps.example.com/MyApp/moduleservices/moduleinfo?access_token=<redacted>&x=1');
    expect(e.requestHeaders).toContainEqual(['authorization', '<redacted>']);
    expect(e.requestHeaders).toContainEqual([':path', '/MyApp/moduleservices/moduleinfo?access_token=<redacted>&x=1']);
    expect(e.requestHeaders).toContainEqual([
      'cookie',
      'BIGipServerpool_apps=<redacted; member 10.1.1.100:80>; osVisitor=<redacted>; session=<redacted>',
    ]);
    expect(e.headers.filter(([n]) => n === 'set-cookie')).toEqual([
      ['set-cookie', 'BIGipServerpool_apps=<redacted; member 10.1.1.100:80>; path=/; Httponly; Secure'],
      ['set-cookie', 'session=<redacted>; path=/; secure; HttpOnly; SameSite=Lax'],
    ]);
    expect(har.redacted).toEqual([
      'query parameter access_token',
      'cookie values (Cookie: BIGipServerpool_apps, osVisitor, session)',
      'Authorization header',
      'cookie values (Set-Cookie: BIGipServerpool_apps, session)',
    ]);
    // No secret survives anywhere in the parsed value.
    const all = JSON.stringify(har);
    for (const secret of ['Zm9vYmFy', 'eyJhbGciOiJIUzI1NiJ9', 'access_token=abc', '3f2c1a9e', '1677787402'])
      expect(all).not.toContain(secret);
  });

  it('takes a text body as text-derived UTF-8 bytes', () => {
    const e = har.entries[0]!;
    expect(e.body.kind).toBe('text-derived');
    if (e.body.kind !== 'text-derived') return;
    expect(e.body.bytes.length).toBe(173); // "Café": é is two bytes
    expect(new TextDecoder().decode(e.body.bytes)).toContain('"title":"Café"');
    expect(e).toMatchObject({
      method: 'GET',
      status: 200,
      httpVersion: 'http/2.0',
      serverIp: '203.0.113.10',
      mimeType: 'application/json',
      contentSize: 173,
      transferSize: 812,
      timeMs: 84.519,
    });
    expect(e.statusText).toBeUndefined(); // HTTP/2 has no reason phrase
    expect(e.bodySize).toBeUndefined(); // bodySize -1 and headersSize -1: not derivable
    expect(e.startedDateTime).toBe('2026-11-20T09:14:02.301Z');
  });

  it('takes a base64 body as the exact bytes, BOM and CRLF included', () => {
    const e = har.entries[1]!;
    expect(e.url).toBe('https://apps.example.com/MyApp/scripts/MyApp.index.js?Ux+rVJ8uHJtnxJ4yVjYV_A');
    expect(e.serverIp).toBe('2001:db8::5');
    expect(e.body.kind).toBe('exact');
    if (e.body.kind !== 'exact') return;
    expect(e.body.bytes.length).toBe(112);
    expect([...e.body.bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x64]);
    const original = JSON.parse(text).log.entries[1].response.content.text as string;
    expect(toBase64(e.body.bytes)).toBe(original);
    expect(e.headers).toContainEqual(['age', '120']);
    expect(e.headers).toContainEqual(['x-cache', 'HIT']);
  });

  it('reports a body-less entry as not captured, with why', () => {
    const e = har.entries[2]!;
    expect(e.body).toEqual({
      kind: 'not-captured',
      reason: 'The browser served this from its disk cache and saved no body; capture again with "Disable cache" on.',
    });
    expect(e.serverIp).toBeUndefined();
    expect(e.bodySize).toBe(0);
  });

  it('finds entries by decoded moduleinfo path, ignoring the query', () => {
    expect(harEntriesFor(har, '/MyApp/scripts/MyApp.index.js').map((e) => e.index)).toEqual([1]);
    expect(harEntriesFor(har, '/MyApp/moduleservices/moduleinfo').map((e) => e.index)).toEqual([0]);
    expect(harEntriesFor(har, '/MyApp/scripts/Other.js')).toEqual([]);
  });
});

describe('parseHar: Firefox export', () => {
  const { har, warnings } = parsed(fixture('har-firefox.json'));

  it('reads creator, browser and mixed-case headers', () => {
    expect(har.creator).toBe('Firefox 128.0');
    expect(har.browser).toBe('Firefox 128.0');
    expect(warnings).toEqual([]);
    const e = har.entries[0]!;
    expect(e.headers).toContainEqual(['cf-cache-status', 'HIT']);
    expect(e.headers).toContainEqual(['cf-ray', '8e4f1c2b7a9d3e10-FRA']);
    expect(e).toMatchObject({
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/2',
      serverIp: '2606:4700:3033::ac43:bd4d',
      bodySize: 9876,
      contentSize: 48213,
      timeMs: 24,
    });
    expect(e.transferSize).toBeUndefined();
  });

  it('knows the "Response bodies are not included." export', () => {
    for (const e of har.entries) {
      expect(e.body).toEqual({
        kind: 'not-captured',
        reason: 'The HAR was saved without response bodies ("Response bodies are not included.").',
      });
    }
  });

  it('redacts user info, the CSRF token header and the cookies, not the bare hash query', () => {
    expect(har.entries[0]!.url).toBe('https://www.example.org/MyApp/scripts/MyApp.controller.js?Ux+rVJ8uHJtnxJ4yVjYV_A');
    expect(har.entries[1]!.url).toBe('https://<redacted>@www.example.org/MyApp/moduleservices/moduleversioninfo?1763730175260');
    expect(har.entries[0]!.requestHeaders).toContainEqual(['cookie', 'ARRAffinity=<redacted>; nr2Users=<redacted>']);
    expect(har.redacted).toEqual([
      'cookie values (Cookie: ARRAffinity, nr2Users)',
      'user name and password in the URL',
      'X-Csrftoken header',
    ]);
    expect(harEntriesFor(har, '/MyApp/moduleservices/moduleversioninfo').map((e) => e.index)).toEqual([1]);
  });
});

describe('parseHar: bodies and sizes', () => {
  const one = (entry: object) => JSON.stringify({ log: { version: '1.2', entries: [entry] } });
  const base = { request: { method: 'GET', url: 'https://h/MyApp/a%20b.js', headers: [] } };

  it('derives bodySize from _transferSize less headersSize when bodySize is -1', () => {
    const { har } = parsed(
      one({
        ...base,
        response: { status: 200, headers: [], content: { size: 3, text: 'abc' }, bodySize: -1, headersSize: 100, _transferSize: 350 },
      }),
    );
    expect(har.entries[0]).toMatchObject({ bodySize: 250, transferSize: 350 });
  });

  it('treats empty text with a non-zero size as not captured, and an empty file as empty', () => {
    const a = parsed(one({ ...base, response: { status: 200, headers: [], content: { size: 10, text: '' } } })).har.entries[0]!;
    expect(a.body.kind).toBe('not-captured');
    const b = parsed(one({ ...base, response: { status: 200, headers: [], content: { size: 0, text: '' } } })).har.entries[0]!;
    expect(b.body).toEqual({ kind: 'text-derived', bytes: new Uint8Array(0) });
  });

  it('decodes wrapped Base64 and warns about broken Base64', () => {
    const ok = parsed(one({ ...base, response: { status: 200, headers: [], content: { text: 'aGVs\nbG8=', encoding: 'base64' } } })).har
      .entries[0]!;
    expect(ok.body).toEqual({ kind: 'exact', bytes: new TextEncoder().encode('hello') });
    const bad = parsed(one({ ...base, response: { status: 200, headers: [], content: { text: 'a$b', encoding: 'base64' } } }));
    expect(bad.har.entries[0]!.body.kind).toBe('not-captured');
    expect(bad.warnings).toEqual(['$.log.entries[0].response.content.text: content.text is not valid Base64; the body is left out']);
  });

  it('matches percent-encoded paths decoded', () => {
    const { har } = parsed(one(base));
    expect(harEntriesFor(har, '/MyApp/a b.js')).toHaveLength(1);
    expect(harEntriesFor(har, '/MyApp/a%20b.js')).toHaveLength(1);
    expect(har.entries[0]).toMatchObject({
      status: 0,
      body: { kind: 'not-captured', reason: 'The HAR has no response for this request.' },
    });
  });
});

describe('parseHar: errors and warnings', () => {
  it('tolerates a UTF-8 BOM', () => {
    expect(parseHar('\uFEFF{"log":{"entries":[]}}')).toEqual({ ok: true, value: { entries: [], redacted: [], skipped: 0 }, warnings: [] });
  });

  it('skips a bad entry with a warning naming it and where it is', () => {
    const doc = JSON.parse(fixture('har-chrome.json'));
    doc.log.entries.splice(3, 0, { request: { method: 'GET' }, response: { status: 200 } });
    const text = JSON.stringify(doc, null, 2);
    const r = parseHar(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.entries.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(r.value.skipped).toBe(2);
    const w = r.warnings[0]!;
    expect(w.message).toBe('$.log.entries[3]: request.url is missing; entry skipped');
    expect(w.jsonPath).toBe('$.log.entries[3]');
    const lines = text.split('\n');
    // The entry's '{' sits on the reported line and column.
    expect(lines[w.line! - 1]![w.column! - 1]).toBe('{');
    expect(lines[w.line!]).toContain('"request"');
    expect(lines.slice(w.line!, w.line! + 4).join('\n')).not.toContain('"url"');
  });

  it('reports text that is not JSON with a line and column (Node 20 "at position N")', () => {
    const r = parseHar('{\n  "log": {\n    "entries": [1,]\n  }\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ line: 3, column: 19 });
    expect(r.error.message).toMatch(/^Not JSON: /);
    expect(r.error.message).not.toMatch(/position/);
  });

  it('finds the place itself when the message carries none', () => {
    const r = parseHar('{\n  "log": x\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ line: 2, column: 10 });
    expect(r.error.message).toBe("Not JSON: Unexpected token 'x'");
    const end = parseHar('{"log": {');
    expect(end.ok ? undefined : end.error).toMatchObject({ line: 1, column: 10 });
  });

  it('reads the newer "(line L column C)" message', () => {
    const p = jsonSyntaxProblem('{\n  "a": 1,\n}', 'Expected double-quoted property name in JSON at position 12 (line 3 column 1)');
    expect(p).toEqual({ message: 'Not JSON: Expected double-quoted property name', line: 3, column: 1 });
    expect(jsonSyntaxProblem('{\n  "a": 1,\n}', 'Expected double-quoted property name in JSON at position 12')).toEqual({
      message: 'Not JSON: Expected double-quoted property name',
      line: 3,
      column: 1,
    });
  });

  it('needs log and log.entries', () => {
    const noLog = parseHar('{"version": "1.2"}');
    expect(noLog.ok ? undefined : noLog.error).toMatchObject({ message: 'No "log" property: this is not a HAR file.', jsonPath: '$' });
    const notArray = parseHar('{\n  "log": {\n    "entries": {}\n  }\n}');
    expect(notArray.ok ? undefined : notArray.error).toEqual({
      message: '"log.entries" is not an array.',
      jsonPath: '$.log.entries',
      line: 3,
      column: 16,
    });
    const array = parseHar('[]');
    expect(array.ok ? undefined : array.error.jsonPath).toBe('$');
  });
});
