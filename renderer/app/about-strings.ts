// The About dialog's user-visible strings (kept beside the others for translation).
import type { ImplementationName } from '../../main/common/algorithms.js';

const PLATFORMS: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

export const aboutStrings = {
  title: 'About Hash Workbench',
  version: 'Version',
  platform: 'Platform',
  platformValue: (platform: string, arch: string) => `${PLATFORMS[platform] ?? platform} (${arch})`,
  loading: 'Reading what this installation uses…',
  failed: (detail: string) => `The app could not say which implementations it uses: ${detail}`,
  implementationsCaption: 'The implementation each algorithm uses here',
  algorithmHeader: 'Algorithm',
  implementationHeader: 'Implementation',
  implementations: {
    node: 'node:crypto (OpenSSL / BoringSSL)',
    native: 'Native package',
    zlib: 'zlib',
    wasm: 'WebAssembly (hash-wasm)',
    noble: 'JavaScript (@noble/hashes)',
  } satisfies Record<ImplementationName, string>,
  unavailable: 'Not available',
  fallbacksTitle: 'Fallbacks',
  allNative: 'All native accelerations loaded.',
  close: 'Close',
};
