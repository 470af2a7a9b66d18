// hash-workbench merge <a.json> <b.json>: joins a customer's report with an agent's and judges them again.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeProblem } from '../../common/ota/parse-result.js';
import { mergeReports, parseReport, type OtaReport } from '../../common/ota/report.js';
import { UsageError, type Io } from '../io.js';
import { writeOutputs } from './diagnose.js';

export async function mergeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, save: { type: 'string' }, report: { type: 'string' }, summary: { type: 'string' } },
  });
  if (positionals.length < 2)
    throw new UsageError(
      'merge: usage: hash-workbench merge <a.json> <b.json>... [--json] [--save f.json] [--report f.html] [--summary f.html]',
    );
  const reports: OtaReport[] = [];
  for (const file of positionals) {
    const parsed = parseReport(await readFile(file, 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${describeProblem(parsed.error)}`);
    reports.push(parsed.value);
  }
  const merged = reports.slice(1).reduce(mergeReports, reports[0]!);
  return writeOutputs(io, merged, values);
}
