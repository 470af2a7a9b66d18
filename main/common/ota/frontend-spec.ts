// What a diagnose run is given, checked in one place for the CLI and the app: the frontends (by address or
// by the module's Running folder as the agent can reach it), the trusted fingerprints, the CA file, and
// the numeric options with their limits and defaults (DIAGNOSE_LIMITS, the only copy).
import { WorkbenchError } from '../errors.js';
import type { DeviceProfile } from './report.js';

export type FrontendSpec =
  | { label: string; kind: 'address'; scheme?: 'http:' | 'https:'; host: string; port?: number; /** as typed */ address: string }
  | { label: string; kind: 'folder'; address: string };

/** Every limit and default of a diagnose run. The CLI, the IPC contract, the form and the sweep read these. */
export const DIAGNOSE_LIMITS = {
  samples: { min: 1, max: 20, default: 3 },
  timeoutSeconds: { min: 1, max: 600, default: 30 },
  concurrency: { min: 1, max: 64, default: 8 },
  frontends: { max: 32 },
  /** A whole-module check refuses a moduleinfo listing more (memory and time grow with it). */
  maxResources: { min: 1, max: 10_000_000, default: 50_000 },
  /** Body cap in bytes, wire and decoded. */
  maxBytes: 8 * 1024 * 1024,
  /** Same-origin redirects followed before giving up. */
  maxRedirects: 5,
  /** Whose requests the check imitates (--as); iOS's cache plugin is the stricter one. */
  as: { values: ['ios', 'android', 'browser'], default: 'ios' },
} as const;

/** The Diagnose request's field an input error concerns (the CLI's flag is named in the message). */
export type DiagnoseField = 'frontends' | 'trust' | 'caPath' | 'samples' | 'timeoutSeconds' | 'concurrency' | 'maxResources' | 'as';

/** A diagnose input that cannot be used: INVALID, `details.field` says which, the message is one line naming the input. */
function inputError(message: string, field: DiagnoseField, input?: string): WorkbenchError {
  return new WorkbenchError('INVALID', message, { field, input });
}

const LABEL = /^[\w.-]{1,40}$/;
const ADDRESS = /^(?:(https?):\/\/)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?\/?$/;

/** One frontend given as a label and an address or folder; throws an INVALID WorkbenchError when it cannot be read. */
export function parseFrontendAddress(label: string, address: string): FrontendSpec {
  const l = label.trim();
  const value = address.trim();
  const bad = (why: string) => inputError(`--frontend ${l}=${value}: ${why}`, 'frontends', `${l}=${value}`);
  if (!LABEL.test(l)) throw bad("the label may hold letters, digits, '.', '_' and '-' (up to 40)");
  if (!value) throw bad('expected <label>=<address or folder>, e.g. FE1=10.0.0.11 or FE2=\\\\fe2\\Running\\MyApp');
  const m = ADDRESS.exec(value);
  if (m) {
    const [, scheme, host = '', port] = m;
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) throw bad(`port ${port} is out of range`);
    return {
      label: l,
      kind: 'address',
      address: value,
      host: host.replace(/^\[|\]$/g, ''),
      ...(scheme ? { scheme: `${scheme}:` as 'http:' | 'https:' } : {}),
      ...(port ? { port: Number(port) } : {}),
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw bad('only http:// and https:// addresses, or a folder');
  return { label: l, kind: 'folder', address: value };
}

/** `<label>=<address or folder>` as the CLI's --frontend takes it, split at the first '='; prepareDiagnose checks the parts. */
export function splitFrontendSpec(text: string): { label: string; address: string } {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1)
    throw inputError(
      `--frontend ${text}: expected <label>=<address or folder>, e.g. FE1=10.0.0.11 or FE2=\\\\fe2\\Running\\MyApp`,
      'frontends',
      text,
    );
  return { label: text.slice(0, eq), address: text.slice(eq + 1) };
}

/** A SHA-256 certificate fingerprint (64 hex digits, colons and a `sha256:` prefix allowed), lower case; undefined if not one. */
export function readFingerprint(text: string): string | undefined {
  const t = text.trim().replace(/^sha256:/i, '');
  if (!/^[0-9A-Fa-f:]+$/.test(t)) return undefined;
  const hex = t.replace(/:/g, '');
  return hex.length === 64 ? hex.toLowerCase() : undefined;
}

