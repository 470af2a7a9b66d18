// diagnose --compare-with <report.json>: the earlier report is read before the check runs (a bad file stops it
// at once, exit 2), and set against the new one after it (main/common/ota/compare-reports.ts).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { compareReports } from '../../common/ota/compare-reports.js';
export { comparisonText } from '../../common/ota/compare-reports.js';
import { describeProblem } from '../../common/ota/parse-result.js';
import { parseReport, type OtaReport } from '../../common/ota/report.js';
import { CannotRun } from '../../node/ota/sweep.js';
import type { Io } from '../io.js';

export interface EarlierReport {
  file: string;
  report: OtaReport;
}

export async function readEarlierReport(file: string | undefined): Promise<EarlierReport | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CannotRun(
      `--compare-with ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
  const parsed = parseReport(text);
  if (!parsed.ok) throw new CannotRun(`--compare-with ${file}: ${describeProblem(parsed.error)}`);
  return { file, report: parsed.value };
}

/** The new report with `comparedWith` (printSummary prints it after the verdict). */
export function withComparison(report: OtaReport, earlier: EarlierReport | undefined, io: Io): OtaReport {
  if (!earlier) return report;
  const was = earlier.report.runs[0]?.appUrl;
  const now = report.runs[0]?.appUrl;
  if (was && now && was !== now) io.err(`note: --compare-with ${earlier.file} checked ${was}, this check ${now}\n`);
  return { ...report, comparedWith: compareReports(earlier.report, report, basename(earlier.file)) };
}
