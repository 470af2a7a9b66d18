// Known-answer tests: every algorithm, in every implementation its table row lists that loads
// in this runtime, against the standards' vectors in test/fixtures/kat/vectors.json (each
// algorithm names its sources there), whole and fed in awkward chunk sizes; then random files
// against openssl and coreutils (and xxhsum / b3sum where installed).
import { execFile } from 'node:child_process';
import { getHashes, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ALGORITHMS, algorithmInfo, isAlgorithmId, type AlgorithmId, type ImplementationName } from '../../common/algorithms.js';
import { toHex } from '../../common/encodings.js';
import type { HasherFactory } from './hasher.js';
import { LOADERS, loadImplementation } from './select.js';

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// The vector file

type InputSpec =
  | { ascii: string }
  | { hex: string }
  | { repeat: string; count: number }
  | { repeatHex: string; count: number }
  | { pattern251: number }
  | { xxhSanity: number };

interface Vector {
  input: InputSpec;
  digest: string;
  /** The publication the value comes from, or "cross-verified". */
  ref: string;
}

interface AlgorithmVectors {
  sources: string;
  crossVerifiedWith: string[];
  vectors: Vector[];
}

interface VectorFile {
  algorithms: Record<string, AlgorithmVectors>;
}

const VECTOR_FILE = new URL('./fixtures/kat-vectors.json', import.meta.url);
const KAT = JSON.parse(readFileSync(VECTOR_FILE, 'utf8')) as VectorFile;

function vectorsOf(id: AlgorithmId): AlgorithmVectors {
  const v = KAT.algorithms[id];
  if (!v) throw new Error(`vectors.json has no entry for ${id}`);
  return v;
}

const ascii = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) throw new Error(`non-ASCII character in vector input ${JSON.stringify(s)}`);
    out[i] = c;
  }
  return out;
};

const fromHex = (h: string): Uint8Array => {
  if (!/^(?:[0-9a-f]{2})*$/.test(h)) throw new Error(`bad hex in vector input: ${h}`);
  return Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
};

const repeated = (unit: Uint8Array, count: number): Uint8Array => {
  const out = new Uint8Array(unit.length * count);
  for (let i = 0; i < count; i++) out.set(unit, i * unit.length);
  return out;
};

/** The bytes a vector's input stands for (the forms are described in vectors.json's "inputs"). */
function materialize(spec: InputSpec): Uint8Array {
  if ('ascii' in spec) return ascii(spec.ascii);
  if ('hex' in spec) return fromHex(spec.hex);
  if ('repeat' in spec) return repeated(ascii(spec.repeat), spec.count);
  if ('repeatHex' in spec) return repeated(fromHex(spec.repeatHex), spec.count);
  if ('pattern251' in spec) return Uint8Array.from({ length: spec.pattern251 }, (_, i) => i % 251);
  if ('xxhSanity' in spec) {
    // xxHash's sanity buffer (cli/xsum_sanity_check.c): byteGen = PRIME32; byte = byteGen >> 56; byteGen *= PRIME64.
    const out = new Uint8Array(spec.xxhSanity);
    let gen = 2654435761n;
    for (let i = 0; i < out.length; i++) {
      out[i] = Number(gen >> 56n);
      gen = BigInt.asUintN(64, gen * 11400714785074694797n);
    }
    return out;
  }
  throw new Error(`unknown vector input ${JSON.stringify(spec)}`);
}

function describeInput(spec: InputSpec): string {
  const quote = (s: string) => (s.length > 24 ? `${JSON.stringify(s.slice(0, 20) + '…')} (${s.length} bytes)` : JSON.stringify(s));
  if ('ascii' in spec) return quote(spec.ascii);
  if ('hex' in spec)
    return `hex ${spec.hex.length > 12 ? `${spec.hex.slice(0, 8)}…${spec.hex.slice(-4)}` : spec.hex} (${spec.hex.length / 2} bytes)`;
  if ('repeat' in spec) return `${JSON.stringify(spec.repeat)} × ${spec.count}`;
  if ('repeatHex' in spec) return `0x${spec.repeatHex} × ${spec.count}`;
  if ('pattern251' in spec) return `${spec.pattern251} bytes of i % 251`;
  return `${spec.xxhSanity} bytes of the xxHash sanity buffer`;
}

