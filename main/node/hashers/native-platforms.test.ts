// The N-API packages must ship a prebuilt binary for every platform the installers target:
// a release that published only some (as @napi-rs/blake-hash 1.3.6 did) would silently fall
// back to hash-wasm on Windows and macOS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; optionalDependencies?: Record<string, string> }>;
};

const NATIVE = ['@napi-rs/blake-hash', '@node-rs/xxhash', '@node-rs/crc32'];
const TARGETS = ['win32-x64-msvc', 'win32-arm64-msvc', 'darwin-x64', 'darwin-arm64', 'linux-x64-gnu', 'linux-arm64-gnu'];

describe('native hash packages', () => {
  it.each(NATIVE)('%s is a dependency with a locked binary for every installer target', (name) => {
    expect(pkg.dependencies[name]).toBeDefined();
    const entry = lock.packages[`node_modules/${name}`];
    expect(entry?.version).toBe(pkg.dependencies[name]);
    for (const target of TARGETS) {
      const binary = `${name}-${target}`;
      expect(entry?.optionalDependencies?.[binary], binary).toBe(entry?.version);
      expect(lock.packages[`node_modules/${binary}`]?.version, `${binary} in package-lock.json`).toBe(entry?.version);
    }
  });
});

// xxhash-addon ships its binaries inside the package (prebuilds/<platform>-<arch>/, loaded by node-gyp-build):
// every installer target must be there, so streaming XXH3-128 is native on every installed app.
describe('xxhash-addon', () => {
  it('is a pinned dependency whose package holds a prebuilt N-API binary for every installer target', () => {
    expect(pkg.dependencies['xxhash-addon']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/xxhash-addon']?.version).toBe(pkg.dependencies['xxhash-addon']);
    const prebuilds = join(root, 'node_modules', 'xxhash-addon', 'prebuilds');
    for (const target of ['win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64', 'linux-x64', 'linux-arm64']) {
      expect(
        readdirSync(join(prebuilds, target)).some((f) => f.endsWith('.node')),
        target,
      ).toBe(true);
    }
  });
});
