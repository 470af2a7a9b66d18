// Packaging: electron-builder.yml declares what the installers need, the icons are valid containers,
// and the app electron-builder actually packs (the unpacked Linux layout, built offline against a
// fake Electron distribution passed as electronDist, since the binary cannot be downloaded offline) holds the built bundles in app.asar and
// the N-API binaries next to it. Fuses, NSIS and dmg cannot be built here (no Electron binary, no
// network): their configuration is checked as declared.
import { listPackage, extractFile } from '@electron/asar';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const requireCjs = createRequire(join(ROOT, 'package.json'));
// electron-builder depends on js-yaml: read the config the way it does, without a new dependency.
const yaml = requireCjs('js-yaml') as { load(text: string): unknown };
const nativeCheck = requireCjs('./scripts/check-native-binaries.cjs') as {
  findMissing(context: { appOutDir: string; arch: number; electronPlatformName: string }, projectDir: string): string[];
};

type Target = { target: string; arch?: string[] } | string;
type Config = {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  fileAssociations: { ext: string; name?: string; description?: string; role?: string }[];
  electronFuses?: Record<string, boolean>;
  directories: { output: string; buildResources: string };
  win: { target: Target[] };
  mac: { target: Target[]; entitlements: string; hardenedRuntime: boolean };
  linux: { target: Target[] };
  nsis: { oneClick: boolean; perMachine: boolean; include?: string };
  [key: string]: unknown;
};

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const targetArchs = (targets: Target[], name: string) =>
  targets.filter((t): t is { target: string; arch?: string[] } => typeof t === 'object' && t.target === name).flatMap((t) => t.arch ?? []);

