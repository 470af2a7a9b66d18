// Exporting a report (HTML + JSON, written by main) and knowing which report is on screen, so the
// File menu's Export exports what the agent is looking at, whichever screen shows it.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Envelope, RequestOf } from '../../../main/common/ipc/contract.js';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { api, settle } from '../../actions/api.js';

export interface ExportState {
  /** The report the status below is about: a status shows only next to that report. */
  report?: OtaReport;
  busy: boolean;
  /** What the export under way (or the last one) writes. */
  formats?: ExportFormat[];
  paths?: string[];
  error?: string;
  /** Reports on screen now, most recently mounted last. */
  shown: OtaReport[];
}

export const useExportState = create<ExportState>()(() => ({ busy: false, shown: [] }));

export type ExportFormat = RequestOf<'report:export'>['formats'][number];

/** The case summary (`summary`: at most 2 printed pages) or the full report (`html` and `json`). */
export async function exportReport(report: OtaReport, formats: ExportFormat[] = ['html', 'json']): Promise<Envelope<{ paths: string[] }>> {
  useExportState.setState({ report, busy: true, formats, paths: undefined, error: undefined });
  const result = await settle(() => api().reportExport({ report, formats }));
  // A newer export (another report) may have started meanwhile: only ours updates the status.
  if (useExportState.getState().report === report) {
    useExportState.setState(result.ok ? { busy: false, paths: result.value.paths } : { busy: false, error: result.error.message });
  }
  return result;
}

/** A result view registers its report while it is mounted. */
export function useShownReport(report: OtaReport): void {
  useEffect(() => {
    useExportState.setState((s) => ({ shown: [...s.shown, report] }));
    return () => useExportState.setState((s) => ({ shown: s.shown.filter((r) => r !== report) }));
  }, [report]);
}

/** The report on screen, if any (the latest mounted one). */
export function shownReport(): OtaReport | undefined {
  const shown = useExportState.getState().shown;
  return shown[shown.length - 1];
}
