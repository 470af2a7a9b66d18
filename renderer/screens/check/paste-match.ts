// A pasted hash against a card's digests: the paste is parsed (main/common/paste.ts) and each
// reading's bytes compared, as hex, with the digests main computed. Comparing, never hashing.
import { ALGORITHMS, type AlgorithmId } from '../../../main/common/algorithms.js';
import { toHex, type Encoding } from '../../../main/common/encodings.js';
import type { FileHashResult } from '../../../main/common/hash-types.js';
import { describeCandidates, parsePasted, type PasteRole } from '../../../main/common/paste.js';

export interface PasteMatch {
  path: string;
  algorithm: AlgorithmId;
  encoding: Encoding;
  role: PasteRole;
}

export type PasteOutcome =
  | { kind: 'empty' }
  | { kind: 'problem'; problem: string }
  | { kind: 'match'; matches: PasteMatch[] }
  /** `missing`: algorithms the paste can be that this card did not compute, in table order. */
  | { kind: 'none'; tried: string; missing: AlgorithmId[] };

export function matchPaste(text: string, files: readonly FileHashResult[]): PasteOutcome {
  if (text.trim() === '') return { kind: 'empty' };
  const parsed = parsePasted(text);
  if (parsed.candidates.length === 0) return { kind: 'problem', problem: parsed.problem ?? parsed.form };

  const matches: PasteMatch[] = [];
  for (const file of files) {
    for (const c of parsed.candidates) {
      const hex = file.digests?.[c.algorithm];
      if (hex === undefined || hex.toLowerCase() !== toHex(c.digest)) continue;
      // One reading per file and algorithm: a log line's two equal values are one match.
      if (matches.some((m) => m.path === file.path && m.algorithm === c.algorithm)) continue;
      matches.push({ path: file.path, algorithm: c.algorithm, encoding: c.encoding, role: c.role });
    }
  }
  if (matches.length > 0) return { kind: 'match', matches };

  const computed = new Set(files.flatMap((f) => Object.keys(f.digests ?? {})));
  const possible = new Set(parsed.candidates.map((c) => c.algorithm));
  const missing = ALGORITHMS.map((a) => a.id).filter((id) => possible.has(id) && !computed.has(id));
  return { kind: 'none', tried: describeCandidates(parsed.candidates), missing };
}

/** The algorithms matched in one file, to mark its rows. */
export function matchedIn(outcome: PasteOutcome, path: string): ReadonlySet<AlgorithmId> {
  return new Set(outcome.kind === 'match' ? outcome.matches.filter((m) => m.path === path).map((m) => m.algorithm) : []);
}