/** `<label>=sha256:<hex>` for --trust. */
export function parseTrustSpec(text: string): [label: string, fingerprint: string] {
  const eq = text.indexOf('=');
  const label = eq > 0 ? text.slice(0, eq).trim() : '';
  const fingerprint = eq > 0 ? readFingerprint(text.slice(eq + 1)) : undefined;
  if (!LABEL.test(label) || !fingerprint)
    throw inputError(`--trust ${text}: expected <label>=sha256:<64 hex digits> (colons allowed)`, 'trust', text);
  return [label, fingerprint];
}

export interface DiagnoseInput {
  frontends: ReadonlyArray<{ label: string; address: string }>;
  /** label -> fingerprint (the app), or `label=sha256:<hex>` specs (the CLI). */
  trust?: Readonly<Record<string, string>> | readonly string[];
  /** The CA file's text and its name, for the message. */
  ca?: { text: string; name: string };
  samples?: number | string;
  timeoutSeconds?: number | string;
  concurrency?: number | string;
  maxResources?: number | string;
  as?: string;
  /** Node side: a bare name that is a folder here means the folder (the Running folder copied next to us). */
  isFolder?: (address: string) => boolean;
}

export interface PreparedDiagnose {
  frontends: FrontendSpec[];
  trust: Record<string, string>;
  ca?: string;
  samples: number;
  timeoutMs: number;
  concurrency: number;
  maxResources: number;
  maxBytes: number;
  as: DeviceProfile;
}

/** Checks a run's input as a whole: labels unique, trust labels known, the CA a PEM file, numbers in range. */
export function prepareDiagnose(input: DiagnoseInput): PreparedDiagnose {
  if (input.frontends.length > DIAGNOSE_LIMITS.frontends.max)
    throw inputError(`at most ${DIAGNOSE_LIMITS.frontends.max} frontends`, 'frontends');
  const frontends: FrontendSpec[] = [];
  const labels = new Set<string>();
  for (const f of input.frontends) {
    let spec = parseFrontendAddress(f.label, f.address);
    if (spec.kind === 'address' && !spec.scheme && !spec.port && input.isFolder?.(spec.address))
      spec = { label: spec.label, kind: 'folder', address: spec.address };
    if (labels.has(spec.label)) throw inputError(`frontend label ${spec.label} is given twice`, 'frontends', spec.label);
    labels.add(spec.label);
    frontends.push(spec);
  }
  const pairs = Array.isArray(input.trust)
    ? (input.trust as readonly string[]).map(parseTrustSpec)
    : Object.entries(input.trust ?? {}).map(([label, fp]) => parseTrustSpec(`${label}=${fp}`));
  const trust: Record<string, string> = {};
  for (const [label, fp] of pairs) {
    if (!labels.has(label)) throw inputError(`--trust ${label}: no --frontend has that label`, 'trust', label);
    trust[label] = fp;
  }
  if (input.ca && !input.ca.text.includes('-----BEGIN CERTIFICATE-----'))
    throw inputError(`--ca ${input.ca.name}: not a PEM certificate`, 'caPath', input.ca.name);
  const L = DIAGNOSE_LIMITS;
  const as = input.as ?? L.as.default;
  if (!(L.as.values as readonly string[]).includes(as)) throw inputError(`--as ${as}: expected one of ${L.as.values.join(', ')}`, 'as', as);
  return {
    as: as as DeviceProfile,
    frontends,
    trust,
    ...(input.ca ? { ca: input.ca.text } : {}),
    samples: inRange('samples', input.samples, L.samples, true),
    timeoutMs: inRange('timeoutSeconds', input.timeoutSeconds, L.timeoutSeconds, false) * 1000,
    concurrency: inRange('concurrency', input.concurrency, L.concurrency, true),
    maxResources: inRange('maxResources', input.maxResources, L.maxResources, true),
    maxBytes: L.maxBytes,
  };
}

const FLAGS = { samples: 'samples', timeoutSeconds: 'timeout', concurrency: 'concurrency', maxResources: 'max-resources' } as const;

/** A number within a limit, or the limit's default when not given. */
export function inRange(
  field: 'samples' | 'timeoutSeconds' | 'concurrency' | 'maxResources',
  v: number | string | undefined,
  limit: { min: number; max: number; default: number },
  int: boolean,
): number {
  if (v === undefined || v === '') return limit.default;
  const n = typeof v === 'number' ? v : /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < limit.min || n > limit.max || (int && !Number.isInteger(n)))
    throw inputError(`--${FLAGS[field]} takes ${int ? 'a whole number' : 'a number'} from ${limit.min} to ${limit.max}`, field, String(v));
  return n;
}
