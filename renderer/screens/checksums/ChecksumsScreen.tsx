// Checksum files: open or drop checksum files to verify every line (one card each, newest first),
// and create a checksum file for the files hashed on Check a file.
import './checksums.css';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { openChecksumFiles } from './actions.js';
import { CreateChecksumFile } from './CreateChecksumFile.js';
import { useChecksums } from './store.js';
import { VerifyCard } from './VerifyCard.js';

const t = strings.checksums;

export function ChecksumsScreen() {
  const runs = useChecksums((s) => s.runs);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <div className="screen-head">
        <h1 id="screen-title">{t.title}</h1>
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            data-testid="checksums-open"
            onClick={() => void openChecksumFiles().catch(reportUnexpected)}
          >
            {t.open}
          </button>
        </div>
      </div>
      {runs.length === 0 ? (
        <div className="empty-state" data-testid="empty-state">
          <p>{t.empty}</p>
        </div>
      ) : (
        <ul className="cards" aria-label={t.resultsLabel}>
          {runs.map((run) => (
            <li key={run.jobId}>
              <VerifyCard run={run} />
            </li>
          ))}
        </ul>
      )}
      <CreateChecksumFile />
    </section>
  );
}
