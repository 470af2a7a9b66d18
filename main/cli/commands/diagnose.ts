// hash-workbench diagnose: the OTA check from the command line. Flags and JSON are a contract (README).
import { createWriteStream, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { prepareDiagnose, splitFrontendSpec, type FrontendSpec } from '../../common/ota/frontend-spec.js';
import { shellCommand } from '../../common/shell-quote.js';
import type { OtaReport } from '../../common/ota/report.js';
import { CAUSES } from '../../common/ota/types.js';
import { renderReportHtml } from '../../common/ota/report-html.js';
import { renderCaseSummaryHtml } from '../../common/ota/report-html-summary.js';
import { keepHeapCompact } from '../../node/compact-heap.js';
import type { HashPool } from '../../node/hash-pool.js';
import { jsonChunks, writeJsonStream } from '../../node/json-stream.js';
import { readHarFile, readLogFile, readLogStream, underModule, usableHar, usableLog } from '../../node/ota/inputs.js';
import { proxyFor } from '../../node/ota/proxy.js';
import { decodeText } from '../../node/ota/text.js';
import { CannotRun, diagnose, type FrontendTarget } from '../../node/ota/sweep.js';
import { UsageError, type Io } from '../io.js';
import { readStdinBytes } from '../stdin.js';
import { comparisonText, readEarlierReport, withComparison } from './compare-with.js';

declare const __APP_VERSION__: string | undefined;

export const DIAGNOSE_USAGE = `diagnose <app-url> [--frontend <label>=<[scheme://]host[:port]|folder>]... [--moduleinfo <file>|-]
    [--log <file>|-] [--har <file>] [--resource <path>]... [--all] [--samples <n>] [--ca <pem>]
    [--trust <label>=sha256:<hex>] [--insecure] [--proxy <url>] [--timeout <seconds>] [--concurrency <n>]
    [--max-resources <n>] [--as ios|android|browser] [--json] [--report <file.html>] [--summary <file.html>]
    [--save <file.json>] [--compare-with <earlier.json>]
    exit 0 no fault, 1 a fault found, 2 could not run, 3 inconclusive`;

export async function diagnoseCommand(args: string[], pool: HashPool, io: Io): Promise<number> {
  keepHeapCompact();
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      frontend: { type: 'string', multiple: true },
      moduleinfo: { type: 'string' },
      log: { type: 'string' },
      har: { type: 'string' },
      resource: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      samples: { type: 'string' },
      ca: { type: 'string' },
      trust: { type: 'string', multiple: true },
      insecure: { type: 'boolean' },
      proxy: { type: 'string' },
      timeout: { type: 'string' },
      concurrency: { type: 'string' },
      'max-resources': { type: 'string' },
      as: { type: 'string' },
      json: { type: 'boolean' },
      report: { type: 'string' },
      summary: { type: 'string' },
      save: { type: 'string' },
      'compare-with': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`diagnose: usage: hash-workbench ${DIAGNOSE_USAGE.split('\n')[0]}`);
  const appUrl = appUrlOf(positionals[0]!);
  if (values.moduleinfo === '-' && values.log === '-')
    throw new UsageError('diagnose: only one of --moduleinfo and --log can read standard input');
  const readOrFail = async <T>(what: string, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (err) {
      throw new CannotRun(`${what}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    }
  };
  const readBytes = (what: string, file: string) =>
    readOrFail(`${what} ${file}`, async () => new Uint8Array(file === '-' ? await readStdinBytes() : await readFile(file)));
  const notes: string[] = [];
  const moduleinfoText = values.moduleinfo !== undefined ? decodeText(await readBytes('--moduleinfo', values.moduleinfo)) : undefined;
  let log;
  if (values.log !== undefined) {
    const name = `--log ${values.log}`;
    const read = await readOrFail(name, () => (values.log === '-' ? readLogStream(process.stdin) : readLogFile(values.log!)));
    const usable = usableLog(name, read);
    log = usable.entries;
    if (usable.problem) notes.push(usable.problem);
  }
  let har;
  if (values.har !== undefined) {
    const name = `--har ${values.har}`;
    const usable = usableHar(name, await readOrFail(name, () => readHarFile(values.har!, underModule(appUrl))), new URL(appUrl).pathname);
    har = usable.har;
    if (usable.problem) notes.push(usable.problem);
  }
  const caText = values.ca !== undefined ? decodeText(await readBytes('--ca', values.ca)) : undefined;
  const prepared = wrap(() =>
    prepareDiagnose({
      frontends: (values.frontend ?? []).map(splitFrontendSpec),
      trust: values.trust ?? [],
      ca: caText !== undefined ? { text: caText, name: values.ca! } : undefined,
      samples: values.samples,
      timeoutSeconds: values.timeout,
      concurrency: values.concurrency,
      maxResources: values['max-resources'],
      as: values.as,
      isFolder: isDir,
    }),
  );
  const frontends = prepared.frontends.map(toTarget);
  const proxy = wrap(() => proxyFor(appUrl, values.proxy));
  const earlier = await readEarlierReport(values['compare-with']);
  const version = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

  let report: OtaReport;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    report = await diagnose({
      appUrl,
      frontends,
      moduleinfoText,
      log,
      har,
      notes,
      resources: values.resource,
      all: values.all,
      samples: prepared.samples,
      ca: prepared.ca,
      caLabel: values.ca,
      trust: prepared.trust,
      insecure: values.insecure,
      proxy,
      proxySource: values.proxy ? 'option' : proxy ? 'environment' : undefined,
      timeoutMs: prepared.timeoutMs,
      concurrency: prepared.concurrency,
      maxResources: prepared.maxResources,
      maxBytes: prepared.maxBytes,
      as: prepared.as,
      pool,
      toolVersion: version,
      signal: controller.signal,
      command: shellCommand(['hash-workbench', 'diagnose', ...args]),
      onProgress: io.errIsTty
        ? (p) => io.err(`\r\x1b[2K${p.phase === 'resources' ? `${p.done}/${p.total} resources` : p.phase}`)
        : undefined,
    });
  } catch (err) {
    if (err instanceof CannotRun) {
      io.err(`${io.errIsTty ? '\r\x1b[2K' : ''}error: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (io.errIsTty) io.err('\r\x1b[2K');
  report = withComparison(report, earlier, io);
  return writeOutputs(io, report, values);
}

/** Where a report goes, as diagnose and merge take it: --save, --report, --summary, then --json or the text. */
export interface OutputChoice {
  save?: string;
  report?: string;
  summary?: string;
  json?: boolean;
}

/** Writes the documents asked for and prints the report; returns the command's exit code. */
export async function writeOutputs(io: Io, report: OtaReport, to: OutputChoice): Promise<number> {
  if (to.save) await saveJson(to.save, report);
  if (to.report) await writeFile(to.report, renderReportHtml(report));
  if (to.summary) await writeFile(to.summary, renderCaseSummaryHtml(report));
  // In pieces: a report of many resources never becomes one string.
  if (to.json) {
    for (const piece of jsonChunks(report)) io.out(piece);
    io.out('\n');
  } else printSummary(io, report, to);
  return exitCodeFor(report);
}

export function exitCodeFor(report: Pick<OtaReport, 'fault'>): number {
  return report.fault === 'none' ? 0 : report.fault === 'inconclusive' ? 3 : 1;
}

export function printSummary(io: Io, report: OtaReport, written: OutputChoice = {}): void {
  io.out(
    `${report.headline}\nFault: ${report.fault}   Cause: ${report.cause} (${CAUSES[report.cause].words})` +
      `${report.frontends.length ? `   Frontends: ${report.frontends.join(', ')}` : ''}\n\nEvidence:\n`,
  );
  for (const e of report.evidence) io.out(`  - ${e}\n`);
  if (report.next.length) {
    io.out('\nWhat to do next:\n');
    for (const n of report.next) io.out(`  - ${n}\n`);
  }
  const notOk = report.resources.filter((r) => r.cause !== 'consistent');
  io.out(
    `\n${report.resources.length} resources checked (moduleinfo included), ${notOk.length} not consistent${notOk.length ? ':' : '.'}\n`,
  );
  for (const r of notOk.slice(0, 20)) io.out(`  ${r.cause.padEnd(17)} ${r.path}\n`);
  if (notOk.length > 20) io.out(`  … and ${notOk.length - 20} more (see --json or --report)\n`);
  if (report.comparedWith) io.out(`\n${comparisonText(report.comparedWith)}`);
  for (const p of report.problems) io.err(`note: ${p}\n`);
  if (written.save) io.err(`saved ${written.save}\n`);
  if (written.report) io.err(`report ${written.report}\n`);
  if (written.summary) io.err(`case summary ${written.summary}\n`);
}

function appUrlOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`diagnose: ${text} is not a URL; give the app's public base URL, e.g. https://apps.example.com/MyApp/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`diagnose: ${text}: only http:// and https:// URLs`);
  if (url.pathname === '/' || url.pathname === '')
    throw new UsageError(`diagnose: ${text}: add the module's path, e.g. ${url.origin}/MyApp/`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function toTarget(f: FrontendSpec): FrontendTarget {
  if (f.kind === 'address') return { label: f.label, kind: 'address', address: f.address, host: f.host, port: f.port, scheme: f.scheme };
  if (!isDir(f.address)) throw new CannotRun(`--frontend ${f.label}=${f.address}: ${f.address} is not a folder that can be read`);
  return { label: f.label, kind: 'folder', address: f.address };
}

async function saveJson(path: string, report: OtaReport): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  await Promise.race([writeJsonStream(out, report), failed]);
  out.end();
  await Promise.race([finished(out), failed]);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new UsageError(`diagnose: ${(err as Error).message}`);
  }
}
