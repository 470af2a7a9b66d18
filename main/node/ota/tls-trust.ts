// Whether a frontend's or the public URL's certificate is accepted: the chain and the host name judged
// apart, then the CA given, a trusted fingerprint or --insecure, each recorded as the reason.
import net from 'node:net';
import tls from 'node:tls';
import type { TlsInfo } from '../../common/ota/types.js';

export interface TrustOptions {
  /** Extra CA certificates (PEM), added to the bundled roots. */
  ca?: string;
  /** Accept a certificate with this SHA-256 fingerprint even if it does not name the host. */
  fingerprint?: string;
  /** Accept any certificate (recorded in the evidence). */
  insecure?: boolean;
}

/** A kept-alive socket is judged once, when it connects: a resumed TLS session shows no certificate. */
export const judged = new WeakMap<tls.TLSSocket, { info: TlsInfo; error?: string }>();

export function judgeCertificate(s: tls.TLSSocket, host: string, trust: TrustOptions | undefined): { info: TlsInfo; error?: string } {
  const cert = s.getPeerCertificate();
  const name = (x: Record<string, unknown> | undefined) =>
    x
      ? (['CN', 'O', 'OU'] as const)
          .map((k) => x[k])
          .filter(Boolean)
          .join(', ')
      : '';
  const identityError = net.isIP(host) ? undefined : tls.checkServerIdentity(host, cert);
  // Node reports a host-name mismatch as the chain's error too: judge the chain on its own.
  const chainOk = s.authorized || /ALTNAME/.test(String(s.authorizationError));
  const authorized = chainOk && !identityError;
  const fingerprint = cert.fingerprint256 ?? '';
  const info: TlsInfo = {
    protocol: s.getProtocol() ?? undefined,
    subject: name(cert.subject as unknown as Record<string, unknown>),
    issuer: name(cert.issuer as unknown as Record<string, unknown>),
    fingerprint256: fingerprint,
    validTo: cert.valid_to,
    authorized,
    trustedBy: 'none',
  };
  const why = !chainOk
    ? String(s.authorizationError ?? 'certificate not trusted')
    : identityError
      ? `${identityError.message.replace(/\.$/, '')}`
      : undefined;
  if (why) info.authorizationError = why;
  if (authorized) info.trustedBy = trust?.ca ? 'ca' : 'roots';
  else if (trust?.fingerprint && sameFingerprint(trust.fingerprint, fingerprint)) info.trustedBy = 'fingerprint';
  else if (trust?.insecure) info.trustedBy = 'insecure';
  else
    return {
      info,
      error:
        `the certificate of ${host} is not accepted (${why}); issuer ${info.issuer || 'unknown'}, SHA-256 ${fingerprint}. ` +
        'Add --ca <pem> or --trust <label>=sha256:<fingerprint>, or --insecure',
    };
  return { info };
}

export function sameFingerprint(a: string, b: string): boolean {
  const norm = (x: string) =>
    x
      .replace(/^sha256:/i, '')
      .replace(/[^0-9a-f]/gi, '')
      .toLowerCase();
  return norm(a).length === 64 && norm(a) === norm(b);
}
