// A pasted hash against a card's digests: the paste is parsed (main/common/paste.ts) and each
// reading's bytes compared, as hex, with the digests main computed. Comparing, never hashing.
import { ALGORITHMS, type AlgorithmId } from '../../../main/common/algorithms.js';
import { encodeDigest, toHex, type Encoding } from '../../../main/common/encodings.js';
import type { FileHashResult } from '../../../main/common/hash-types.js';
import { describeCandidates, parsePasted, type PasteRole } from '../../../main/common/paste.js';
import { fileName } from '../../format.js';

export interface PasteMatch {
  path: string;
  algorithm: AlgorithmId;
  encoding: Encoding;
  role: PasteRole;
  /** The matched digest written the way it was pasted (the OutSystems form for a log line). */
  value: string;
}

export type PasteOutcome =
  | { kind: 'empty' }
  | { kind: 'problem'; problem: string }
  /** `named`: the file name the pasted line gives, when no file of that name matched. */
  | { kind: 'match'; matches: PasteMatch[]; named?: string }
  /** `missing`: algorithms the paste can be that this card did not compute, in table order. */
  | { kind: 'none'; tried: string; missing: AlgorithmId[]; named?: string };

export function matchPaste(text: string, files: readonly FileHashResult[]): PasteOutcome {
  if (text.trim() === '') return { kind: 'empty' };
  const parsed = parsePasted(text);
  if (parsed.candidates.length === 0) return { kind: 'problem', problem: parsed.problem ?? parsed.form };
  const readings = parsed.candidates.map((c) => ({ ...c, hex: toHex(c.digest) }));

  const matches: PasteMatch[] = [];
  for (const file of files) {
    if (!file.digests) continue;
    for (const c of readings) {
      const hex = file.digests[c.algorithm];
      if (hex === undefined || hex.toLowerCase() !== c.hex) continue;
      // One reading per file and algorithm: a log line's two equal values are one match.
      if (matches.some((m) => m.path === file.path && m.algorithm === c.algorithm)) continue;
      matches.push({
        path: file.path,
        algorithm: c.algorithm,
        encoding: c.encoding,
        role: c.role,
        value: encodeDigest(c.digest, c.encoding),
      });
    }
  }
  // A checksum line names its file: say so when the bytes belong to another one (or to none here).
  const names = parsed.candidates.map((c) => c.name ?? parsed.name).filter((n): n is string => n !== undefined);
  const named = [...new Set(names.map((n) => fileName(n.replace(/[?#].*$/, ''))))].find(
    (n) => !matches.some((m) => fileName(m.path) === n),
  );
  if (matches.length > 0) return named === undefined ? { kind: 'match', matches } : { kind: 'match', matches, named };

  const computed = new Set(files.flatMap((f) => Object.keys(f.digests ?? {})));
  const possible = new Set(parsed.candidates.map((c) => c.algorithm));
  const missing = ALGORITHMS.map((a) => a.id).filter((id) => possible.has(id) && !computed.has(id));
  const none = { kind: 'none' as const, tried: describeCandidates(parsed.candidates), missing };
  return named === undefined ? none : { ...none, named };
}

/** The algorithms matched in one file, to mark its rows. */
export function matchedIn(outcome: PasteOutcome, path: string): ReadonlySet<AlgorithmId> {
  return new Set(outcome.kind === 'match' ? outcome.matches.filter((m) => m.path === path).map((m) => m.algorithm) : []);
}
