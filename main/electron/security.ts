// The window's security settings in one place: web preferences, the CSP, and the handlers that deny
// navigation, redirects, new windows, webviews and permission requests.
import type { Session, WebContents, WebPreferences } from 'electron';
import { isSafeExternalUrl } from '../common/url-check.js';

/** No remote origins, no eval, no WebAssembly in the renderer (hashing runs in main's workers). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style through the CSSOM; inline style attributes in markup are the only other use.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const APP_ORIGIN = 'app://renderer';

export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Permissions the app itself uses: writing to the clipboard (Copy buttons). Everything else is denied. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/** Every WebContents: no navigation or redirect away, no new windows, no webviews; safe links go to the browser. */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const check = isSafeExternalUrl(url);
    if (check.ok) openExternal(check.url);
    return { action: 'deny' };
  });
}
