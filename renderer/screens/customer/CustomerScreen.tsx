// Placeholder until this screen lands.
import { UpcomingScreen } from '../../app/UpcomingScreen.js';

export function CustomerScreen() {
  return <UpcomingScreen screen="customer" />;
}
