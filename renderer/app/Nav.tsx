// Left navigation: one button per screen, the current one marked for assistive tech too.
import { strings } from '../strings/index.js';
import { SCREEN_IDS } from '../screens/index.js';
import { useWorkbench } from '../store/index.js';

export function Nav() {
  const screen = useWorkbench((s) => s.screen);
  const navigate = useWorkbench((s) => s.navigate);
  return (
    <nav className="app-nav" aria-label={strings.nav.label}>
      <ul>
        {SCREEN_IDS.map((id) => (
          <li key={id}>
            <button type="button" className="nav-item" aria-current={screen === id ? 'page' : undefined} onClick={() => navigate(id)}>
              {strings.nav[id]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
