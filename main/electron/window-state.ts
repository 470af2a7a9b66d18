// The main window's size and position, remembered between runs and kept on a screen that still exists.
import { readFileSync, writeFileSync } from 'node:fs';

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: Bounds = { width: 1180, height: 800 };
const MIN = { width: 640, height: 480 };

/** Saved bounds made safe: a sane size, and dropped position if no display shows enough of it. */
export function restoreBounds(saved: unknown, displays: Area[]): Bounds {
  const b = saved as Partial<Bounds> | null;
  if (!b || typeof b !== 'object' || !Number.isFinite(b.width) || !Number.isFinite(b.height)) return { ...DEFAULT_BOUNDS };
  const width = Math.max(MIN.width, Math.round(b.width!));
  const height = Math.max(MIN.height, Math.round(b.height!));
  const out: Bounds = { width, height, maximized: b.maximized === true };
  if (Number.isFinite(b.x) && Number.isFinite(b.y)) {
    const visible = displays.some((d) => overlap(d, { x: b.x!, y: b.y!, width, height }) >= 100 * 100);
    if (visible) Object.assign(out, { x: Math.round(b.x!), y: Math.round(b.y!) });
  }
  return out;
}

function overlap(a: Area, b: Area): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function loadBounds(file: string, displays: Area[]): Bounds {
  try {
    return restoreBounds(JSON.parse(readFileSync(file, 'utf8')), displays);
  } catch {
    return { ...DEFAULT_BOUNDS };
  }
}

export function saveBounds(file: string, bounds: Bounds): void {
  try {
    writeFileSync(file, JSON.stringify(bounds));
  } catch {
    // Not worth failing a quit over.
  }
}
