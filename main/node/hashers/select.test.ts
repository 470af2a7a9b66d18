import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../common/algorithms.js';
import { chooseImplementation } from './select.js';

describe('chooseImplementation', () => {
  it.each(ALGORITHMS.map((a) => a.id))('finds a working implementation of %s in this runtime', async (id) => {
    const chosen = await chooseImplementation(id);
    expect(chosen.id).toBe(id);
  });
});
