// The screens of the next issue: their title and what they will do.
import { strings } from '../strings/index.js';
import type { ScreenId } from '../store/index.js';

export function UpcomingScreen({ screen }: { screen: Exclude<ScreenId, 'check'> }) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title">{strings.nav[screen]}</h1>
      <div className="empty-state" data-testid="empty-state">
        <p>{strings.upcoming[screen]}</p>
      </div>
    </section>
  );
}
