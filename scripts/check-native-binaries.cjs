'use strict';
// electron-builder afterPack hook: checks that the packaged app holds the prebuilt N-API binary of each
// native dependency (@node-rs/crc32, @node-rs/xxhash, @napi-rs/blake-hash) for the OS and CPU being
// packaged. npm installs only the binary of the machine it runs on (or of `npm ci --os --cpu`), and
// npmRebuild is off, so an arm64 package made on an x64 machine would carry x64 binaries only.
// The app still works without them (the engine falls back to hash-wasm, slower), so this warns;
// with HASH_WORKBENCH_REQUIRE_NATIVE=1 (set it in CI) it fails the build instead.
const fs = require('node:fs');
const path = require('node:path');

// electron-builder's Arch enum (builder-util): ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARCH_NAMES = { 0: ['ia32'], 1: ['x64'], 2: ['arm'], 3: ['arm64'], 4: ['x64', 'arm64'] };

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function hasNodeBinary(dir) {
  try {
    return fs.readdirSync(dir).some((f) => f.endsWith('.node'));
  } catch {
    return false;
  }
}

function resourcesDir(context) {
  if (context.packager && typeof context.packager.getResourcesDir === 'function') {
    return context.packager.getResourcesDir(context.appOutDir);
  }
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    const app = fs.readdirSync(context.appOutDir).find((f) => f.endsWith('.app'));
    return path.join(context.appOutDir, app, 'Contents', 'Resources');
  }
  return path.join(context.appOutDir, 'resources');
}

/** Returns one line per native dependency whose binary for this target is not in app.asar.unpacked. */
function findMissing(context, projectDir) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const archs = ARCH_NAMES[context.arch] ?? [String(context.arch)];
  const unpacked = path.join(resourcesDir(context), 'app.asar.unpacked', 'node_modules');
  const { dependencies = {} } = readJson(path.join(projectDir, 'package.json'));
  const missing = [];
  for (const dep of Object.keys(dependencies)) {
    let optional;
    try {
      optional = Object.keys(readJson(path.join(projectDir, 'node_modules', dep, 'package.json')).optionalDependencies ?? {});
    } catch {
      continue;
    }
    for (const arch of archs) {
      // napi-rs names: <dep>-<platform>-<arch>[-gnu|-msvc]; the AppImage targets glibc, not musl.
      const candidates = optional.filter((n) => n.startsWith(`${dep}-${platform}-${arch}`) && !n.endsWith('-musl'));
      if (candidates.length === 0) continue; // no binary published for this target: nothing to check
      if (!candidates.some((n) => hasNodeBinary(path.join(unpacked, n)))) {
        missing.push(`${candidates.join(' or ')} (for ${platform}-${arch})`);
      }
    }
  }
  return missing;
}

async function checkNativeBinaries(context) {
  const projectDir = context.packager?.info?.projectDir ?? path.resolve(__dirname, '..');
  const missing = findMissing(context, projectDir);
  const archs = (ARCH_NAMES[context.arch] ?? []).join('+');
  if (missing.length === 0) {
    console.log(`  • native binaries present  platform=${context.electronPlatformName} arch=${archs}`);
    return;
  }
  const message =
    `native binaries missing from ${context.appOutDir}: ${missing.join(', ')}. ` +
    `The app will fall back to hash-wasm for those algorithms. To ship them, package this target on a machine of ` +
    `that OS and CPU, or after "npm run build" run "npm ci --os=${context.electronPlatformName} --cpu=${archs}" ` +
    'and then electron-builder for that target only.';
  if (process.env.HASH_WORKBENCH_REQUIRE_NATIVE === '1') throw new Error(message);
  console.warn(`  • warning: ${message}`);
}

module.exports = checkNativeBinaries;
module.exports.default = checkNativeBinaries;
module.exports.findMissing = findMissing;
