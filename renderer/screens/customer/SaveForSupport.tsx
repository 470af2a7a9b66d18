// Every ending offers a report to send: the files saved are named, with their folder, and shown in the
// file manager on request (never a temp path to copy by hand).
import type { ReactNode } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import { saveReport, showSaved } from './actions.js';
import { useCustomer } from './store.js';

const s = strings.customer.result;

/** The folder a path is in, by its name ("Downloads"), for the sentence; the button shows the place itself. */
const folderName = (path: string) => fileName(path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))) || path);

export function SaveForSupport({ label, children }: { label: string; children?: ReactNode }) {
  const save = useCustomer((st) => st.save);
  const caseNumber = useCustomer((st) => st.caseFile?.caseNumber);
  const paths = save.status === 'saved' ? (save.paths ?? []) : [];
  return (
    <>
      <div className="customer-buttons">
        <button
          type="button"
          className="primary"
          data-testid="customer-save-report"
          disabled={save.status === 'saving'}
          onClick={() => void saveReport().catch(reportUnexpected)}
        >
          {save.status === 'saving' ? s.saving : label}
        </button>
        {children}
      </div>
      {paths.length > 0 && (
        <div className="customer-ok customer-wrap" data-testid="customer-saved">
          <p>
            {s.saved(paths.map(fileName), folderName(paths[0]!))}
            {caseNumber !== undefined ? ` ${s.savedCase(caseNumber)}` : ''}
          </p>
          <button type="button" data-testid="customer-show-in-folder" onClick={() => void showSaved(paths[0]!).catch(reportUnexpected)}>
            {s.showInFolder}
          </button>
        </div>
      )}
      {save.error !== undefined && (
        <p className="customer-field-error" role="alert" data-testid="customer-save-error">
          {save.error}
        </p>
      )}
    </>
  );
}
