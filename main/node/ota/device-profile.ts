// Requests like a device's (--as): the headers the OutSystems cache plugins send when they download a
// resource (OSNativeCache.m on iOS, OkHttp in the Android plugin), or a browser's. A WAF or a CDN may
// answer a device-like User-Agent differently from a browser's, so the report records which was used.
import type { DeviceProfile } from '../../common/ota/report.js';

const USER_AGENT: Record<DeviceProfile, string> = {
  ios: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 OutSystemsApp',
  android:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.0.0 Mobile Safari/537.36 OutSystemsApp',
  browser: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

/** Headers of every request of the check (moduleinfo included): who is asking. */
export function clientHeaders(as: DeviceProfile): Record<string, string> {
  return { 'user-agent': USER_AGENT[as], accept: '*/*', 'accept-encoding': as === 'android' ? 'gzip' : 'gzip, deflate, br' };
}

/** Headers of a resource download, as the device's cache plugin sends them while upgrading to `versionToken`. */
export function downloadHeaders(as: DeviceProfile, versionToken: string | undefined): Record<string, string> {
  if (as !== 'ios') return clientHeaders(as);
  // The iOS plugin names the version it downloads; the others it does not know here are n/a.
  return { ...clientHeaders(as), 'x-version-tokens': `b-download: ${versionToken ?? 'n/a'} ,b-creation: n/a ,t-version: n/a` };
}
