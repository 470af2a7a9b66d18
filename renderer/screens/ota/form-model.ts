// The OTA form as plain data: checking each field and turning a valid form into main's Diagnose request.
// Pure, so the rules are tested without a screen; the check itself runs in main.
import type { RequestOf } from '../../../main/common/ipc/contract.js';
import { DIAGNOSE_LIMITS, parseFrontendAddress, readFingerprint } from '../../../main/common/ota/frontend-spec.js';
import { parseLog, resourcesNamed, type LogEntry } from '../../../main/common/ota/log-lines.js';
import type { DeviceProfile, OtaReport } from '../../../main/common/ota/report.js';
import type { Observation } from '../../../main/common/ota/types.js';
import { strings } from '../../strings/index.js';

export type Scope = 'log' | 'chosen' | 'all';
export type DiagnoseRequest = RequestOf<'ota:diagnose'>;

export interface FrontendRow {
  /** Stable key for React: rows are added and removed in the middle. */
  id: number;
  label: string;
  address: string;
  /** The SHA-256 fingerprint of a certificate to accept for this frontend though it names another host (--trust). */
  trust?: string;
}

export interface OtaForm {
  logText: string;
  appUrl: string;
  frontends: FrontendRow[];
  caPath?: string;
  timeout: string;
  /** Whose requests the check imitates (--as). */
  as: DeviceProfile;
  insecure: boolean;
  /** Undefined until the agent picks one: then it follows the log (see effectiveScope). */
  scope?: Scope;
  resourcesText: string;
  moduleinfoText: string;
  samples: string;
  harPath?: string;
}

export const emptyForm = (): OtaForm => ({
  logText: '',
  appUrl: '',
  frontends: [],
  timeout: String(DIAGNOSE_LIMITS.timeoutSeconds.default),
  as: DIAGNOSE_LIMITS.as.default,
  insecure: false,
  resourcesText: '',
  moduleinfoText: '',
  samples: String(DIAGNOSE_LIMITS.samples.default),
});

export interface FieldErrors {
  appUrl?: string;
  /** By row index. */
  frontends?: Record<number, string>;
  /** A frontend's trusted certificate, by row index. */
  trust?: Record<number, string>;
  timeout?: string;
  samples?: string;
  scope?: string;
  resources?: string;
}

/** The log as the main side will read it; the same parser, so the list matches what the check uses. */
export function readLog(text: string): { entries: LogEntry[]; unrecognised: number; named: string[] } {
  if (!text.trim()) return { entries: [], unrecognised: 0, named: [] };
  const { entries, unrecognised } = parseLog(text);
  return { entries, unrecognised, named: resourcesNamed(entries) };
}

/** From the log when it names files, else the whole module, until the agent chooses. */
export function effectiveScope(form: OtaForm, logNamesFiles: boolean): Scope {
  return form.scope ?? (logNamesFiles ? 'log' : 'all');
}

/** The app URL as main wants it (a trailing slash: the module's base), or the reason it is not one. */
export function checkAppUrl(text: string): { url: string } | { error: string } {
  const t = text.trim();
  if (!t) return { error: strings.ota.appUrl.errorEmpty };
  if (!/^https?:\/\//i.test(t)) return { error: strings.ota.appUrl.errorScheme };
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return { error: strings.ota.appUrl.errorInvalid };
  }
  if (!u.hostname) return { error: strings.ota.appUrl.errorInvalid };
  const path = u.pathname.replace(/\/+$/, '');
  if (!path) return { error: strings.ota.appUrl.errorPath };
  return { url: `${u.protocol}//${u.host}${path}/` };
}

/** The key frontends are remembered under: the normalised URL, so "…/MyApp" and "…/MyApp/" are one app. */
export function frontendsKey(appUrl: string): string | undefined {
  const r = checkAppUrl(appUrl);
  return 'url' in r ? r.url : undefined;
}

/** Rows with nothing typed in them are left out: an empty row is not a frontend. */
const filled = (rows: FrontendRow[]) => rows.filter((r) => r.label.trim() || r.address.trim() || r.trust?.trim());

/** A certificate fingerprint as main's --trust takes it (the same reader), or undefined when it is not one. */
export { readFingerprint };

/**
 * A frontend's certificate refused because it names another host: the agent can accept it by its
 * fingerprint in that frontend's Certificate field. Not for the public address, which has no such field.
 */
export function fingerprintWouldHelp(o: Observation): boolean {
  const tls = o.fetch?.tls;
  if (!tls || tls.authorized || tls.trustedBy === 'fingerprint' || !o.source.startsWith('frontend:')) return false;
  return /host|altname/i.test(tls.authorizationError ?? '');
}

