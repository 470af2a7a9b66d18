// Left navigation: one button per screen, the current one marked for assistive tech too. While a customer goes
// through customer mode's steps (from the error to the check) the agent screens are hidden; on the first step
// and on the result, where the customer's part is done, they are back.
import { strings } from '../strings/index.js';
import { useCustomer } from '../screens/customer/store.js';
import { SCREEN_IDS } from '../screens/index.js';
import { useWorkbench } from '../store/index.js';

export function Nav() {
  const screen = useWorkbench((s) => s.screen);
  const navigate = useWorkbench((s) => s.navigate);
  const customerSession = useCustomer((s) => s.step !== 'intro' && s.step !== 'result');
  const ids = screen === 'customer' && customerSession ? SCREEN_IDS.filter((id) => id === 'customer') : SCREEN_IDS;
  return (
    <nav className="app-nav" aria-label={strings.nav.label}>
      <ul>
        {ids.map((id) => (
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
