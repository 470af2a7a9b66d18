// The handler table: channel -> (validated request, caller) -> service call. The Electron wiring registers
// it on ipcMain; the e2e harness binds the same table to Chromium; the CLI calls the same services.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { ALGORITHMS } from '../../common/algorithms.js';
import { formatChecksumFile } from '../../common/checksum-file.js';
import { errorInfo, WorkbenchError, type ErrorKind } from '../../common/errors.js';
import {
  CONTRACT,
  CASE_SCHEMA,
  type CaseFile,
  PushEvent,
  isChannel,
  type ChannelName,
  type Envelope,
  type EventName,
  type EventPayloads,
  type RequestOf,
  type ResponseOf,
} from '../../common/ipc/contract.js';
import { ValidationError } from '../../common/ipc/schema.js';
import { shellCommand } from '../../common/shell-quote.js';
import { isSafeExternalUrl } from '../../common/url-check.js';
import { prepareDiagnose } from '../../common/ota/frontend-spec.js';
import type { Har } from '../../common/ota/har.js';
import { parseLog, type LogEntry } from '../../common/ota/log-lines.js';
import { describeProblem, type ParseProblem } from '../../common/ota/parse-result.js';
import { checkReport, mergeReports, parseReport } from '../../common/ota/report.js';
import { renderCaseSummaryHtml } from '../../common/ota/report-html-summary.js';
import { renderReportHtml } from '../../common/ota/report-html.js';
import { checkHash } from '../check-hash.js';
import { compareFiles } from '../compare-files.js';
import type { HashPool } from '../hash-pool.js';
import { hashFiles } from '../hash-files.js';
import { chooseImplementation } from '../hashers/select.js';
import { readHarFile, underModule, usableHar, usableLog } from '../ota/inputs.js';
import type { ProxyChoice } from '../ota/proxy.js';
import { diagnose, type FrontendTarget } from '../ota/sweep.js';
import { suggestFrontends } from '../ota/suggest-frontends.js';
import { verifyChecksumFile } from '../verify-checksums.js';
import type { AppStore } from './app-store.js';
import type { Jobs } from './jobs.js';
import type { PathGrants } from './path-grants.js';
import { deliverReport, takeSlice } from './report-slices.js';

export type DialogKind = RequestOf<'dialog:open'>['kind'];

/** What only the platform can do (Electron's dialogs and shell; the e2e harness's stand-ins). */
export interface Platform {
  version: string;
  platform: string;
  arch: string;
  openDialog(kind: DialogKind, multiple: boolean, owner: number): Promise<string[]>;
  saveDialog(defaultName: string, owner: number): Promise<string | undefined>;
  openExternal(url: string): Promise<void>;
  /** Shows a file in the system's file manager (Finder, Explorer); absent where there is none. */
  showInFolder?(path: string): void;
  /** The proxy the operating system would use for this URL (public samples only). */
  proxyFor(url: string): Promise<ProxyChoice | undefined>;
  /** Extra CA certificates from the operating system's store, where the runtime exposes them. */
  systemCa?(): string | undefined;
}

export interface Services {
  pool: HashPool;
  store: AppStore;
  jobs: Jobs;
  platform: Platform;
}

