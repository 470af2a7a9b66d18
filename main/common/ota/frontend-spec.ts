// `--frontend <label>=<[scheme://]host[:port] | folder>`: one frontend to check, by address or by the
// module's Running folder as the agent can reach it (a share or a copy).

export type FrontendSpec =
  | { label: string; kind: 'address'; scheme?: 'http:' | 'https:'; host: string; port?: number; /** as typed */ address: string }
  | { label: string; kind: 'folder'; address: string };

const ADDRESS = /^(?:(https?):\/\/)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?\/?$/;

/** Parses one spec; throws an Error with a one-line message when it cannot be read. */
export function parseFrontendSpec(text: string): FrontendSpec {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1)
    throw new Error(`--frontend ${text}: expected <label>=<address or folder>, e.g. FE1=10.0.0.11 or FE2=\\\\fe2\\Running\\MyApp`);
  const label = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim();
  if (!/^[\w.-]{1,40}$/.test(label)) throw new Error(`--frontend ${text}: the label may hold letters, digits, '.', '_' and '-' (up to 40)`);
  const m = ADDRESS.exec(value);
  if (m) {
    const [, scheme, host = '', port] = m;
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
      throw new Error(`--frontend ${text}: port ${port} is out of range`);
    return {
      label,
      kind: 'address',
      address: value,
      host: host.replace(/^\[|\]$/g, ''),
      ...(scheme ? { scheme: `${scheme}:` as 'http:' | 'https:' } : {}),
      ...(port ? { port: Number(port) } : {}),
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new Error(`--frontend ${text}: only http:// and https:// addresses, or a folder`);
  return { label, kind: 'folder', address: value };
}

/** `<label>=sha256:<hex>` for --trust. */
export function parseTrustSpec(text: string): [label: string, fingerprint: string] {
  const m = /^([\w.-]{1,40})=(?:sha256:)?([0-9A-Fa-f:]{64,95})$/.exec(text.trim());
  const hex = m?.[2]?.replace(/:/g, '');
  if (!m || !hex || hex.length !== 64) throw new Error(`--trust ${text}: expected <label>=sha256:<64 hex digits> (colons allowed)`);
  return [m[1]!, hex.toLowerCase()];
}
