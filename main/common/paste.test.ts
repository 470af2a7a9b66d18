import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { algorithmInfo, algorithmsWithDigestBytes, type AlgorithmId } from './algorithms.js';
import { encodeDigest, fromHex } from './encodings.js';
import { describeCandidates, parsePasted, type PasteCandidate } from './paste.js';

const digest = (alg: string, text: string): Uint8Array => new Uint8Array(createHash(alg).update(text).digest());
const hex = (alg: string, text: string): string => createHash(alg).update(text).digest('hex');
const b64 = (alg: string, text: string): string => createHash(alg).update(text).digest('base64');
/** The table's known answer for "abc", as bytes. */
const abc = (id: AlgorithmId): Uint8Array => fromHex(algorithmInfo(id).abc)!;

const SHA256_ABC = digest('sha256', 'abc');
const SHA256_ABC_HEX = hex('sha256', 'abc'); // ba7816bf…
const SHA256_ABC_B64 = b64('sha256', 'abc'); // ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=

const algorithms = (cs: PasteCandidate[]) => cs.map((c) => c.algorithm);
const encodings = (cs: PasteCandidate[]) => [...new Set(cs.map((c) => c.encoding))];

/** Every candidate carries exactly these bytes. */
function expectDigest(cs: PasteCandidate[], bytes: Uint8Array): void {
  expect(cs.length).toBeGreaterThan(0);
  for (const c of cs) expect(Buffer.from(c.digest).equals(Buffer.from(bytes))).toBe(true);
}

