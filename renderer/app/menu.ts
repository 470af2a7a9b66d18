// The application menu's commands, each with its one handler: the compiler sees every command of the
// contract answered here, so a new one cannot be forgotten and none falls back to a guess.
import type { MenuCommand } from '../../main/common/ipc/contract.js';
import { reportUnexpected } from '../actions/unexpected.js';
import { openFiles } from '../screens/check/actions.js';
import { openChecksumMenu } from '../screens/checksums/actions.js';
import { showCustomerMode } from '../screens/customer/actions.js';
import { exportShownReport, newOtaCheck } from '../screens/ota/routes.js';
import { openAbout } from './AboutDialog.js';

const MENU: Record<MenuCommand, () => void> = {
  'open-file': () => void openFiles().catch(reportUnexpected),
  'open-checksum': openChecksumMenu,
  'new-ota': newOtaCheck,
  'export-report': exportShownReport,
  'customer-mode': showCustomerMode,
  about: () => void openAbout().catch(reportUnexpected),
};

export function runMenu(command: MenuCommand): void {
  MENU[command]();
}
