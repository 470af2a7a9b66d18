// Placeholder until this screen lands.
import { UpcomingScreen } from '../../app/UpcomingScreen.js';

export function ChecksumsScreen() {
  return <UpcomingScreen screen="checksums" />;
}
