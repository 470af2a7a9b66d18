import { describe, expect, it } from 'vitest';
import { formatProgress, progressLine, type Io } from './io.js';

describe('progress on stderr', () => {
  const p = {
    bytesDone: 250e6,
    totalBytes: 1000e6,
    bytesPerSecond: 500e6,
    filesDone: 0,
    filesTotal: 2,
    currentPath: '/data/images/big.iso',
  };

  it('names the file, the share done, the speed and the time left', () => {
    expect(formatProgress(p)).toBe('0/2 files big.iso  25%  250.0/1000.0 MB  500.0 MB/s  2 s left');
    expect(formatProgress({ ...p, bytesPerSecond: 1e6 })).toMatch(/12 min 30 s left$/);
  });

  it('is drawn only when stderr is a terminal', () => {
    const seen: string[] = [];
    const io = (tty: boolean): Io => ({ out: () => undefined, err: (t) => void seen.push(t), errIsTty: tty });
    const off = progressLine(io(false));
    expect(off.update).toBeUndefined();
    off.done();
    expect(seen).toEqual([]);
    const line = progressLine(io(true));
    line.update!(p);
    line.done();
    expect(seen).toEqual([`\r\x1b[2K${formatProgress(p)}`, '\r\x1b[2K']);
  });
});
