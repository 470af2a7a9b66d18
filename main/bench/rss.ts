import { readFileSync } from 'node:fs';

/** Peak resident memory of this process in kB. */
export function peakRssKb(): number {
  // getrusage's maxRSS survives exec, so a child forked from the big bench process would report the
  // parent's size; Linux's VmHWM belongs to this process image alone.
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS;
}
