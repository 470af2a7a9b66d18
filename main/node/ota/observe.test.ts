// The variants a device's calculated hash is matched against, hashed as the runtime hashes (MD5 of the bytes,
// OutSystems form), checked here against openssl on the same bytes.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromHex, toOutSystems } from '../../common/encodings.js';
import { VARIANTS_MAX_BYTES, variantHashes } from './observe.js';

const enc = new TextEncoder();
const openSslMd5 = (bytes: Uint8Array) => {
  const out = execFileSync('openssl', ['dgst', '-md5', '-r'], { input: bytes }).toString();
  return toOutSystems(fromHex(out.split(' ')[0]!)!);
};

describe('variantHashes', () => {
  it('hashes the BOM-less and LF copies of a BOM + CRLF file as openssl does', () => {
    const body = enc.encode('\uFEFFbody {\r\n  color: red;\r\n}\r\n');
    const v = variantHashes(body)!;
    expect(v['bom-removed']).toBe(openSslMd5(body.slice(3)));
    expect(v['bom-removed-lf']).toBe(openSslMd5(enc.encode('body {\n  color: red;\n}\n')));
    expect(v['crlf-to-lf']).toBe(openSslMd5(enc.encode('\uFEFFbody {\n  color: red;\n}\n')));
    expect(v['bom-added']).toBeUndefined();
  });

  it('leaves out variants equal to the file itself', () => {
    const v = variantHashes(enc.encode('a;'))!;
    expect(Object.keys(v)).toEqual(['bom-added']);
  });

  it('hashes nothing for a body over the cap', () => {
    expect(variantHashes(new Uint8Array(VARIANTS_MAX_BYTES + 1))).toBeUndefined();
    expect(variantHashes(new Uint8Array(VARIANTS_MAX_BYTES))).toBeDefined();
  });
});
