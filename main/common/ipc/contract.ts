// The one IPC contract: every channel with its request schema (checked in main at run time) and its
// response type, and every event main sends. Main, the preload and the renderer all import this file.
import { ALGORITHMS, type AlgorithmId, type ImplementationName } from '../algorithms.js';
import { ENCODINGS, type Encoding } from '../encodings.js';
import type { ErrorInfo } from '../errors.js';
import type { CheckResult, CompareResult, HashFilesResult, HashProgress, VerifyEntryResult, VerifyResult } from '../hash-types.js';
import type { ChecksumFormat } from '../checksum-file.js';
import { DIAGNOSE_LIMITS } from '../ota/frontend-spec.js';
import { MAX_SIGHTINGS, type SuggestResult } from '../ota/frontend-suggestions.js';
import type { OtaReport } from '../ota/report.js';
import type { ResourceVerdict } from '../ota/verdict.js';
import type { PathKind } from '../path-kind.js';
import { array, boolean, json, number, object, oneOf, optional, record, string, type Schema } from './schema.js';

/** Events main sends to the window that asked (or to every window for menu and open-with). */
export const PushEvent = {
  Progress: 'job:progress',
  OpenPaths: 'app:open-paths',
  MenuCommand: 'menu:command',
} as const;
export type EventName = (typeof PushEvent)[keyof typeof PushEvent];

const MAX_PATH = 4096;
const path = string({ min: 1, max: MAX_PATH });
const jobId = string({ min: 1, max: 64, pattern: /^[\w-]+$/ });
const algorithm = oneOf(ALGORITHMS.map((a) => a.id) as AlgorithmId[]);
const label = string({ min: 1, max: 40, pattern: /^[\w.-]+$/ });
const L = DIAGNOSE_LIMITS;

export interface AppInfo {
  version: string;
  platform: string;
  arch: string;
  /** The implementation each algorithm uses here (native, node, wasm…). */
  implementations: Partial<Record<AlgorithmId, ImplementationName>>;
  /** Native packages that did not load: those algorithms run on hash-wasm (shown in About). */
  fallbacks: string[];
}

export interface Settings {
  algorithms: AlgorithmId[];
  encoding: Encoding;
  /** Frontends remembered per app URL. */
  frontends: Record<string, Array<{ label: string; address: string }>>;
  theme: 'system' | 'light' | 'dark';
}

/**
 * A case file an agent sends a customer: it opens customer mode already filled in. Plain JSON,
 * extension .hwcase, nothing secret in it.
 */
export interface CaseFile {
  schema: 'hash-workbench/case';
  appUrl: string;
  caseNumber?: string;
  resources?: string[];
  note?: string;
}

export type MenuCommand = 'open-file' | 'open-checksum' | 'new-ota' | 'export-report' | 'customer-mode' | 'about';

export type JobProgress =
  | { jobId: string; kind: 'hash'; progress: HashProgress }
  | { jobId: string; kind: 'verify'; entry: VerifyEntryResult; index: number; total: number }
  | { jobId: string; kind: 'ota'; phase: string; done: number; total: number; path?: string };

export interface EventPayloads {
  [PushEvent.Progress]: JobProgress;
  [PushEvent.OpenPaths]: { paths: string[]; kind: PathKind };
  [PushEvent.MenuCommand]: { command: MenuCommand };
}

const settingsSchema = object({
  algorithms: optional(array(algorithm, { max: ALGORITHMS.length, min: 1 })),
  encoding: optional(oneOf(ENCODINGS)),
  frontends: optional(record(array(object({ label, address: string({ min: 1, max: MAX_PATH }) }), { max: 32 }), { max: 200 })),
  theme: optional(oneOf(['system', 'light', 'dark'] as const)),
});

