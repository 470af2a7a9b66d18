// Which disks get serial reads: a fake /sys tree for each kind the kernel reports.
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceKind, kindOfBlockDevice, majorMinor } from './devices.js';

let sys: string;
beforeAll(() => {
  sys = mkdtempSync(join(tmpdir(), 'hw-sys-'));
  const disk = (path: string, rotational?: string) => {
    mkdirSync(join(sys, path, 'queue'), { recursive: true });
    if (rotational !== undefined) writeFileSync(join(sys, path, 'queue', 'rotational'), `${rotational}\n`);
  };
  disk('devices/pci0/ata1/block/sda', '1'); // a spinning disk
  mkdirSync(join(sys, 'devices/pci0/ata1/block/sda/sda1'), { recursive: true }); // its partition (no queue/)
  disk('devices/pci0/nvme/block/nvme0n1', '0');
  disk('devices/pci0/virtio1/block/vda', '1'); // virtio reports 1 whatever lies beneath
  disk('devices/vbd-51712/block/xvda', '1');
  disk('devices/virtual/block/dm-0', '1');
  mkdirSync(join(sys, 'dev/block'), { recursive: true });
  const link = (mm: string, target: string) => symlinkSync(join(sys, target), join(sys, 'dev/block', mm));
  link('8:0', 'devices/pci0/ata1/block/sda');
  link('8:1', 'devices/pci0/ata1/block/sda/sda1');
  link('259:0', 'devices/pci0/nvme/block/nvme0n1');
  link('254:0', 'devices/pci0/virtio1/block/vda');
  link('202:0', 'devices/vbd-51712/block/xvda');
  link('253:0', 'devices/virtual/block/dm-0');
});
afterAll(() => rmSync(sys, { recursive: true, force: true }));

describe('device kinds', () => {
  it('a rotational disk and its partition read serially; SSDs, virtual disks and no device do not', () => {
    expect(kindOfBlockDevice(8, 0, sys)).toBe('rotational');
    expect(kindOfBlockDevice(8, 1, sys)).toBe('rotational'); // the partition uses its parent's queue/
    expect(kindOfBlockDevice(259, 0, sys)).toBe('ssd');
    expect(kindOfBlockDevice(254, 0, sys)).toBe('ssd'); // vd*
    expect(kindOfBlockDevice(202, 0, sys)).toBe('ssd'); // xvd*
    expect(kindOfBlockDevice(253, 0, sys)).toBe('ssd'); // device-mapper
    expect(kindOfBlockDevice(0, 42, sys)).toBe('ssd'); // tmpfs, overlay, btrfs: no block device
  });

  it('splits a dev_t as glibc does, small and large numbers', () => {
    expect(majorMinor(0x0801n)).toEqual([8, 1]);
    expect(majorMinor(0xfe00n)).toEqual([254, 0]);
    // major 300, minor 70000 in the large encoding
    const dev = (BigInt(300 & 0xfff) << 8n) | (BigInt(300 & ~0xfff) << 32n) | BigInt(70000 & 0xff) | (BigInt(70000 & ~0xff) << 12n);
    expect(majorMinor(dev)).toEqual([300, 70000]);
  });

  it('assumes an SSD on Windows and macOS, and decides once per device here', () => {
    const st = statSync(sys);
    expect(deviceKind(sys, st.dev, 'win32')).toBe('ssd');
    expect(deviceKind(sys, st.dev, 'darwin')).toBe('ssd');
    expect(['ssd', 'rotational']).toContain(deviceKind(sys, st.dev));
  });
});
