import { describe, expect, it } from 'vitest';
import { clipMiddle } from './clip.js';

describe('clipMiddle', () => {
  it('keeps short text whole, at the limit too', () => {
    expect(clipMiddle('a/b.js')).toBe('a/b.js');
    expect(clipMiddle('x'.repeat(160))).toBe('x'.repeat(160));
  });
  it('cuts long text in the middle, keeping its start and end, and says how long it was', () => {
    const key = `/MyApp/${'d/'.repeat(50000)}Module.controller.js`;
    const out = clipMiddle(key, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.startsWith('/MyApp/d/')).toBe(true);
    expect(out).toMatch(/…[d/]+Module\.controller\.js \(100,027 characters\)$/);
  });
});
