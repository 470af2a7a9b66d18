// Placeholder until this screen lands.
import { UpcomingScreen } from '../../app/UpcomingScreen.js';

export function OtaScreen() {
  return <UpcomingScreen screen="ota" />;
}
