import { algorithmInfo, type AlgorithmId, type ImplementationName } from '../../common/algorithms.js';
import { toHex } from '../../common/encodings.js';
import type { ChosenImplementation, HasherFactory, ImplementationLoader } from './hasher.js';
import { loadNative } from './native.js';
import { loadNodeCrypto } from './node-crypto.js';
import { loadNoble } from './noble.js';
import { loadWasm } from './wasm.js';
import { loadZlib } from './zlib.js';

export const LOADERS: Record<ImplementationName, ImplementationLoader> = {
  node: loadNodeCrypto,
  native: loadNative,
  zlib: loadZlib,
  wasm: loadWasm,
  noble: loadNoble,
};

const ABC = new TextEncoder().encode('abc');

/** Loads one implementation and checks its known answer; throws with the reason when it is unusable. */
export async function loadImplementation(id: AlgorithmId, implementation: ImplementationName): Promise<HasherFactory> {
  let factory: HasherFactory | undefined;
  try {
    factory = await LOADERS[implementation](id);
  } catch (err) {
    throw new Error(`failed to load: ${(err as Error).message}`);
  }
  if (!factory) throw new Error('not available in this runtime');
  const h = await factory();
  h.update(ABC);
  const got = toHex(h.digest());
  if (got !== algorithmInfo(id).abc) throw new Error(`wrong known answer for "abc": ${got}`);
  return factory;
}

const chosen = new Map<AlgorithmId, Promise<ChosenImplementation>>();
const preferred = new Map<AlgorithmId, readonly ImplementationName[]>();

/**
 * Orders measured on this machine (calibration) in place of the table's. Only the candidates the
 * table lists are taken, and an algorithm whose order changes is chosen again.
 */
export function setPreferences(preferences: Partial<Record<AlgorithmId, readonly ImplementationName[]>>): void {
  for (const [id, order] of Object.entries(preferences) as [AlgorithmId, readonly ImplementationName[]][]) {
    const listed = algorithmInfo(id).implementations;
    const valid = [...order.filter((i) => listed.includes(i)), ...listed.filter((i) => !order.includes(i))];
    if (valid.join() === (preferred.get(id) ?? listed).join()) continue;
    preferred.set(id, valid);
    chosen.delete(id);
  }
}

/** The order candidates are tried in for an algorithm in this thread. */
export function implementationOrder(id: AlgorithmId): readonly ImplementationName[] {
  return preferred.get(id) ?? algorithmInfo(id).implementations;
}

/**
 * The implementation the engine uses for an algorithm in this runtime: the first in the measured
 * order (calibration's, else the table's) that loads and gives the known answer. Only that
 * algorithm's candidates are loaded, once per thread.
 */
export function chooseImplementation(id: AlgorithmId): Promise<ChosenImplementation> {
  let pick = chosen.get(id);
  if (!pick) {
    pick = (async () => {
      const skipped: ChosenImplementation['skipped'] = [];
      for (const implementation of implementationOrder(id)) {
        try {
          const create = await loadImplementation(id, implementation);
          return { id, implementation, create, skipped };
        } catch (err) {
          skipped.push({ implementation, reason: (err as Error).message });
        }
      }
      throw new Error(
        `no working implementation of ${algorithmInfo(id).label}: ${skipped.map((s) => `${s.implementation} ${s.reason}`).join('; ')}`,
      );
    })();
    chosen.set(id, pick);
  }
  return pick;
}