describe('parsePasted: bare hex digests', () => {
  it('offers every algorithm of that digest size for a lower-case SHA-256 hex, reported as hex', () => {
    const r = parsePasted(SHA256_ABC_HEX);
    expect(r.form).toBe('bare digest');
    expect(algorithms(r.candidates)).toEqual(algorithmsWithDigestBytes(32));
    expect(algorithms(r.candidates)).toContain('sha256');
    expect(encodings(r.candidates)).toEqual(['hex']);
    expect(r.candidates.every((c) => c.role === 'value')).toBe(true);
    expectDigest(r.candidates, SHA256_ABC);
    expect(r.problem).toBeUndefined();
    expect(r.name).toBeUndefined();
  });

  it('does not also read a hex digest as Base64 (no SHA-384 reading of a SHA-256 hex)', () => {
    const r = parsePasted(SHA256_ABC_HEX);
    expect(r.candidates.every((c) => c.digest.length === 32)).toBe(true);
    expect(algorithms(r.candidates)).not.toContain('sha384');
  });

  it('reports HEX for upper case and hex for mixed case', () => {
    expect(encodings(parsePasted(SHA256_ABC_HEX.toUpperCase()).candidates)).toEqual(['HEX']);
    const mixed = SHA256_ABC_HEX.slice(0, 32).toUpperCase() + SHA256_ABC_HEX.slice(32);
    const r = parsePasted(mixed);
    expect(encodings(r.candidates)).toEqual(['hex']);
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('lists MD5, MD4 and XXH3-128 for 32 hex characters', () => {
    const r = parsePasted(hex('md5', 'abc'));
    expect(algorithms(r.candidates)).toEqual(['md5', 'md4', 'xxh3-128']);
    expectDigest(r.candidates, digest('md5', 'abc'));
  });

  it('lists CRC32, CRC32C and xxHash32 for 8 hex characters', () => {
    expect(algorithms(parsePasted('352441c2').candidates)).toEqual(['crc32', 'crc32c', 'xxh32']);
  });

  it.each([
    ['surrounding whitespace and quotes', `  "${SHA256_ABC_HEX}"\n`],
    ['single quotes and a trailing comma', `'${SHA256_ABC_HEX}',`],
    ['a 0x prefix', `0x${SHA256_ABC_HEX}`],
    ['a 0X prefix and upper case', `0X${SHA256_ABC_HEX.toUpperCase()}`],
    ['colons between bytes', SHA256_ABC_HEX.toUpperCase().replace(/(..)(?!$)/g, '$1:')],
    ['a space between bytes', SHA256_ABC_HEX.replace(/(..)(?!$)/g, '$1 ')],
    ['groups of 8 separated by spaces', SHA256_ABC_HEX.replace(/(.{8})(?!$)/g, '$1 ')],
    ['a line break in the middle', `${SHA256_ABC_HEX.slice(0, 40)}\r\n${SHA256_ABC_HEX.slice(40)}`],
    ['colons wrapped over lines', SHA256_ABC_HEX.replace(/(..)(?!$)/g, '$1:').replace(/(.{24})/g, '$1\n')],
  ])('reads a hex digest written with %s', (_, pasted) => {
    const r = parsePasted(pasted);
    expect(r.form).toBe('bare digest');
    expect(algorithms(r.candidates)).toContain('sha256');
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads a SHA-512 hex wrapped over two lines as one digest, not as two SHA-256 digests', () => {
    const h = hex('sha512', 'abc');
    const r = parsePasted(`${h.slice(0, 64)}\n${h.slice(64)}`);
    expect(algorithms(r.candidates)).toEqual(algorithmsWithDigestBytes(64));
    expectDigest(r.candidates, digest('sha512', 'abc'));
  });

  it('explains a hex string of no known length', () => {
    const r = parsePasted(SHA256_ABC_HEX.slice(0, 31));
    expect(r.candidates).toEqual([]);
    expect(r.problem).toMatch(
      /^no hex or Base64 digest of a known length found; 31 hex characters is not the length of any supported digest/,
    );
  });
});

describe('parsePasted: bare Base64 digests', () => {
  it('reads padded standard Base64 as base64', () => {
    const r = parsePasted(SHA256_ABC_B64);
    expect(r.form).toBe('bare digest');
    expect(algorithms(r.candidates)).toEqual(algorithmsWithDigestBytes(32));
    expect(encodings(r.candidates)).toEqual(['base64']);
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads standard Base64 without padding as base64-nopad', () => {
    const r = parsePasted(SHA256_ABC_B64.replace(/=+$/, ''));
    expect(encodings(r.candidates)).toEqual(['base64-nopad']);
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads url-safe Base64 with and without padding as base64url / base64url-nopad', () => {
    const url = encodeDigest(SHA256_ABC, 'base64url');
    expect(url).toContain('-');
    const padded = parsePasted(url);
    expect(encodings(padded.candidates)).toEqual(['base64url']);
    expectDigest(padded.candidates, SHA256_ABC);
    const bare = parsePasted(encodeDigest(SHA256_ABC, 'base64url-nopad'));
    expect(encodings(bare.candidates)).toEqual(['base64url-nopad']);
    expectDigest(bare.candidates, SHA256_ABC);
  });

  it('reads a SHA-384 in Base64 (no padding needed) as base64', () => {
    const r = parsePasted(b64('sha384', 'abc'));
    expect(algorithms(r.candidates)).toEqual(['sha384', 'sha3-384']);
    expect(encodings(r.candidates)).toEqual(['base64']);
    expectDigest(r.candidates, digest('sha384', 'abc'));
  });

  it('ignores line breaks inside a wrapped Base64 digest', () => {
    const s = b64('sha512', 'abc');
    const r = parsePasted(`${s.slice(0, 40)}\n${s.slice(40)}`);
    expect(algorithms(r.candidates)).toContain('sha512');
    expectDigest(r.candidates, digest('sha512', 'abc'));
  });

  describe('OutSystems form (MD5, standard Base64 with / -> _ and no =)', () => {
    const vectors: [string, string][] = [
      ['', '1B2M2Y8AsgTpgAmY7PhCfg'],
      ['hello world', 'XrY7u+Ae7tCTyyK7j1rNww'],
      ['var x = 3;\n', 'Ux+rVJ8uHJtnxJ4yVjYV_A'],
      ['var x = 62;\n', 'eZeyznlO_xx2+8Xt0B1UNg'],
    ];

    it.each(vectors)('decodes the vector for %j to its MD5', (input, pasted) => {
      expect(encodeDigest(digest('md5', input), 'outsystems')).toBe(pasted);
      const r = parsePasted(pasted);
      expect(algorithms(r.candidates)).toEqual(['md5', 'md4', 'xxh3-128']);
      expectDigest(r.candidates, digest('md5', input));
    });

    it('reports outsystems when the text has both _ and +', () => {
      expect(encodings(parsePasted('Ux+rVJ8uHJtnxJ4yVjYV_A').candidates)).toEqual(['outsystems']);
      expect(encodings(parsePasted('eZeyznlO_xx2+8Xt0B1UNg').candidates)).toEqual(['outsystems']);
    });

    it('reports outsystems for MD5 and base64url-nopad for the others when a 22-character text has _ but no +', () => {
      const os = encodeDigest(digest('md5', 'x3'), 'outsystems'); // FBTJdWUF3fuLoKO2_J1pHw
      expect(os).toMatch(/^[^+]*_[^+]*$/);
      const r = parsePasted(os);
      expect(r.candidates.map((c) => [c.algorithm, c.encoding])).toEqual([
        ['md5', 'outsystems'],
        ['md4', 'base64url-nopad'],
        ['xxh3-128', 'base64url-nopad'],
      ]);
      expectDigest(r.candidates, digest('md5', 'x3'));
    });

    it('reads a text with + only (no _ or /) and no padding as base64-nopad', () => {
      expect(encodings(parsePasted('XrY7u+Ae7tCTyyK7j1rNww').candidates)).toEqual(['base64-nopad']);
    });
  });

  it('explains Base64 that decodes to no known digest length', () => {
    const r = parsePasted('SGVsbG8gd29ybGQh'); // "Hello world!" = 12 bytes
    expect(r.candidates).toEqual([]);
    expect(r.problem).toMatch(/decodes to 12 bytes, which is not the length of any supported digest/);
  });

  it('refuses a text that mixes url-safe and standard Base64 alphabets', () => {
    const mixed = encodeDigest(SHA256_ABC, 'base64url-nopad').replace('-', '+').replace('_', '/').replace('I', '-');
    expect(parsePasted(mixed).candidates).toEqual([]);
  });
});

describe('parsePasted: algorithm-prefixed digests', () => {
  it('reads docker-style sha256:<hex> as SHA-256 only', () => {
    const r = parsePasted(`sha256:${SHA256_ABC_HEX}`);
    expect(r.form).toBe('algorithm-prefixed digest');
    expect(algorithms(r.candidates)).toEqual(['sha256']);
    expect(encodings(r.candidates)).toEqual(['hex']);
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads md5:<hex> as MD5 only, not MD4 or XXH3-128', () => {
    const r = parsePasted(`MD5:${hex('md5', 'abc').toUpperCase()}`);
    expect(algorithms(r.candidates)).toEqual(['md5']);
    expect(encodings(r.candidates)).toEqual(['HEX']);
    expectDigest(r.candidates, digest('md5', 'abc'));
  });

  it('reads sha512:<base64> and pip --hash=sha256:<hex>', () => {
    const r = parsePasted(`sha512:${b64('sha512', 'abc')}`);
    expect(algorithms(r.candidates)).toEqual(['sha512']);
    expect(encodings(r.candidates)).toEqual(['base64']);
    expectDigest(r.candidates, digest('sha512', 'abc'));
    const pip = parsePasted(`--hash=sha256:${SHA256_ABC_HEX}`);
    expect(algorithms(pip.candidates)).toEqual(['sha256']);
    expectDigest(pip.candidates, SHA256_ABC);
  });

  it('explains a prefix whose algorithm does not fit the digest length', () => {
    const r = parsePasted(`sha256:${hex('md5', 'abc')}`);
    expect(r.candidates).toEqual([]);
    expect(r.problem).toMatch(/SHA-256 digests have 64 hex characters, not 32/);
  });
});

describe('parsePasted: SRI values', () => {
  it.each(['sha256', 'sha384', 'sha512'])('reads %s-<base64> as that algorithm, base64', (alg) => {
    const r = parsePasted(`${alg}-${b64(alg, 'abc')}`);
    expect(r.form).toBe('SRI value');
    expect(algorithms(r.candidates)).toEqual([alg]);
    expect(encodings(r.candidates)).toEqual(['base64']);
    expectDigest(r.candidates, digest(alg, 'abc'));
  });

  it('makes every value of a space-separated SRI list a candidate', () => {
    const r = parsePasted(`sha384-${b64('sha384', 'abc')}   sha512-${b64('sha512', 'abc')}`);
    expect(r.form).toBe('SRI values');
    expect(algorithms(r.candidates)).toEqual(['sha384', 'sha512']);
    expectDigest(r.candidates.slice(0, 1), digest('sha384', 'abc'));
    expectDigest(r.candidates.slice(1), digest('sha512', 'abc'));
  });

  it('finds SRI values in an HTML integrity attribute and a package-lock.json line', () => {
    const html = parsePasted(`<script src="x.js" integrity="sha384-${b64('sha384', 'abc')}" crossorigin="anonymous"></script>`);
    expect(algorithms(html.candidates)).toEqual(['sha384']);
    expectDigest(html.candidates, digest('sha384', 'abc'));
    const lock = parsePasted(`      "integrity": "sha512-${b64('sha512', 'abc')}",`);
    expect(algorithms(lock.candidates)).toEqual(['sha512']);
    expectDigest(lock.candidates, digest('sha512', 'abc'));
  });

  it('explains an SRI value whose digest has the wrong length', () => {
    const r = parsePasted(`sha512-${SHA256_ABC_B64}`);
    expect(r.candidates).toEqual([]);
    expect(r.problem).toMatch(/SRI value's sha512 digest/);
  });
});

describe('parsePasted: electron-builder latest.yml', () => {
  it('reads a sha512: <base64> line as SHA-512, base64', () => {
    const r = parsePasted(`sha512: ${b64('sha512', 'abc')}`);
    expect(r.form).toBe('electron-builder latest.yml line');
    expect(algorithms(r.candidates)).toEqual(['sha512']);
    expect(encodings(r.candidates)).toEqual(['base64']);
    expectDigest(r.candidates, digest('sha512', 'abc'));
  });

  it('accepts quoted values and sha256 lines', () => {
    for (const pasted of [`sha512: '${b64('sha512', 'abc')}'`, `  sha512: "${b64('sha512', 'abc')}"`]) {
      expectDigest(parsePasted(pasted).candidates, digest('sha512', 'abc'));
    }
    const r = parsePasted(`sha256: ${SHA256_ABC_B64}`);
    expect(algorithms(r.candidates)).toEqual(['sha256']);
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads a whole latest.yml, naming the file and listing the digest once', () => {
    const s = b64('sha512', 'abc');
    const yml = [
      'version: 1.2.3',
      'files:',
      '  - url: Hash-Workbench-Setup-1.2.3.exe',
      `    sha512: ${s}`,
      '    size: 123456',
      'path: Hash-Workbench-Setup-1.2.3.exe',
      `sha512: ${s}`,
      "releaseDate: '2025-01-01T00:00:00.000Z'",
    ].join('\n');
    const r = parsePasted(yml);
    expect(r.form).toBe('electron-builder latest.yml lines');
    expect(r.name).toBe('Hash-Workbench-Setup-1.2.3.exe');
    expect(algorithms(r.candidates)).toEqual(['sha512']);
    expectDigest(r.candidates, digest('sha512', 'abc'));
  });
});

describe('parsePasted: checksum lines', () => {
  it('reads a GNU text-mode line, capturing the name, with every algorithm of that size', () => {
    const r = parsePasted(`${SHA256_ABC_HEX}  release/app-1.0.tar.gz\n`);
    expect(r.form).toBe('GNU checksum line');
    expect(r.name).toBe('release/app-1.0.tar.gz');
    expect(algorithms(r.candidates)).toEqual(algorithmsWithDigestBytes(32));
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads a GNU binary-mode line and a name with spaces', () => {
    const r = parsePasted(`${hex('md5', 'abc')} *My Documents/a b.iso`);
    expect(r.form).toBe('GNU checksum line');
    expect(r.name).toBe('My Documents/a b.iso');
    expect(algorithms(r.candidates)).toEqual(['md5', 'md4', 'xxh3-128']);
    expectDigest(r.candidates, digest('md5', 'abc'));
  });

  it('unescapes a GNU line that starts with a backslash', () => {
    const r = parsePasted(`\\${SHA256_ABC_HEX}  dir\\\\odd\\nname`);
    expect(r.name).toBe('dir\\odd\nname');
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads md5 -r style lines with a single space', () => {
    const r = parsePasted(`${hex('md5', 'abc')} file.txt`);
    expect(r.name).toBe('file.txt');
    expectDigest(r.candidates, digest('md5', 'abc'));
  });

  it("reads a BSD tagged line as the tag's algorithm only", () => {
    const r = parsePasted(`SHA256 (file (1).txt) = ${SHA256_ABC_HEX}`);
    expect(r.form).toBe('BSD checksum line');
    expect(r.name).toBe('file (1).txt');
    expect(algorithms(r.candidates)).toEqual(['sha256']);
    expectDigest(r.candidates, SHA256_ABC);
  });

  it.each([
    ['SHA2-256', 'sha256'],
    ['SHA256', 'sha256'],
    ['MD5', 'md5'],
    ['SHA3-256', 'sha3-256'],
    ['BLAKE2b', 'blake2b-512'],
    ['BLAKE2B-512', 'blake2b-512'],
    ['BLAKE2b-256', 'blake2b-256'],
    ['RMD160', 'ripemd160'],
    ['RIPEMD160', 'ripemd160'],
    ['XXH64', 'xxh64'],
    ['XXH3', 'xxh3-64'],
    ['XXH128', 'xxh3-128'],
  ] as [string, AlgorithmId][])('maps the tag %s to %s in OpenSSL and BSD lines', (tag, id) => {
    const openssl = parsePasted(`${tag}(data.bin)= ${algorithmInfo(id).abc}`);
    expect(openssl.form).toBe('OpenSSL digest line');
    expect(openssl.name).toBe('data.bin');
    expect(algorithms(openssl.candidates)).toEqual([id]);
    expectDigest(openssl.candidates, abc(id));
    const bsd = parsePasted(`${tag} (data.bin) = ${algorithmInfo(id).abc}`);
    expect(bsd.form).toBe('BSD checksum line');
    expect(algorithms(bsd.candidates)).toEqual([id]);
  });

  it('reads an OpenSSL line with no tag, (stdin)= <hex>, by length', () => {
    const r = parsePasted(`(stdin)= ${SHA256_ABC_HEX}`);
    expect(algorithms(r.candidates)).toEqual(algorithmsWithDigestBytes(32));
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads a BSD line written with a Base64 digest (cksum --base64)', () => {
    const r = parsePasted(`SHA256 (a.txt) = ${SHA256_ABC_B64}`);
    expect(algorithms(r.candidates)).toEqual(['sha256']);
    expect(encodings(r.candidates)).toEqual(['base64']);
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('explains an unknown tag and a digest that does not fit its tag', () => {
    const unknown = parsePasted(`FOO256 (a.txt) = ${SHA256_ABC_HEX}`);
    expect(unknown.candidates).toEqual([]);
    expect(unknown.problem).toMatch(/"FOO256" is not a supported algorithm/);
    const short = parsePasted(`SHA256 (a.txt) = ${hex('md5', 'abc')}`);
    expect(short.candidates).toEqual([]);
    expect(short.problem).toMatch(/SHA-256 digests have 64 hex characters, not 32/);
  });

  it('reads several checksum lines, naming each candidate by its line', () => {
    const r = parsePasted(['# SHA256SUMS', `${SHA256_ABC_HEX}  a.txt`, `${hex('sha256', 'def')}  b.txt`, ''].join('\n'));
    expect(r.form).toBe('GNU checksum lines');
    expect(r.name).toBeUndefined();
    const sha = r.candidates.filter((c) => c.algorithm === 'sha256');
    expect(sha.map((c) => c.name)).toEqual(['a.txt', 'b.txt']);
    expectDigest(sha.slice(0, 1), SHA256_ABC);
    expectDigest(sha.slice(1), digest('sha256', 'def'));
  });

  it('picks the checksum line out of a pasted terminal session', () => {
    const r = parsePasted(`$ sha256sum app.zip\n${SHA256_ABC_HEX}  app.zip\n$ `);
    expect(r.form).toBe('GNU checksum line');
    expect(r.name).toBe('app.zip');
    expectDigest(r.candidates, SHA256_ABC);
  });
});

describe('parsePasted: Windows tool output', () => {
  it('reads certutil -hashfile output as the named algorithm', () => {
    const r = parsePasted(
      ['SHA256 hash of C:\\Downloads\\app.zip:', SHA256_ABC_HEX, 'CertUtil: -hashfile command completed successfully.'].join('\r\n'),
    );
    expect(r.form).toBe('certutil output');
    expect(r.name).toBe('C:\\Downloads\\app.zip');
    expect(algorithms(r.candidates)).toEqual(['sha256']);
    expectDigest(r.candidates, SHA256_ABC);
  });

  it('reads an algorithm name followed by its digest, however many spaces apart', () => {
    const r = parsePasted(`MD5  ${hex('md5', 'abc')}  C:\\My Files\\a.txt`);
    expect(algorithms(r.candidates)).toEqual(['md5']);
    expect(r.name).toBe('C:\\My Files\\a.txt');
    expectDigest(r.candidates, digest('md5', 'abc'));
  });

  it('reads Get-FileHash list and table output', () => {
    const list = parsePasted(`\nAlgorithm : SHA256\nHash      : ${SHA256_ABC_HEX.toUpperCase()}\nPath      : C:\\app.zip\n`);
    expect(list.form).toBe('PowerShell Get-FileHash output');
    expect(list.name).toBe('C:\\app.zip');
    expect(algorithms(list.candidates)).toEqual(['sha256']);
    expect(encodings(list.candidates)).toEqual(['HEX']);
    expectDigest(list.candidates, SHA256_ABC);
    const table = parsePasted(
      [
        'Algorithm       Hash                                                                   Path',
        '---------       ----                                                                   ----',
        `SHA256          ${SHA256_ABC_HEX.toUpperCase()}       C:\\app.zip`,
      ].join('\n'),
    );
    expect(table.form).toBe('PowerShell Get-FileHash output');
    expect(table.name).toBe('C:\\app.zip');
    expect(algorithms(table.candidates)).toEqual(['sha256']);
    expectDigest(table.candidates, SHA256_ABC);
  });
});

describe('parsePasted: OutSystems checksum log lines', () => {
  const expected = digest('md5', 'var x = 3;\n');
  const calculated = digest('md5', 'var x = 62;\n');

  function expectOutSystems(pasted: string): void {
    const r = parsePasted(pasted);
    expect(r.form).toBe('OutSystems checksum log line');
    expect(r.name).toBe('/MyApp/scripts/app.js');
    expect(r.candidates.map((c) => [c.algorithm, c.encoding, c.role])).toEqual([
      ['md5', 'outsystems', 'expected'],
      ['md5', 'outsystems', 'calculated'],
    ]);
    expectDigest(r.candidates.slice(0, 1), expected);
    expectDigest(r.candidates.slice(1), calculated);
  }

  it('reads the documented wording: Received is the expected hash, Calculated the computed one', () => {
    expectOutSystems(
      'Checksum failed for file /MyApp/scripts/app.js?Ux+rVJ8uHJtnxJ4yVjYV_A Received hash: Ux+rVJ8uHJtnxJ4yVjYV_A | Calculated hash: eZeyznlO_xx2+8Xt0B1UNg',
    );
  });

  it('reads the code wording, with a full stop after the URL', () => {
    expectOutSystems(
      'Checksum failed for file /MyApp/scripts/app.js?Ux+rVJ8uHJtnxJ4yVjYV_A. Received hash: Ux+rVJ8uHJtnxJ4yVjYV_A | Calculated hash: eZeyznlO_xx2+8Xt0B1UNg.',
    );
  });

  it('reads a line preceded by a timestamp and columns', () => {
    expectOutSystems(
      '2025-03-14 10:22:31\tError\tUpgrade\tChecksum failed for file /MyApp/scripts/app.js?Ux+rVJ8uHJtnxJ4yVjYV_A. ' +
        'Received hash: Ux+rVJ8uHJtnxJ4yVjYV_A | Calculated hash: eZeyznlO_xx2+8Xt0B1UNg',
    );
  });

  it('reads a log entry wrapped over lines', () => {
    expectOutSystems(
      'Checksum failed for file /MyApp/scripts/app.js?Ux+rVJ8uHJtnxJ4yVjYV_A.\n' +
        'Received hash: Ux+rVJ8uHJtnxJ4yVjYV_A |\nCalculated hash: eZeyznlO_xx2+8Xt0B1UNg',
    );
  });

  it('reads several entries, naming each candidate by its file', () => {
    const r = parsePasted(
      [
        'Checksum failed for file /MyApp/scripts/app.js?Ux+rVJ8uHJtnxJ4yVjYV_A Received hash: Ux+rVJ8uHJtnxJ4yVjYV_A | Calculated hash: eZeyznlO_xx2+8Xt0B1UNg',
        'Checksum failed for file /MyApp/css/app.css?1B2M2Y8AsgTpgAmY7PhCfg Received hash: 1B2M2Y8AsgTpgAmY7PhCfg | Calculated hash: XrY7u+Ae7tCTyyK7j1rNww',
      ].join('\n'),
    );
    expect(r.form).toBe('OutSystems checksum log lines');
    expect(r.name).toBeUndefined();
    expect(r.candidates.map((c) => [c.name, c.role])).toEqual([
      ['/MyApp/scripts/app.js', 'expected'],
      ['/MyApp/scripts/app.js', 'calculated'],
      ['/MyApp/css/app.css', 'expected'],
      ['/MyApp/css/app.css', 'calculated'],
    ]);
    expectDigest(r.candidates.slice(2, 3), digest('md5', ''));
    expectDigest(r.candidates.slice(3), digest('md5', 'hello world'));
  });

  it('explains a log line whose hashes are not MD5 digests', () => {
    const r = parsePasted('Checksum failed for file /a.js?abc Received hash: abc | Calculated hash: def');
    expect(r.candidates).toEqual([]);
    expect(r.problem).toMatch(/not an MD5 digest in OutSystems form/);
  });
});

describe('parsePasted: anything else', () => {
  it('does not describe prose as Base64 of some length', () => {
    const r = parsePasted(`The SHA-256 is ${SHA256_ABC_HEX} (see above)`);
    expect(r.candidates).toEqual([]);
    expect(r.problem).toMatch(/^no hex or Base64 digest found; expected/);
  });

  it.each([
    ['an empty paste', '   \n '],
    ['prose', 'the checksum did not match'],
    ['punctuation', 'not a hash!!!'],
    ['a URL', 'https://example.com/download?id=42'],
  ])('gives no candidates and a problem for %s', (_, pasted) => {
    const r = parsePasted(pasted);
    expect(r.candidates).toEqual([]);
    expect(r.problem).toEqual(expect.any(String));
    expect(r.problem!.length).toBeGreaterThan(10);
  });
});

describe('describeCandidates', () => {
  it('lists the algorithm labels with the encoding', () => {
    expect(describeCandidates(parsePasted(hex('md5', 'abc')).candidates)).toBe('MD5, MD4 or XXH3-128 (hex)');
    expect(describeCandidates(parsePasted(`sha256:${SHA256_ABC_HEX}`).candidates)).toBe('SHA-256 (hex)');
  });

  it('groups by encoding and names each algorithm once', () => {
    expect(
      describeCandidates(
        parsePasted('Checksum failed for file /a.js Received hash: Ux+rVJ8uHJtnxJ4yVjYV_A | Calculated hash: eZeyznlO_xx2+8Xt0B1UNg')
          .candidates,
      ),
    ).toBe('MD5 (outsystems)');
    expect(describeCandidates(parsePasted('FBTJdWUF3fuLoKO2_J1pHw').candidates)).toBe(
      'MD5 (outsystems) or MD4 or XXH3-128 (base64url-nopad)',
    );
    expect(describeCandidates([])).toBe('nothing');
  });
});
