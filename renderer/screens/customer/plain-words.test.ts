// Customer mode speaks one way throughout: "phone" for the device, the typographic apostrophe (’) only,
// and every result names who must act in words a customer knows.
import { describe, expect, it } from 'vitest';
import { CAUSE_NAMES } from '../../../main/common/ota/types.js';
import { strings } from '../../strings/index.js';

function texts(value: unknown, path = 'customer'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    // Called with a sample of each argument shape the strings take (a number, a list, a word).
    const fn = value as (...a: unknown[]) => unknown;
    for (const args of [
      [2, 3],
      [['a.js', 'b.js'], 'x'],
      ['x', 'y'],
    ]) {
      try {
        return texts(fn(...args), path);
      } catch {
        /* another argument shape */
      }
    }
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`));
  return [];
}

describe('customer mode in plain words', () => {
  const all = texts(strings.customer);
  it('says phone, never device, and uses one apostrophe style', () => {
    expect(all.filter(([, t]) => /\bdevices?\b/i.test(t)).map(([p]) => p)).toEqual([]);
    expect(all.filter(([, t]) => /[A-Za-z]'[A-Za-z]/.test(t)).map(([p]) => p)).toEqual([]);
  });

  it('names who must act for every result, in words a customer knows', () => {
    for (const cause of CAUSE_NAMES) {
      const who = strings.customer.result.outcome[cause].who;
      expect(who, cause).toMatch(/your IT team|the app’s support team|Nobody needs to/);
      expect(who, cause).not.toMatch(/owner|frontend|CDN operator/i);
    }
  });
});