describe('electron-builder.yml', () => {
  it('names the app and packs only the built files', () => {
    expect(config.appId).toBe('com.hashworkbench.app');
    expect(config.productName).toBe('Hash Workbench');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', '!dist/bench.cjs', 'main/cli/hash-workbench.cjs', 'package.json']));
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('declares the checksum file associations', () => {
    const byExt = new Map(config.fileAssociations.map((a) => [a.ext, a]));
    for (const ext of ['sha256', 'sha1', 'md5', 'sfv']) {
      const a = byExt.get(ext);
      expect(a, `fileAssociations has no .${ext}`).toBeDefined();
      expect(a?.role).toBe('Viewer');
      expect(a?.name).toBeTruthy();
      expect(a?.description).toBeTruthy();
    }
  });

  it('builds NSIS, dmg and AppImage for x64 and arm64', () => {
    expect(targetArchs(config.win.target, 'nsis').sort()).toEqual(['arm64', 'x64']);
    expect(targetArchs(config.mac.target, 'dmg').sort()).toEqual(['arm64', 'x64']);
    expect(targetArchs(config.linux.target, 'AppImage').sort()).toEqual(['arm64', 'x64']);
    expect(config.linux.target.map((t) => (typeof t === 'string' ? t : t.target))).toContain('dir');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, category: 'public.app-category.developer-tools' });
    expect(config.linux).toMatchObject({ category: 'Development' });
  });

  it('flips the fuses that lock the packaged app down', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('grants macOS only the JIT entitlement', () => {
    const plist = readFileSync(join(ROOT, config.mac.entitlements), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('has the NSIS include that writes the CLI launcher', () => {
    const nsh = readFileSync(join(ROOT, config.nsis.include ?? 'build/installer.nsh'), 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*hash-workbench\.cmd[\s\S]*--cli %\*[\s\S]*!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*Delete "\$INSTDIR\\hash-workbench\.cmd"/);
  });

  it('writes the Explorer entries per user (HKCU) and removes every one on uninstall', () => {
    const nsh = readFileSync(join(ROOT, config.nsis.include ?? 'build/installer.nsh'), 'utf8');
    const macro = (name: string) => new RegExp(`!macro ${name}\\b([\\s\\S]*?)!macroend`).exec(nsh)?.[1] ?? '';
    const install = macro('customInstall');
    const uninstall = macro('customUnInstall');
    const perExt = macro('HWChecksumExt');
    const perExtRemove = macro('HWChecksumExtRemove');
    expect(nsh).not.toMatch(/HKLM|HKCR/); // per user only: the installer is per user (nsis.perMachine false)
    // Every checksum extension of fileAssociations gets "Open with" and "Verify with", and loses them again.
    for (const { ext } of config.fileAssociations.filter((a) => a.ext !== 'hwcase')) {
      expect(install, `.${ext}`).toMatch(new RegExp(`!insertmacro HWChecksumExt ${ext}\\b`));
      expect(uninstall, `.${ext}`).toMatch(new RegExp(`!insertmacro HWChecksumExtRemove ${ext}\\b`));
    }
    expect(perExt).toContain('"${HW_CLASSES}\\.${EXT}\\OpenWithProgids" "HashWorkbench.checksum"');
    expect(perExt).toMatch(/SystemFileAssociations\\\.\$\{EXT\}\\shell\\HashWorkbench\.verify" "" "Verify with Hash Workbench"/);
    expect(perExt).toContain(`'"\${HW_EXE}" --verify "%1"'`);
    expect(perExtRemove).toContain('DeleteRegValue HKCU "${HW_CLASSES}\\.${EXT}\\OpenWithProgids" "HashWorkbench.checksum"');
    expect(perExtRemove).toContain('DeleteRegKey HKCU "${HW_CLASSES}\\SystemFileAssociations\\.${EXT}\\shell\\HashWorkbench.verify"');
    // "Hash with Hash Workbench" on every file and folder, with the explicit verb.
    for (const where of ['*', 'Directory']) {
      const key = `\${HW_CLASSES}\\${where}\\shell\\HashWorkbench.hash`;
      expect(install).toContain(`WriteRegStr HKCU "${key}" "" "Hash with Hash Workbench"`);
      expect(install).toContain(`WriteRegStr HKCU "${key}\\command" "" '"\${HW_EXE}" --hash "%1"'`);
      expect(uninstall).toContain(`DeleteRegKey HKCU "${key}"`);
    }
    // Each ProgID written is deleted whole.
    for (const progId of new Set([...install.matchAll(/\\(HashWorkbench\.(?:checksum|case))[\\"]/g)].map((m) => m[1]))) {
      expect(uninstall).toContain(`DeleteRegKey HKCU "\${HW_CLASSES}\\${progId}"`);
    }
  });

  it('macOS: the app is an Alternate handler for any file and folder, without taking them over', () => {
    const mac = config.mac as unknown as { extendInfo: { CFBundleDocumentTypes: Record<string, unknown>[] } };
    expect(mac.extendInfo.CFBundleDocumentTypes).toEqual([
      { CFBundleTypeName: 'Any file', CFBundleTypeRole: 'Viewer', LSHandlerRank: 'Alternate', LSItemContentTypes: ['public.data'] },
      { CFBundleTypeName: 'Folder', CFBundleTypeRole: 'Viewer', LSHandlerRank: 'Alternate', LSItemContentTypes: ['public.folder'] },
    ]);
  });

  it('stays a plain YAML file: no anchors, aliases or tags, fileAssociations written out', () => {
    const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    const body = text
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n');
    expect(body).not.toMatch(/(^|\s)[&*][\w-]+|!!|<</m);
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['sha256', 'sha1', 'md5', 'sha512', 'b3', 'sfv', 'hwcase']);
  });
});

/** Checks a PNG stream's signature and IHDR; returns its size. */
function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  expect(buf[25]).toBe(6); // RGBA
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe('icons (npm run icons)', () => {
  const build = join(ROOT, 'build');

  it('has the 1024 source and the Linux size folder', () => {
    expect(pngSize(readFileSync(join(build, 'icon.png')))).toEqual([1024, 1024]);
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(readFileSync(join(build, 'icons', `${s}x${s}.png`)))).toEqual([s, s]);
  });

  it('icon.ico holds PNG images 16 to 256', () => {
    const ico = readFileSync(join(build, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const e = 6 + 16 * i;
      const size = ico[e] || 256;
      expect(ico[e + 1] || 256).toBe(size);
      const png = ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8));
      expect(pngSize(png)).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256]);
  });

  it('icon.icns holds the PNG entries macOS reads', () => {
    const icns = readFileSync(join(build, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries: Record<string, number> = {};
    for (let at = 8; at < icns.length;) {
      const len = icns.readUInt32BE(at + 4);
      expect(len).toBeGreaterThan(8);
      const [w, h] = pngSize(icns.subarray(at + 8, at + len));
      expect(w).toBe(h);
      entries[icns.toString('ascii', at, at + 4)] = w;
      at += len;
    }
    expect(entries).toEqual({ icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 });
  });
});

// The real packer, offline. It packs for this machine's CPU on Linux only: npm installed the native
// binaries of this OS and CPU, and those are what the asar must carry (other hosts: CI covers it).
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';

/** Why the real packer cannot run here, or undefined when it can. */
function cannotPack(): string | undefined {
  if (process.platform !== 'linux') return 'the offline packer runs on Linux only';
  const modules = join(ROOT, 'node_modules');
  // Under a node_modules linked from outside the project, electron-builder packs no production
  // dependencies and the checks below would fail later with an ENOENT that explains nothing.
  if (lstatSync(modules, { throwIfNoEntry: false })?.isSymbolicLink()) {
    const target = realpathSync(modules);
    const rel = relative(realpathSync(ROOT), target);
    if (rel.startsWith('..') || rel === target) return `node_modules is a link to ${target}, outside the project: run npm ci here`;
  }
  return undefined;
}
const packSkip = cannotPack();
if (packSkip) console.warn(`packaging test skipped: ${packSkip}`);

describe.skipIf(packSkip !== undefined)(`the packed app (electron-builder --linux dir --${arch}, offline)`, () => {
  let tmp = '';
  let appOutDir = '';
  let asar = '';
  let files: string[] = [];
  let log = '';

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'electron-main.cjs'))) {
      throw new Error('dist/electron-main.cjs is missing: run "npm run build" before the packaging test (npm test does)');
    }
    tmp = mkdtempSync(join(tmpdir(), 'hw-pack-'));
    // A fake Electron distribution: electron-builder copies it instead of downloading Electron.
    const electronDist = join(tmp, 'electron');
    mkdirSync(join(electronDist, 'resources'), { recursive: true });
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stub Electron for packaging tests" >&2\nexit 1\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    writeFileSync(join(electronDist, 'version'), version);
    writeFileSync(join(electronDist, 'LICENSE'), 'stub\n');
    writeFileSync(join(electronDist, 'LICENSES.chromium.html'), '<!-- stub -->\n');

    // The project's config, minus the fuses (a stub executable has no fuse wire to flip).
    const packConfig = { ...config, electronDist, directories: { ...config.directories, output: join(tmp, 'out') } };
    delete packConfig.electronFuses;
    const configFile = join(tmp, 'electron-builder.json');
    writeFileSync(configFile, JSON.stringify(packConfig, null, 2));

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      ELECTRON_BUILDER_OFFLINE: 'true',
      NO_UPDATE_NOTIFIER: '1',
      // A build missing this CPU's native binaries fails instead of warning (as CI's release builds do).
      HASH_WORKBENCH_REQUIRE_NATIVE: '1',
    };
    // Under VITEST, electron-builder hides its log and hard-links files: pack as a user would.
    for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
    const cli = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
    const args = [cli, '--linux', 'dir', `--${arch}`, '--publish', 'never', '--projectDir', ROOT, '--config', configFile];
    await new Promise<void>((resolve, reject) => {
      execFile(process.execPath, args, { cwd: ROOT, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`electron-builder failed (${error.message.split('\n')[0]}):\n${stdout}\n${stderr}`));
        else {
          log = `${stdout}\n${stderr}`;
          resolve();
        }
      });
    });
    appOutDir = join(tmp, 'out', 'linux-unpacked');
    asar = join(appOutDir, 'resources', 'app.asar');
    files = listPackage(asar, { isPack: false });
  }, 150_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('puts main, preload, hash worker, CLI and renderer inside app.asar', () => {
    for (const f of [
      '/dist/electron-main.cjs',
      '/dist/preload.cjs',
      '/dist/hash-worker.cjs',
      '/dist/cli.cjs',
      '/dist/renderer/index.html',
      '/main/cli/hash-workbench.cjs',
      '/package.json',
    ]) {
      expect(files, `app.asar lacks ${f}`).toContain(f);
    }
  });

  it('keeps the hash worker inside the asar (an unpacked worker could not resolve its packages)', () => {
    expect(existsSync(join(appOutDir, 'resources', 'app.asar.unpacked', 'dist'))).toBe(false);
  });

  it('leaves out the bench and the bundled renderer libraries', () => {
    expect(files).not.toContain('/dist/bench.cjs');
    expect(files.filter((f) => /^\/node_modules\/(react|react-dom|zustand|electron|vite|typescript)(\/|$)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('unpacks the N-API binaries of this OS and CPU next to the asar', () => {
    const unpacked = join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules');
    for (const [scope, name] of [
      ['@node-rs', 'crc32'],
      ['@node-rs', 'xxhash'],
      ['@napi-rs', 'blake-hash'],
    ] as const) {
      const dirs = readdirSync(join(unpacked, scope)).filter((d) => d.startsWith(`${name}-linux-${arch}-`));
      expect(dirs, `no ${scope}/${name}-linux-${arch}-* in app.asar.unpacked`).not.toEqual([]);
      const binaries = dirs.flatMap((d) => readdirSync(join(unpacked, scope, d)).filter((f) => f.endsWith('.node')));
      expect(binaries, `no .node binary for ${scope}/${name}`).not.toEqual([]);
      // The asar lists it as unpacked, so require() inside the app finds it.
      expect(files).toContain(`/node_modules/${scope}/${dirs[0]}/${binaries[0]}`);
    }
    // xxhash-addon carries its binaries in its own prebuilds/ folder (node-gyp-build picks the one for the platform).
    const prebuilt = join(unpacked, 'xxhash-addon', 'prebuilds', `linux-${arch}`);
    expect(
      readdirSync(prebuilt).filter((f) => f.endsWith('.node')),
      'xxhash-addon prebuild in app.asar.unpacked',
    ).not.toEqual([]);
    expect(nativeCheck.findMissing({ appOutDir, arch: arch === 'x64' ? 1 : 3, electronPlatformName: 'linux' }, ROOT)).toEqual([]);
    // ...and the afterPack hook (scripts/check-native-binaries.cjs) said so during the build.
    expect(log).toContain(`native binaries present  platform=linux arch=${arch}`);
  });

  it('the afterPack check notices a CPU whose binaries npm did not install', () => {
    // This machine's npm installed only its own CPU's binaries, so the other CPU's are missing.
    const other = arch === 'x64' ? 3 : 1;
    const missing = nativeCheck.findMissing({ appOutDir, arch: other, electronPlatformName: 'linux' }, ROOT);
    expect(missing.join('\n')).toMatch(/@node-rs\/crc32-linux-(arm64|x64)-gnu/);
  });

  it('starts dist/electron-main.cjs from the package.json inside the asar', () => {
    const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as {
      main?: string;
      devDependencies?: unknown;
      scripts?: unknown;
    };
    expect(pkg.main).toBe('dist/electron-main.cjs');
    expect(pkg.devDependencies).toBeUndefined();
  });
});
