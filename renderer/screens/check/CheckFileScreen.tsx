// Check a file: open or drop files, one card per job, newest first; which algorithms to compute,
// clearing the finished cards, and a two-file comparison under the cards.
import './check.css';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { openFiles } from './actions.js';
import { AlgorithmPicker } from './AlgorithmPicker.js';
import { CompareSection } from './CompareSection.js';
import { EncodingSwitch } from './EncodingSwitch.js';
import { HashCard } from './HashCard.js';
import { useCheckScreen } from './store.js';

export function CheckFileScreen() {
  const jobs = useCheckScreen((s) => s.jobs);
  const finished = jobs.filter((j) => j.status !== 'running').length;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <div className="screen-head">
        <h1 id="screen-title">{strings.check.title}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void openFiles().catch(reportUnexpected)}>
            {strings.check.openFiles}
          </button>
          <EncodingSwitch />
          {finished > 0 && (
            <button
              type="button"
              data-testid="clear-list"
              title={strings.check.clearHint}
              onClick={() => useCheckScreen.getState().clearFinished()}
            >
              {strings.check.clearList}
            </button>
          )}
        </div>
      </div>
      <AlgorithmPicker />
      {jobs.length === 0 ? (
        <div className="empty-state" data-testid="empty-state">
          <p>{strings.check.empty}</p>
        </div>
      ) : (
        <ul className="cards" aria-label={strings.check.cardsLabel}>
          {jobs.map((job) => (
            <li key={job.jobId}>
              <HashCard job={job} />
            </li>
          ))}
        </ul>
      )}
      <CompareSection />
    </section>
  );
}
