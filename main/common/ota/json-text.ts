// Where things are in a JSON text: the line and column of an offset, the offset of the first syntax error
// (for engines whose JSON.parse message gives none) and where wanted values start, for precise warnings.
import type { ParseProblem } from './parse-result.js';

/** Offset → 1-based line and column; the line starts are found once, so many warnings stay cheap. */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const at = Math.min(offset, text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  };
}

class Stop {
  constructor(readonly at: number) {}
}

/**
 * A minimal JSON walker: finds the offset of the first syntax error (for engines whose message gives none)
 * and records where wanted values start. It only reads; JSON.parse still builds the value.
 */
export function walkJson(text: string, want?: (path: string) => boolean): { errorAt?: number; found: Map<string, number> } {
  const found = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /[ \t\n\r]/.test(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new Stop(i);
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            fail();
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail();
        }
      } else i++;
    }
  };
  const keyText = (start: number) => {
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const value = (path: string, depth: number) => {
    if (depth > 512) fail();
    ws();
    if (want?.(path)) found.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const start = i;
        string();
        const key = keyText(start);
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') return string();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    fail();
  };
  try {
    value('$', 0);
    ws();
    if (i < text.length) fail();
    return { found };
  } catch (e) {
    if (e instanceof Stop) return { errorAt: e.at, found };
    return { found }; // Too deep for the stack: no place to report.
  }
}

/**
 * Turns a JSON.parse error into a problem with a line and column. V8 says "… in JSON at position N" (Node 20),
 * newer ones add "(line L column C)", and some messages carry no place at all: then the walker finds it.
 * Exported for tests, which cannot make Node 20 produce the newer message.
 */
export function jsonSyntaxProblem(text: string, message: string): ParseProblem {
  let clean = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s+in JSON at position \d+/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  clean = clean.trim() || 'invalid JSON';
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) return { message: `Not JSON: ${clean}`, line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  let offset: number | undefined = pos ? Number(pos[1]) : undefined;
  if (offset === undefined && /end of JSON input/i.test(message)) offset = text.length;
  offset ??= walkJson(text).errorAt;
  if (offset === undefined) return { message: `Not JSON: ${clean}` };
  return { message: `Not JSON: ${clean}`, ...lineLocator(text)(offset) };
}
