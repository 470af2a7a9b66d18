// Pure formatting for display: numbers, durations, file names and digest encodings.
// Digests arrive from main as lower-case hex; re-encoding them is formatting, not hashing.
import { ALGORITHMS } from '../main/common/algorithms.js';
import { encodeDigest, fromHex, type Encoding } from '../main/common/encodings.js';
import type { DigestMap } from '../main/common/hash-types.js';
import { strings } from './strings/index.js';

/** The last segment of a path, whichever separator the platform used. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** One line naming a job's files: the name, or the first name and how many more. */
export function jobTitle(paths: readonly string[]): string {
  const first = fileName(paths[0] ?? '');
  return paths.length > 1 ? strings.card.moreFiles(first, paths.length - 1) : first;
}

/** Decimal units (1 MB = 1,000,000 bytes), as file managers on macOS and Windows' MB/s show. */
export function formatBytes(bytes: number): string {
  const units = strings.bytes.units;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Bytes per second in the unit that keeps it readable: 1.3 KB/s for tiny files, not 0.0 MB/s. */
export function formatSpeed(bytesPerSecond: number): string {
  return strings.card.speed(formatBytes(Math.round(bytesPerSecond)));
}

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  if (s < 60) return strings.card.seconds(s);
  if (s < 3600) return strings.card.minutes(Math.floor(s / 60), s % 60);
  return strings.card.hours(Math.floor(s / 3600), Math.floor((s % 3600) / 60));
}

/** A hex digest in the chosen encoding; the hex itself if it is not valid hex (never hide a value). */
export function displayDigest(hex: string, encoding: Encoding): string {
  const bytes = fromHex(hex);
  return bytes ? encodeDigest(bytes, encoding) : hex;
}

/** The digests present, in the table's order (MD5 first… Whirlpool last). */
export function digestRows(digests: DigestMap | undefined, encoding: Encoding): Array<{ id: string; label: string; value: string }> {
  if (!digests) return [];
  return ALGORITHMS.flatMap((a) => {
    const hex = digests[a.id];
    return hex === undefined ? [] : [{ id: a.id, label: a.label, value: displayDigest(hex, encoding) }];
  });
}

/** "Copy all": one `LABEL  value` line per digest. */
export function copyAllText(digests: DigestMap | undefined, encoding: Encoding): string {
  return digestRows(digests, encoding)
    .map((r) => `${r.label}  ${r.value}`)
    .join('\n');
}
