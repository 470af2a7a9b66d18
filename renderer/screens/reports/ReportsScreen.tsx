// Placeholder until this screen lands.
import { UpcomingScreen } from '../../app/UpcomingScreen.js';

export function ReportsScreen() {
  return <UpcomingScreen screen="reports" />;
}