const isAbc = (spec: InputSpec) => 'ascii' in spec && spec.ascii === 'abc';
const isEmpty = (spec: InputSpec) => materialize(spec).length === 0;

// ---------------------------------------------------------------------------------------------
// Implementations in this runtime

const IMPLEMENTATION_LABEL: Record<ImplementationName, string> = {
  node: 'node:crypto',
  native: 'native (N-API)',
  zlib: 'node:zlib',
  wasm: 'hash-wasm',
  noble: '@noble/hashes',
};

interface Candidate {
  id: AlgorithmId;
  implementation: ImplementationName;
  label: string;
  factory?: HasherFactory;
  /** The loader threw: a failure, never a skip. */
  loadError?: Error;
}

const NODE_HASHES = new Set(getHashes());
const NATIVE_PLATFORMS = new Set(['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64']);
const PLATFORM = `${process.platform}-${process.arch}`;
const hasZlibCrc32 = typeof (zlib as { crc32?: unknown }).crc32 === 'function';

/** Why this runtime genuinely lacks an implementation; undefined when it should have it. */
function expectedUnavailable(id: AlgorithmId, implementation: ImplementationName): string | undefined {
  switch (implementation) {
    case 'node': {
      const name = algorithmInfo(id).nodeName;
      if (!name) return 'the table gives no node:crypto name';
      return NODE_HASHES.has(name)
        ? undefined
        : `node:crypto in Node ${process.versions.node} (OpenSSL ${process.versions.openssl}) has no "${name}" in getHashes()`;
    }
    case 'native':
      return NATIVE_PLATFORMS.has(PLATFORM) ? undefined : `no prebuilt N-API binary for ${PLATFORM}`;
    case 'zlib':
      return hasZlibCrc32 ? undefined : `node:zlib in Node ${process.versions.node} has no crc32()`;
    case 'wasm':
    case 'noble':
      return undefined;
  }
}

const CANDIDATES: Candidate[] = await Promise.all(
  ALGORITHMS.flatMap((a) =>
    a.implementations.map(async (implementation): Promise<Candidate> => {
      const c: Candidate = { id: a.id, implementation, label: IMPLEMENTATION_LABEL[implementation] };
      try {
        c.factory = await LOADERS[implementation](a.id);
      } catch (err) {
        c.loadError = err as Error;
      }
      return c;
    }),
  ),
);

const candidatesOf = (id: AlgorithmId) => CANDIDATES.filter((c) => c.id === id);

// ---------------------------------------------------------------------------------------------
// Feeding

/** Chunk sizes around the 64-byte block of MD/SHA-2 and the 1 KiB / 64 KiB buffers; 'mixed' cycles through them all. */
const CHUNK_SIZES = [1, 63, 64, 65, 1000, 65536] as const;
type Feed = 'whole' | (typeof CHUNK_SIZES)[number] | 'mixed';
const FEEDS: readonly Feed[] = ['whole', ...CHUNK_SIZES, 'mixed'];
/** Keeps the run short: a feed that would take more update() calls than this is left out (1-byte chunks of one million "a"). */
const MAX_UPDATE_CALLS = 40_000;

/** The same bytes at an odd offset inside a bigger buffer, so every chunk is an unaligned view. */
function unalignedView(data: Uint8Array): Uint8Array {
  const backing = new Uint8Array(data.length + 8);
  backing.set(data, 3);
  return backing.subarray(3, 3 + data.length);
}

function feedsFor(length: number): Feed[] {
  return FEEDS.filter((f) => typeof f !== 'number' || Math.ceil(length / f) <= MAX_UPDATE_CALLS);
}

