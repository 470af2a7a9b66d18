// Whether parallel reads hurt a device: only on a spinning disk. On Linux a file's device number
// (stat(…, { bigint: true }).dev) leads to /sys/dev/block/MAJ:MIN; a partition's queue/ is its
// parent's. Virtual disks (virtio vd*, Xen xvd*, device-mapper dm-*) report rotational = 1 whatever
// lies beneath, so they count as SSDs; so does anything without a block device (tmpfs, overlay,
// btrfs, network) and every device on Windows and macOS.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type DeviceKind = 'rotational' | 'ssd';

const VIRTUAL = /^(vd|xvd|dm-)/;

/** Linux's major and minor numbers of a dev_t (glibc's gnu_dev_major / gnu_dev_minor). */
export function majorMinor(dev: bigint): [number, number] {
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn);
  const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn);
  return [Number(major), Number(minor)];
}

/** Reads /sys for one block device: `root` is /sys in production, a fake tree in tests. */
export function kindOfBlockDevice(major: number, minor: number, root = '/sys'): DeviceKind {
  let dir: string;
  try {
    dir = realpathSync(join(root, 'dev', 'block', `${major}:${minor}`));
  } catch {
    return 'ssd'; // no block device behind it
  }
  for (const d of [dir, dirname(dir)]) {
    let text: string;
    try {
      text = readFileSync(join(d, 'queue', 'rotational'), 'utf8');
    } catch {
      continue; // a partition: its parent holds queue/
    }
    if (VIRTUAL.test(basename(d))) return 'ssd';
    return text.trim() === '1' ? 'rotational' : 'ssd';
  }
  return 'ssd';
}

const cache = new Map<number, DeviceKind>();

/** The kind of the device holding `path` (whose stat gave `dev`), decided once per device. */
export function deviceKind(path: string, dev: number, platform: NodeJS.Platform = process.platform): DeviceKind {
  if (platform !== 'linux') return 'ssd';
  let kind = cache.get(dev);
  if (kind === undefined) {
    try {
      const [major, minor] = majorMinor(statSync(path, { bigint: true }).dev);
      kind = kindOfBlockDevice(major, minor);
    } catch {
      kind = 'ssd';
    }
    cache.set(dev, kind);
  }
  return kind;
}
