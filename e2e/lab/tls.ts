// A throw-away PKI for the lab: one CA, a server certificate valid for localhost/127.0.0.1, and a
// second certificate for another host name (a frontend behind a TLS-terminating balancer often
// presents one that does not match the public host).
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestPki {
  caPem: string;
  caFile: string;
  /** SAN DNS:localhost, IP:127.0.0.1 */
  server: { key: string; cert: string };
  /** CN fe2.internal, SAN DNS:fe2.internal only: not valid for localhost */
  other: { key: string; cert: string };
  /** colon-separated upper-case hex, as Node's X509Certificate.fingerprint256 */
  otherFingerprint256: string;
}

const cache = new Map<string, TestPki>();

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

// P-256 keys: fast to generate and accepted by Node and Chromium.
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function leaf(dir: string, name: string, cn: string, san: string): { key: string; cert: string } {
  writeFileSync(
    join(dir, `${name}.ext`),
    `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n` +
      `extendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`,
  );
  openssl(dir, ['req', '-new', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    `0x${Date.now().toString(16)}${name.length}`,
    '-days',
    '365',
    '-sha256',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.pem`,
  ]);
  return { key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.pem`), 'utf8') };
}

/** Generates the PKI into dir with the openssl CLI; cached per process and dir. */
export function makeTestPki(dir: string): TestPki {
  const hit = cache.get(dir);
  if (hit) return hit;
  mkdirSync(dir, { recursive: true });
  openssl(dir, [
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '365',
    '-sha256',
    '-subj',
    '/CN=Hash Workbench Lab CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const server = leaf(dir, 'server', 'localhost', 'DNS:localhost,IP:127.0.0.1');
  const other = leaf(dir, 'other', 'fe2.internal', 'DNS:fe2.internal');
  const caFile = join(dir, 'ca.pem');
  const pki: TestPki = {
    caPem: readFileSync(caFile, 'utf8'),
    caFile,
    server,
    other,
    otherFingerprint256: new X509Certificate(other.cert).fingerprint256,
  };
  cache.set(dir, pki);
  return pki;
}