/** The caller: one window, with what it was granted and a way to send it events. */
export interface Caller {
  id: number;
  grants: PathGrants;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

type Handler<C extends ChannelName> = (req: RequestOf<C>, caller: Caller, s: Services) => Promise<ResponseOf<C>>;
export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** Runs a job under an id the renderer chose, so it can be cancelled, and always clears it. */
async function asJob<T>(s: Services, caller: Caller, jobId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = s.jobs.start(jobId, caller.id);
  try {
    return await run(signal);
  } finally {
    s.jobs.finish(jobId);
  }
}

export const HANDLERS: HandlerTable = {
  async ['app:info'](_req, _caller, s) {
    const implementations: Record<string, string> = {};
    const fallbacks: string[] = [];
    for (const a of ALGORITHMS) {
      const chosen = await chooseImplementation(a.id).catch(() => undefined);
      if (chosen) implementations[a.id] = chosen.implementation;
      if (a.implementations[0] === 'native' && chosen?.implementation !== 'native')
        fallbacks.push(`${a.label}: native package not loaded, using ${chosen?.implementation ?? 'nothing'}`);
    }
    return { version: s.platform.version, platform: s.platform.platform, arch: s.platform.arch, implementations, fallbacks };
  },

  async ['dialog:open'](req, caller, s) {
    const paths = await s.platform.openDialog(req.kind, req.multiple ?? req.kind === 'files', caller.id);
    await caller.grants.grantAll(paths);
    if (req.kind === 'report') for (const p of paths) await s.store.addRecent({ path: p, openedAt: new Date().toISOString() });
    return { paths };
  },

  async ['file:read-text'](req, caller) {
    const path = await caller.grants.check(req.path);
    if ((await stat(path)).size > 20_000_000)
      throw new WorkbenchError('TOO_LARGE', `${basename(path)} is over 20 MB: not a log or a moduleinfo`, { path });
    return { text: await readFile(path, 'utf8') };
  },

  async ['paths:dropped'](req, caller) {
    return { paths: await caller.grants.grantAll(req.paths) };
  },

  async ['hash:files'](req, caller, s) {
    const paths = await caller.grants.checkAll(req.paths);
    return asJob(s, caller, req.jobId, (signal) =>
      hashFiles(s.pool, paths, req.algorithms, {
        signal,
        onProgress: (progress) => caller.emit(PushEvent.Progress, { jobId: req.jobId, kind: 'hash', progress }),
      }),
    );
  },

  async ['job:cancel'](req, caller, s) {
    return { cancelled: s.jobs.cancel(req.jobId, caller.id) };
  },

  async ['check:paste'](req, caller, s) {
    const path = await caller.grants.check(req.path);
    return asJob(s, caller, req.jobId, (signal) => checkHash(s.pool, path, req.pasted, { signal }));
  },

  async ['compare:files'](req, caller, s) {
    const [a, b] = await caller.grants.checkAll([req.a, req.b]);
    return asJob(s, caller, req.jobId, (signal) => compareFiles(a!, b!, { signal }));
  },

  async ['checksum:verify'](req, caller, s) {
    const path = await caller.grants.check(req.path);
    // The entries it lists are read only inside its own folder.
    return asJob(s, caller, req.jobId, (signal) =>
      verifyChecksumFile(s.pool, path, {
        algorithm: req.algorithm,
        confine: true,
        signal,
        onEntry: (entry, index, total) => caller.emit(PushEvent.Progress, { jobId: req.jobId, kind: 'verify', entry, index, total }),
      }),
    );
  },

  async ['checksum:save'](req, caller, s) {
    const ext = req.format === 'sfv' ? 'sfv' : req.entries[0]!.algorithm.replace(/[^a-z0-9]/g, '');
    const target = await s.platform.saveDialog(`checksums.${ext}`, caller.id);
    if (!target) return {};
    // Names relative to where the file is saved, as sha256sum writes them, so the folder can move;
    // a file outside that folder keeps its full path.
    const base = dirname(target);
    const entries = req.entries.map((e) => {
      const rel = relative(base, e.path);
      return { ...e, path: rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : e.path };
    });
    await writeFile(target, formatChecksumFile(entries, req.format));
    await caller.grants.grant(target);
    return { path: target };
  },

  async ['checksum:save-problems'](req, caller, s) {
    const target = await s.platform.saveDialog(`${req.name}-problems.txt`, caller.id);
    if (!target) return {};
    await writeFile(target, req.text);
    return { path: target };
  },

  async ['ota:diagnose'](req, caller, s) {
    const caText = req.caPath ? await readFile(await caller.grants.check(req.caPath), 'utf8') : undefined;
    const prepared = prepareDiagnose({
      frontends: req.frontends,
      trust: req.trust,
      ca: caText !== undefined && req.caPath ? { text: caText, name: basename(req.caPath) } : undefined,
      samples: req.samples,
      timeoutSeconds: req.timeoutSeconds,
      concurrency: req.concurrency,
      maxResources: req.maxResources,
      as: req.as,
    });
    const frontends: FrontendTarget[] = [];
    for (const f of prepared.frontends) {
      if (f.kind === 'folder') frontends.push({ label: f.label, kind: 'folder', address: await caller.grants.check(f.address) });
      else frontends.push({ label: f.label, kind: 'address', address: f.address, host: f.host, port: f.port, scheme: f.scheme });
    }
    const notes: string[] = [];
    let har: Har | undefined;
    if (req.harPath) {
      const read = await readHarFile(await caller.grants.check(req.harPath), underModule(req.appUrl));
      // Not a HAR at all: the screens say so next to the file (a HAR with nothing for this module is a problem line).
      if (!read.ok) throw invalidInput('harPath', `HAR file: ${describeProblem(read.error)}`, read.error);
      const usable = usableHar(`HAR file ${basename(req.harPath)}`, read, new URL(req.appUrl).pathname);
      har = usable.har;
      if (usable.problem) notes.push(usable.problem);
    }
    let log: LogEntry[] | undefined;
    if (req.logText?.trim()) {
      const parsed = parseLog(req.logText);
      const usable = usableLog('the log pasted', { ...parsed, lines: req.logText.split(/\r\n|\r|\n/).length });
      log = usable.entries;
      if (usable.problem) notes.push(usable.problem);
    }
    const systemCa = s.platform.systemCa?.();
    const proxy = await s.platform.proxyFor(req.appUrl);
    // A check that cannot run throws CANNOT_RUN (CannotRun), with why in details.kind.
    const report = await asJob(s, caller, req.jobId, async (signal) =>
      diagnose({
        appUrl: req.appUrl,
        frontends,
        moduleinfoText: req.moduleinfoText,
        log,
        har,
        notes,
        resources: req.resources,
        all: req.all,
        samples: prepared.samples,
        trust: prepared.trust,
        insecure: req.insecure,
        ca: [prepared.ca, systemCa].filter(Boolean).join('\n') || undefined,
        caLabel:
          [req.caPath ? basename(req.caPath) : undefined, systemCa ? "the operating system's certificate store" : undefined]
            .filter(Boolean)
            .join(' + ') || undefined,
        proxy,
        proxySource: proxy ? 'system' : undefined,
        timeoutMs: prepared.timeoutMs,
        concurrency: prepared.concurrency,
        maxResources: prepared.maxResources,
        maxBytes: prepared.maxBytes,
        as: prepared.as,
        vantage: req.vantage ?? 'agent',
        toolVersion: s.platform.version,
        command: commandFor(req),
        pool: s.pool,
        signal,
        onProgress: (p) =>
          caller.emit(PushEvent.Progress, { jobId: req.jobId, kind: 'ota', phase: p.phase, done: p.done, total: p.total, path: p.path }),
      }),
    );
    return deliverReport(report, caller, req.sliced);
  },

  async ['report:export'](req, caller, s) {
    const checked = checkReport(req.report);
    if (!checked.ok) throw invalidInput('report', describeProblem(checked.error), checked.error);
    const summaryOnly = req.formats.every((f) => f === 'summary');
    const name = `ota-${summaryOnly ? 'case' : 'check'}-${checked.value.moduleName ?? 'report'}.html`;
    const target = await s.platform.saveDialog(name, caller.id);
    if (!target) return { paths: [] };
    const stem = target.replace(/\.(html?|json)$/i, '');
    const paths: string[] = [];
    if (req.formats.includes('summary')) {
      // The case summary alone goes where the agent chose; beside the full report it gets its own name.
      const file = summaryOnly ? `${stem}.html` : `${stem}-summary.html`;
      paths.push(file);
      await writeFile(file, renderCaseSummaryHtml(checked.value));
    }
    if (req.formats.includes('html')) {
      paths.push(`${stem}.html`);
      await writeFile(`${stem}.html`, renderReportHtml(checked.value));
    }
    if (req.formats.includes('json')) {
      paths.push(`${stem}.json`);
      await writeFile(`${stem}.json`, `${JSON.stringify(checked.value, null, 2)}\n`);
      await s.store.addRecent({ path: `${stem}.json`, openedAt: new Date().toISOString(), headline: checked.value.headline });
    }
    await caller.grants.grantAll(paths);
    return { paths };
  },

  async ['report:open'](req, caller, s) {
    const checkedPath = await givenOrChosen(req.path, 'report', caller, s);
    if (!checkedPath) return {};
    const parsed = parseReport(await readFile(checkedPath, 'utf8'));
    if (!parsed.ok) {
      // Not JSON at all, or a JSON file with another schema: not a report (a dropped .json the renderer then hashes).
      const notAReport = parsed.error.jsonPath === undefined || parsed.error.jsonPath === '$.schema';
      throw invalidInput(
        'report',
        `${basename(checkedPath)}: ${describeProblem(parsed.error)}`,
        parsed.error,
        notAReport ? 'not-a-report' : undefined,
      );
    }
    await s.store.addRecent({ path: checkedPath, openedAt: new Date().toISOString(), headline: parsed.value.headline });
    return { path: checkedPath, report: deliverReport(parsed.value, caller, req.sliced) };
  },

  async ['report:merge'](req, caller) {
    const reports = req.reports.map((r, i) => {
      const parsed = checkReport(r);
      if (!parsed.ok) throw invalidInput(`reports[${i}]`, `report ${i + 1}: ${describeProblem(parsed.error)}`, parsed.error);
      return parsed.value;
    });
    return deliverReport(reports.slice(1).reduce(mergeReports, reports[0]!), caller, req.sliced);
  },

  async ['report:slice'](req, caller) {
    return { resources: takeSlice(caller, req.token, req.index) };
  },

  async ['report:recent'](_req, caller, s) {
    const list = await s.store.recent();
    // The reports the app saved or opened stay readable: they are on its own list.
    await caller.grants.grantAll(list.map((r) => r.path));
    return list;
  },

  async ['settings:get'](_req, _caller, s) {
    return s.store.settings();
  },

  async ['settings:set'](req, _caller, s) {
    return s.store.updateSettings(req);
  },

  async ['case:save'](req, caller, s) {
    const target = await s.platform.saveDialog(`case-${(req.caseNumber ?? 'ota-check').replace(/[^\w.-]+/g, '-')}.hwcase`, caller.id);
    if (!target) return {};
    const file: CaseFile = { schema: 'hash-workbench/case', ...req };
    await writeFile(target, `${JSON.stringify(file, null, 2)}\n`);
    return { path: target };
  },

  async ['case:open'](req, caller, s) {
    const checked = await givenOrChosen(req.path, 'case', caller, s);
    if (!checked) return {};
    return { path: checked, case: parseCaseFile(await readFile(checked, 'utf8'), basename(checked)) };
  },

  async ['ota:suggest-frontends'](req) {
    return suggestFrontends({ appUrl: req.appUrl, sightings: req.sightings });
  },

  async ['shell:show-in-folder'](req, caller, s) {
    const path = await caller.grants.check(req.path);
    if (!s.platform.showInFolder) return { shown: false };
    s.platform.showInFolder(path);
    return { shown: true };
  },

  async ['shell:open-external'](req, _caller, s) {
    const check = isSafeExternalUrl(req.url);
    if (!check.ok) return { opened: false, reason: check.reason };
    await s.platform.openExternal(check.url);
    return { opened: true };
  },
};

/**
 * Validates and runs one request. Never throws: a bad channel or payload, a refused path or a failing
 * service all come back as an error envelope the renderer can show.
 */
export async function dispatch(
  channel: unknown,
  payload: unknown,
  caller: Caller,
  services: Services,
  table: HandlerTable = HANDLERS,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'INVALID', message: `unknown channel ${String(channel).slice(0, 80)}` } };
  let request: unknown;
  try {
    request = CONTRACT[channel].request.parse(payload);
  } catch (err) {
    if (!(err instanceof ValidationError))
      return { ok: false, error: { code: 'INVALID', message: `${channel}: the request could not be read` } };
    return { ok: false, error: { code: 'INVALID', message: `${channel}: ${err.message}`, details: err.details } };
  }
  try {
    const handler = table[channel] as (req: unknown, c: Caller, s: Services) => Promise<unknown>;
    return { ok: true, value: await handler(request, caller, services) };
  } catch (err) {
    return { ok: false, error: errorInfo(err) };
  }
}

