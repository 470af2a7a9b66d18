// A check that could not run still ends with a report to send: what was tried (the address, from the
// customer's network), when, and why it failed, in the report's own schema so support opens it like any other.
import type { IpcError } from '../../../main/common/ipc/contract.js';
import { buildReport, type OtaReport } from '../../../main/common/ota/report.js';
import { shellCommand } from '../../../main/common/shell-quote.js';
import { appNameOf } from './address.js';

export function failureReport(appUrl: string, error: IpcError, startedAt: string, finishedAt = new Date().toISOString()): OtaReport {
  return buildReport(
    {
      moduleName: appNameOf(appUrl),
      frontends: [],
      moduleinfo: [{ source: 'public', vantage: 'customer', moment: 'start', error: error.message, at: finishedAt }],
      versions: [],
      resources: [],
    },
    {
      runs: [
        {
          appUrl,
          vantage: 'customer',
          startedAt,
          finishedAt,
          toolVersion: 'app',
          command: shellCommand(['hash-workbench', 'diagnose', appUrl]),
          options: { samples: 3, timeoutSeconds: 30, concurrency: 8, resources: 'all', maxBytes: 8 << 20 },
          network: { trust: {}, insecure: false },
        },
      ],
      log: [],
      problems: [`The check could not run from the customer’s network (${error.code}): ${error.message}`],
      redacted: [],
    },
  );
}