async function digestHex(factory: HasherFactory, data: Uint8Array, feed: Feed): Promise<string> {
  const h = await factory();
  if (feed === 'whole') {
    h.update(data); // one call, even for the empty input
  } else {
    // Zero calls for the empty input.
    for (let pos = 0, i = 0; pos < data.length; i++) {
      const size = feed === 'mixed' ? CHUNK_SIZES[i % CHUNK_SIZES.length]! : feed;
      h.update(data.subarray(pos, pos + size));
      pos += size;
    }
  }
  return toHex(h.digest());
}

// ---------------------------------------------------------------------------------------------
// The vector file itself

describe('vectors.json', () => {
  it('covers every algorithm of the table and nothing else', () => {
    expect(Object.keys(KAT.algorithms).sort()).toEqual(ALGORITHMS.map((a) => a.id).sort());
    for (const id of Object.keys(KAT.algorithms)) expect(isAlgorithmId(id), id).toBe(true);
  });

  it.each(ALGORITHMS.map((a) => [a.id, a] as const))(
    '%s: names its sources, has the empty input and "abc", digests of the right length',
    (_id, info) => {
      const kat = vectorsOf(info.id);
      expect(kat.sources.length).toBeGreaterThan(10);
      expect(kat.crossVerifiedWith.length).toBeGreaterThan(0);
      expect(
        kat.vectors.some((v) => isEmpty(v.input)),
        'empty input',
      ).toBe(true);
      expect(
        kat.vectors.some((v) => isAbc(v.input)),
        '"abc"',
      ).toBe(true);
      const seen = new Set<string>();
      for (const v of kat.vectors) {
        expect(v.digest, describeInput(v.input)).toMatch(new RegExp(`^[0-9a-f]{${2 * info.digestBytes}}$`));
        expect(v.ref.length, describeInput(v.input)).toBeGreaterThan(0);
        const key = JSON.stringify(v.input);
        expect(seen.has(key), `duplicate input ${key}`).toBe(false);
        seen.add(key);
      }
    },
  );

  it.each(ALGORITHMS.map((a) => [a.id, a] as const))(
    '%s: the table\'s "abc" known answer (the engine\'s probe) is the standard vector',
    (_id, info) => {
      const abc = vectorsOf(info.id).vectors.find((v) => isAbc(v.input));
      expect(info.abc).toBe(abc?.digest);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Which implementations run here

describe('implementations in this runtime', () => {
  it.each(CANDIDATES.map((c) => [`${c.id} ${c.label}`, c] as const))(
    "%s: loads exactly when this runtime has it, and then passes the engine's own probe",
    async (_name, c) => {
      if (c.loadError) throw c.loadError;
      const reason = expectedUnavailable(c.id, c.implementation);
      expect(c.factory ? 'loads' : 'unavailable', reason ?? 'expected to load here').toBe(reason ? 'unavailable' : 'loads');
      if (c.factory) await expect(loadImplementation(c.id, c.implementation)).resolves.toBeTypeOf('function');
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Known answers

describe('known answers', () => {
  for (const info of ALGORITHMS) {
    const kat = vectorsOf(info.id);
    describe(`${info.label} (${info.id})`, () => {
      for (const c of candidatesOf(info.id)) {
        if (!c.factory && !c.loadError) {
          it.skip(`${c.label} — skipped: ${expectedUnavailable(c.id, c.implementation) ?? 'the loader gave nothing in this runtime'}`, () => {});
          continue;
        }
        describe(c.label, () => {
          it.each(kat.vectors.map((v) => [describeInput(v.input), v] as const))('%s', async (name, v) => {
            if (c.loadError) throw c.loadError;
            const data = unalignedView(materialize(v.input));
            for (const feed of feedsFor(data.length)) {
              expect
                .soft(
                  await digestHex(c.factory!, data, feed),
                  `${info.id} ${c.label} ${name}, fed ${feed === 'whole' ? 'whole' : `in chunks of ${feed}`} (${v.ref})`,
                )
                .toBe(v.digest);
            }
          });
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Random files against the reference tools

interface RefTool {
  id: AlgorithmId;
  label: string;
  cmd: string;
  args: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'hw-kat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A line as md5sum, `openssl dgst -r`, xxhsum or b3sum prints it, or BSD style (`XXH3 (f) = …`). */
function parseToolDigest(stdout: string): string {
  const line = stdout.trim().split('\n')[0] ?? '';
  const bsd = /= ([0-9a-fA-F]+)$/.exec(line);
  if (bsd) return bsd[1]!.toLowerCase();
  return (line.split(/\s+/)[0] ?? '').replace(/^\\/, '').toLowerCase();
}

async function runTool(t: RefTool, path: string): Promise<string> {
  const { stdout } = await run(t.cmd, [...t.args, path], { maxBuffer: 1 << 20 });
  return parseToolDigest(stdout);
}

// node:crypto takes OpenSSL's digest names, so the table's nodeName is what `openssl dgst -<name>` takes.
const OPENSSL_NAMES: Partial<Record<AlgorithmId, string>> = Object.fromEntries(
  ALGORITHMS.flatMap((a) => (a.nodeName ? [[a.id, a.nodeName]] : [])),
);

const OTHER_TOOLS: (RefTool & { family: string })[] = [
  { family: 'coreutils', id: 'md5', label: 'md5sum', cmd: 'md5sum', args: [] },
  { family: 'coreutils', id: 'sha1', label: 'sha1sum', cmd: 'sha1sum', args: [] },
  { family: 'coreutils', id: 'sha224', label: 'sha224sum', cmd: 'sha224sum', args: [] },
  { family: 'coreutils', id: 'sha256', label: 'sha256sum', cmd: 'sha256sum', args: [] },
  { family: 'coreutils', id: 'sha384', label: 'sha384sum', cmd: 'sha384sum', args: [] },
  { family: 'coreutils', id: 'sha512', label: 'sha512sum', cmd: 'sha512sum', args: [] },
  { family: 'coreutils', id: 'blake2b-512', label: 'b2sum', cmd: 'b2sum', args: [] },
  { family: 'coreutils', id: 'blake2b-256', label: 'b2sum -l 256', cmd: 'b2sum', args: ['-l', '256'] },
  { family: 'coreutils', id: 'sm3', label: 'cksum -a sm3', cmd: 'cksum', args: ['-a', 'sm3', '--untagged'] },
  // Not asked of a developer machine: used when installed (Debian packages xxhash, b3sum).
  { family: 'optional', id: 'xxh32', label: 'xxhsum -H0', cmd: 'xxhsum', args: ['-H0'] },
  { family: 'optional', id: 'xxh64', label: 'xxhsum -H1', cmd: 'xxhsum', args: ['-H1'] },
  { family: 'optional', id: 'xxh3-128', label: 'xxhsum -H2', cmd: 'xxhsum', args: ['-H2'] },
  { family: 'optional', id: 'xxh3-64', label: 'xxhsum -H3', cmd: 'xxhsum', args: ['-H3'] },
  { family: 'optional', id: 'blake3', label: 'b3sum', cmd: 'b3sum', args: [] },
];

interface ProbedTool {
  tool: RefTool;
  /** Why the tool is not used here; undefined when it is. */
  missing?: string;
  /** It ran but gave a wrong digest for the empty file: a failure, never a skip. */
  broken?: string;
}

const EMPTY_FILE = join(dir, 'probe-empty.bin');
writeFileSync(EMPTY_FILE, new Uint8Array(0));

/** Runs the tool on the empty file and checks its answer against the standard vector. */
async function probe(tool: RefTool): Promise<ProbedTool> {
  let got: string;
  try {
    got = await runTool(tool, EMPTY_FILE);
  } catch (err) {
    return { tool, missing: `${tool.label} does not run here (${(err as Error).message.split('\n')[0]})` };
  }
  const want = vectorsOf(tool.id).vectors.find((v) => isEmpty(v.input))?.digest;
  return got === want ? { tool } : { tool, broken: `${tool.label} gives ${got} for the empty file, the standard says ${want}` };
}

async function probeOpenssl(): Promise<ProbedTool[]> {
  let listed: string | undefined;
  let why = '';
  try {
    listed = (await run('openssl', ['list', '-digest-algorithms'])).stdout.toLowerCase();
  } catch (err) {
    why = (err as Error).message.split('\n')[0] ?? '';
  }
  return Promise.all(
    Object.entries(OPENSSL_NAMES).map(async ([id, name]) => {
      const tool: RefTool = { id: id as AlgorithmId, label: `openssl dgst -${name}`, cmd: 'openssl', args: ['dgst', `-${name}`, '-r'] };
      if (listed === undefined) return { tool, missing: `openssl list -digest-algorithms does not run here (${why})` };
      if (!new RegExp(`(^|[\\s=>])${name!.replace(/[-/]/g, '[-/]')}(\\s|$)`, 'm').test(listed)) {
        return { tool, missing: `openssl list -digest-algorithms has no ${name}` };
      }
      const plain = await probe(tool);
      if (!plain.missing) return plain;
      // OpenSSL 3 keeps MD4 and Whirlpool in its legacy provider.
      const legacy: RefTool = {
        ...tool,
        label: `openssl dgst -provider legacy -${name}`,
        args: ['dgst', '-provider', 'legacy', '-provider', 'default', `-${name}`, '-r'],
      };
      const viaLegacy = await probe(legacy);
      return viaLegacy.missing ? plain : viaLegacy;
    }),
  );
}

const PROBED: ProbedTool[] = [...(await probeOpenssl()), ...(await Promise.all(OTHER_TOOLS.map(probe)))];

const SIZES = [0, 1, 4095, 4096, 4097, 3 * 1024 * 1024] as const;
const FILES = SIZES.map((size) => {
  const path = join(dir, `random-${size}.bin`);
  const bytes = randomBytes(size);
  writeFileSync(path, bytes);
  return { size, path, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
});

/** Each implementation's digest of each file, computed once however many tools check it. */
const ours = new Map<string, Promise<string>>();
function ourDigest(c: Candidate, file: (typeof FILES)[number]): Promise<string> {
  const key = `${c.id}/${c.implementation}/${file.size}`;
  let d = ours.get(key);
  if (!d) {
    d = (async () => {
      const h = await c.factory!();
      for (let pos = 0; pos < file.bytes.length; pos += 65536) h.update(file.bytes.subarray(pos, pos + 65536));
      return toHex(h.digest());
    })();
    ours.set(key, d);
  }
  return d;
}

describe(`random files (${SIZES.join(', ')} bytes) against openssl, coreutils and, where installed, xxhsum and b3sum`, () => {
  for (const p of PROBED) {
    const { tool } = p;
    const impls = candidatesOf(tool.id).filter((c) => c.factory);
    if (p.missing) {
      it.skip(`${tool.label} (${tool.id}) — skipped: ${p.missing}`, () => {});
      continue;
    }
    it(`${tool.label} agrees with ${impls.map((c) => c.label).join(', ')} on ${tool.id}`, async () => {
      if (p.broken) throw new Error(p.broken);
      expect(impls.length).toBeGreaterThan(0);
      await Promise.all(
        FILES.map(async (file) => {
          const want = await runTool(tool, file.path);
          expect(want, `${tool.label} output for ${file.size} bytes`).toMatch(
            new RegExp(`^[0-9a-f]{${2 * algorithmInfo(tool.id).digestBytes}}$`),
          );
          for (const c of impls) expect.soft(await ourDigest(c, file), `${tool.id} ${c.label}, ${file.size} random bytes`).toBe(want);
        }),
      );
    });
  }
});