/** An input file or value that cannot be used, with the field it came from and where in it the problem is. */
function invalidInput(field: string, message: string, problem: ParseProblem, kind?: ErrorKind): WorkbenchError {
  return new WorkbenchError('INVALID', message, { field, jsonPath: problem.jsonPath, line: problem.line, column: problem.column, kind });
}

/** A path the renderer names (it must have been granted), or one the user picks now; undefined if cancelled. */
async function givenOrChosen(path: string | undefined, kind: DialogKind, caller: Caller, s: Services): Promise<string | undefined> {
  if (path) return caller.grants.check(path);
  const [chosen] = await s.platform.openDialog(kind, false, caller.id);
  if (!chosen) return undefined;
  await caller.grants.grant(chosen);
  return caller.grants.check(chosen);
}

/** A case file as sent by an agent: checked with the same schema as a save request. */
function parseCaseFile(text: string, name: string): CaseFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new WorkbenchError('INVALID', `${name} is not a Hash Workbench case file (not JSON)`, { field: 'case', input: name });
  }
  const v = value as Partial<CaseFile> | null;
  if (!v || v.schema !== 'hash-workbench/case')
    throw new WorkbenchError('INVALID', `${name} is not a Hash Workbench case file`, { field: 'case', input: name, jsonPath: '$.schema' });
  const { schema: _schema, ...rest } = v;
  try {
    return { schema: 'hash-workbench/case', ...CASE_SCHEMA.parse(rest) };
  } catch (err) {
    throw new WorkbenchError('INVALID', `${name}: ${(err as Error).message}`, {
      field: 'case',
      input: name,
      jsonPath: (err as ValidationError).path,
    });
  }
}

/** The CLI command equivalent to an app check, for the report. */
function commandFor(req: RequestOf<'ota:diagnose'>): string {
  const args = ['hash-workbench', 'diagnose', req.appUrl];
  for (const f of req.frontends) args.push('--frontend', `${f.label}=${f.address}`);
  for (const r of req.resources ?? []) args.push('--resource', r);
  if (req.all) args.push('--all');
  if (req.logText) args.push('--log', '<pasted log>');
  if (req.moduleinfoText) args.push('--moduleinfo', '<pasted moduleinfo>');
  if (req.harPath) args.push('--har', req.harPath);
  if (req.caPath) args.push('--ca', req.caPath);
  for (const [label, fp] of Object.entries(req.trust ?? {})) args.push('--trust', `${label}=sha256:${fp}`);
  if (req.insecure) args.push('--insecure');
  if (req.samples) args.push('--samples', String(req.samples));
  if (req.timeoutSeconds) args.push('--timeout', String(req.timeoutSeconds));
  if (req.as) args.push('--as', req.as);
  return shellCommand(args);
}