/** The labels of the frontends a report shows with such a certificate: their Certificate fields open by themselves. */
export function frontendsToTrust(report: OtaReport | undefined): Set<string> {
  const labels = new Set<string>();
  for (const r of report?.resources ?? []) {
    for (const o of r.observations) if (fingerprintWouldHelp(o)) labels.add(o.source.slice('frontend:'.length));
  }
  return labels;
}

function frontendErrors(rows: FrontendRow[]): { rows: Record<number, string>; trust: Record<number, string> } {
  const errors: Record<number, string> = {};
  const trust: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const label = row.label.trim();
    const address = row.address.trim();
    const fingerprint = row.trust?.trim() ?? '';
    if (!label && !address && !fingerprint) return;
    if (fingerprint && readFingerprint(fingerprint) === undefined) trust[i] = strings.ota.frontends.trustError;
    if (!/^[\w.-]{1,40}$/.test(label)) errors[i] = strings.ota.frontends.errorLabel;
    else if (seen.has(label)) errors[i] = strings.ota.frontends.errorDuplicate(label);
    else if (!address) errors[i] = strings.ota.frontends.errorAddress;
    else {
      try {
        parseFrontendAddress(label, address);
      } catch {
        errors[i] = /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? strings.ota.frontends.errorScheme : strings.ota.frontends.errorAddress;
      }
    }
    seen.add(label);
  });
  return { rows: errors, trust };
}

/** One path per line; blank lines ignored. Returns the 1-based numbers of lines that are not paths. */
export function readResources(text: string): { paths: string[]; bad: number[] } {
  const paths: string[] = [];
  const bad: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const p = line.trim();
    if (!p) return;
    if (p.startsWith('/') && p.length >= 2 && p.length <= 2048) paths.push(p);
    else bad.push(i + 1);
  });
  return { paths: [...new Set(paths)], bad };
}

function inRange(text: string, min: number, max: number, int: boolean): number | undefined {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  if (n < min || n > max || (int && !Number.isInteger(n))) return undefined;
  return n;
}

/** Either the request to send, or the errors to show next to the fields. */
export function buildRequest(form: OtaForm, jobId: string): { request: DiagnoseRequest } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const url = checkAppUrl(form.appUrl);
  if ('error' in url) errors.appUrl = url.error;
  const fe = frontendErrors(form.frontends);
  if (Object.keys(fe.rows).length) errors.frontends = fe.rows;
  if (Object.keys(fe.trust).length) errors.trust = fe.trust;
  const { timeoutSeconds: T, samples: S } = DIAGNOSE_LIMITS;
  const timeout = inRange(form.timeout, T.min, T.max, false);
  if (timeout === undefined) errors.timeout = strings.ota.options.timeoutError;
  const samples = inRange(form.samples, S.min, S.max, true);
  if (samples === undefined) errors.samples = strings.ota.advanced.samplesError;
  const log = readLog(form.logText);
  const scope = effectiveScope(form, log.named.length > 0);
  const chosen = readResources(form.resourcesText);
  if (scope === 'log' && !log.named.length) errors.scope = strings.ota.scope.errorLogNone;
  if (scope === 'chosen' && chosen.bad.length) errors.resources = strings.ota.scope.errorChosenBad(chosen.bad);
  else if (scope === 'chosen' && !chosen.paths.length) errors.resources = strings.ota.scope.errorChosenNone;
  if (Object.keys(errors).length || 'error' in url || timeout === undefined || samples === undefined) return { errors };

  const request: DiagnoseRequest = {
    jobId,
    appUrl: url.url,
    frontends: filled(form.frontends).map((r) => ({ label: r.label.trim(), address: r.address.trim() })),
    logText: form.logText,
    timeoutSeconds: timeout,
    as: form.as,
    insecure: form.insecure,
    samples,
    vantage: 'agent',
  };
  if (form.moduleinfoText.trim()) request.moduleinfoText = form.moduleinfoText;
  if (form.harPath) request.harPath = form.harPath;
  if (form.caPath) request.caPath = form.caPath;
  const trust = trustedFingerprints(form.frontends);
  if (Object.keys(trust).length) request.trust = trust;
  if (scope === 'chosen') request.resources = chosen.paths;
  if (scope === 'all') request.all = true;
  return { request };
}

/** label → fingerprint for the rows that give one (checked valid by then). */
function trustedFingerprints(rows: FrontendRow[]): Record<string, string> {
  const trust: Record<string, string> = {};
  for (const r of filled(rows)) {
    const fingerprint = r.trust?.trim() ? readFingerprint(r.trust) : undefined;
    if (fingerprint) trust[r.label.trim()] = fingerprint;
  }
  return trust;
}

/** The rows worth remembering for an app: the filled ones, labels and addresses trimmed. */
export function rowsToRemember(rows: FrontendRow[]): Array<{ label: string; address: string }> {
  return filled(rows).map((r) => ({ label: r.label.trim(), address: r.address.trim() }));
}
