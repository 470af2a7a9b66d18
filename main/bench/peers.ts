// The command-line tools the engine is measured against, per algorithm, where installed.
import { spawnSync } from 'node:child_process';
import type { AlgorithmId } from '../common/algorithms.js';

export interface Peer {
  name: string;
  command: string;
  args: (file: string) => string[];
}

const OPENSSL: Partial<Record<AlgorithmId, string>> = {
  md5: 'md5',
  md4: 'md4',
  sha1: 'sha1',
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  'sha512-256': 'sha512-256',
  'sha3-224': 'sha3-224',
  'sha3-256': 'sha3-256',
  'sha3-384': 'sha3-384',
  'sha3-512': 'sha3-512',
  'keccak-256': 'keccak-256',
  'blake2b-512': 'blake2b512',
  'blake2s-256': 'blake2s256',
  ripemd160: 'ripemd160',
  sm3: 'sm3',
  whirlpool: 'whirlpool',
};

const COREUTILS: Partial<Record<AlgorithmId, [string, string[]]>> = {
  md5: ['md5sum', []],
  sha1: ['sha1sum', []],
  sha224: ['sha224sum', []],
  sha256: ['sha256sum', []],
  sha384: ['sha384sum', []],
  sha512: ['sha512sum', []],
  'blake2b-512': ['b2sum', []],
  'blake2b-256': ['b2sum', ['-l', '256']],
};

const OTHERS: Partial<Record<AlgorithmId, [string, string[]][]>> = {
  blake3: [['b3sum', ['--num-threads', '1']]],
  xxh32: [['xxhsum', ['-H0']]],
  xxh64: [['xxhsum', ['-H1']]],
  'xxh3-128': [['xxhsum', ['-H2']]],
  'xxh3-64': [['xxhsum', ['-H3']]],
  crc32: [['rhash', ['--crc32']]],
  crc32c: [['rhash', ['--crc32c']]],
};

const works = new Map<string, boolean>();
function runs(command: string, args: string[]): boolean {
  const key = `${command} ${args.join(' ')}`;
  let ok = works.get(key);
  if (ok === undefined) {
    ok = spawnSync(command, [...args, '/dev/null'], { stdio: 'ignore' }).status === 0;
    works.set(key, ok);
  }
  return ok;
}

export function peersFor(id: AlgorithmId): Peer[] {
  const peers: Peer[] = [];
  const o = OPENSSL[id];
  // MD4 and Whirlpool live in OpenSSL 3's legacy provider.
  const legacy = id === 'md4' || id === 'whirlpool' ? ['-provider', 'legacy', '-provider', 'default'] : [];
  if (o && runs('openssl', ['dgst', ...legacy, `-${o}`])) {
    peers.push({
      name: `openssl dgst ${legacy.length ? '(legacy) ' : ''}-${o}`,
      command: 'openssl',
      args: (f) => ['dgst', ...legacy, `-${o}`, f],
    });
  }
  for (const [cmd, extra] of [COREUTILS[id], ...(OTHERS[id] ?? [])].filter((x): x is [string, string[]] => x !== undefined)) {
    if (runs(cmd, extra)) peers.push({ name: [cmd, ...extra].join(' '), command: cmd, args: (f) => [...extra, f] });
  }
  return peers;
}

/** Whole-process wall time of one run, in seconds. */
export function timeCommand(command: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr?.toString().trim()}`);
  return (performance.now() - t) / 1000;
}