export const CASE_SCHEMA = object({
  appUrl: string({ min: 8, max: 2048, pattern: /^https?:\/\//i }),
  caseNumber: optional(string({ max: 64 })),
  resources: optional(array(string({ min: 2, max: 2048, pattern: /^\// }), { max: 10_000 })),
  note: optional(string({ max: 2000 })),
});

/**
 * A report as an answer crosses to the window: whole, or, when the request asked for `sliced` and the report is big
 * (a whole module: 2,000 resources, 20 MB), its first resources with the rest waiting in main for `report:slice`.
 * The window deserialises each IPC message in one task on its main thread: slices keep each of those short.
 */
export type DeliveredReport = OtaReport & { rest?: ReportRest };
export interface ReportRest {
  token: string;
  /** Slices left: report:slice 1…slices, in order, each a run of resources following the ones before. */
  slices: number;
}
const sliced = optional(boolean);
const sliceToken = string({ min: 36, max: 36, pattern: /^[0-9a-f-]{36}$/ });

/** Each channel: its request schema; the response type rides along for the type checker only. */
function channel<Res>() {
  return <Req>(request: Schema<Req>) => ({ request, response: undefined as unknown as Res });
}

export const CONTRACT = {
  ['app:info']: channel<AppInfo>()(object({})),
  ['dialog:open']: channel<{ paths: string[] }>()(
    object({ kind: oneOf(['files', 'folder', 'checksum', 'report', 'har', 'text', 'pem', 'case'] as const), multiple: optional(boolean) }),
  ),
  /** Reads a small text file the user chose (a pasted log saved to a file, a moduleinfo), up to 20 MB. */
  ['file:read-text']: channel<{ text: string }>()(object({ path })),
  /** Sent by the preload only (window.workbench.addDroppedFiles), with paths it took from dropped File objects. */
  ['paths:dropped']: channel<{ paths: string[] }>()(object({ paths: array(path, { max: 10_000, min: 1 }) })),
  ['hash:files']: channel<HashFilesResult>()(
    object({ jobId, paths: array(path, { max: 10_000, min: 1 }), algorithms: array(algorithm, { min: 1, max: ALGORITHMS.length }) }),
  ),
  ['job:cancel']: channel<{ cancelled: boolean }>()(object({ jobId })),
  ['check:paste']: channel<CheckResult>()(object({ jobId, path, pasted: string({ min: 1, max: 100_000 }) })),
  ['compare:files']: channel<CompareResult>()(object({ jobId, a: path, b: path })),
  ['checksum:verify']: channel<VerifyResult>()(object({ jobId, path, algorithm: optional(algorithm) })),
  ['checksum:save']: channel<{ path?: string }>()(
    object({
      format: oneOf(['gnu', 'bsd', 'sfv'] as const satisfies readonly ChecksumFormat[]),
      entries: array(object({ path, algorithm, digestHex: string({ min: 2, max: 256, pattern: /^[0-9a-f]+$/ }) }), {
        min: 1,
        max: 100_000,
      }),
    }),
  ),
  /** Saves a checksum file's problems (failed, missing and unreadable entries) as text where the user chooses. */
  ['checksum:save-problems']: channel<{ path?: string }>()(
    object({ name: string({ min: 1, max: 255, pattern: /^[^\\/\0]+$/ }), text: string({ min: 1, max: 20_000_000 }) }),
  ),
  ['ota:diagnose']: channel<DeliveredReport>()(
    object({
      jobId,
      sliced,
      appUrl: string({ min: 8, max: 2048, pattern: /^https?:\/\//i }),
      frontends: array(object({ label, address: string({ min: 1, max: MAX_PATH }) }), { max: L.frontends.max }),
      moduleinfoText: optional(string({ max: 20_000_000 })),
      logText: optional(string({ max: 5_000_000 })),
      harPath: optional(path),
      caPath: optional(path),
      resources: optional(array(string({ min: 2, max: 2048, pattern: /^\// }), { max: 10_000 })),
      all: optional(boolean),
      samples: optional(number({ min: L.samples.min, max: L.samples.max, int: true })),
      trust: optional(record(string({ min: 64, max: 95, pattern: /^(sha256:)?[0-9A-Fa-f:]+$/ }), { key: /^[\w.-]{1,40}$/, max: 32 })),
      insecure: optional(boolean),
      timeoutSeconds: optional(number({ min: L.timeoutSeconds.min, max: L.timeoutSeconds.max })),
      concurrency: optional(number({ min: L.concurrency.min, max: L.concurrency.max, int: true })),
      maxResources: optional(number({ min: L.maxResources.min, max: L.maxResources.max, int: true })),
      as: optional(oneOf(L.as.values)),
      vantage: optional(oneOf(['agent', 'customer'] as const)),
    }),
  ),
  ['report:export']: channel<{ paths: string[] }>()(
    object({
      report: json({ maxChars: 200_000_000 }),
      /** html and json: the full report; summary: the case summary (at most 2 printed pages). */
      formats: array(oneOf(['html', 'json', 'summary'] as const), { min: 1, max: 3 }),
    }),
  ),
  ['report:open']: channel<{ path: string; report: DeliveredReport } | { path?: undefined }>()(object({ path: optional(path), sliced })),
  /** Joins reports (a customer's with an agent's) and judges them again, in main. */
  ['report:merge']: channel<DeliveredReport>()(object({ reports: array(json({ maxChars: 200_000_000 }), { min: 2, max: 10 }), sliced })),
  /** The next resources of a report answered in slices (DeliveredReport.rest), for the window that got it. */
  ['report:slice']: channel<{ resources: ResourceVerdict[] }>()(
    object({ token: sliceToken, index: number({ min: 1, max: 10_000, int: true }) }),
  ),
  ['report:recent']: channel<Array<{ path: string; openedAt: string; headline?: string }>>()(object({})),
  ['settings:get']: channel<Settings>()(object({})),
  ['settings:set']: channel<Settings>()(settingsSchema),
  ['shell:open-external']: channel<{ opened: boolean; reason?: string }>()(object({ url: string({ min: 1, max: 2048 }) })),
  ['case:save']: channel<{ path?: string }>()(CASE_SCHEMA),
  /** Without a path: the open dialog. With one: a path the user chose (drop, open-with). */
  ['case:open']: channel<{ path: string; case: CaseFile } | { path?: undefined }>()(object({ path: optional(path) })),
  /** Shows a file the app saved (or the user opened) in the system's file manager. */
  ['shell:show-in-folder']: channel<{ shown: boolean }>()(object({ path })),
  /** Frontend candidates: the app host's DNS addresses and the BIG-IP members the cookies seen name. */
  ['ota:suggest-frontends']: channel<SuggestResult>()(
    object({
      appUrl: string({ min: 8, max: 2048, pattern: /^https?:\/\//i }),
      sightings: optional(
        array(
          object({ where: string({ min: 1, max: 200 }), header: oneOf(['set-cookie', 'cookie'] as const), value: string({ max: 8192 }) }),
          {
            max: MAX_SIGHTINGS,
          },
        ),
      ),
    }),
  ),
} as const;

export type Contract = typeof CONTRACT;
/** A channel's one name is its string (`hash:files`); window.workbench's method for it is derived from it (hashFiles). */
export type ChannelName = keyof Contract;
export type RequestOf<C extends ChannelName> = ReturnType<Contract[C]['request']['parse']>;
export type ResponseOf<C extends ChannelName> = Contract[C]['response'];

/** What crosses the boundary: a value, or an error with a code the UI can act on. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The error as it crosses: a code from the closed set in errors.ts, a message to show, details to branch on. */
export type IpcError = ErrorInfo;

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, name);
}
