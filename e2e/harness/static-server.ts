// Serves the built renderer over 127.0.0.1 with the same CSP the app:// protocol sends (a Vite bundle
// does not load from file:// in plain Chromium).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serveAppRequest } from '../../main/electron/app-protocol.js';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export async function startRendererServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    // Reuse the app:// handler so the harness serves exactly what Electron would.
    const r = await serveAppRequest(`app://renderer${(req.url ?? '/').split('?')[0]}`, RENDERER_DIR);
    res.writeHead(r.status, Object.fromEntries(r.headers));
    res.end(Buffer.from(await r.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
