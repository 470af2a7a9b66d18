// Parses the OTA manifest an OutSystems 11 mobile app downloads (`moduleservices/moduleinfo`) and the
// version check (`moduleservices/moduleversioninfo`), validating like the runtime's validateApplicationInfo
// so the workbench rejects exactly what the device would. Pure: no I/O, runs in the renderer too.
import { clipMiddle } from '../clip.js';
import { fromBase64Any } from '../encodings.js';
import type { ParseProblem, ParseResult } from './parse-result.js';

export interface ModuleResource {
  /** The moduleinfo key, e.g. `/MyApp/scripts/A.js`. */
  path: string;
  /** The hash without its leading '?'. */
  expected: string;
  /** path + '?' + expected: exactly the URL the device asks for. */
  url: string;
  /** index.html, moduleinfo, manifest.json: checked by the token they carry, not by MD5. */
  versionTokenFile: boolean;
}

export interface ModuleInfo {
  versionToken: string;
  versionSequence?: number;
  cdnUrlVersioning?: boolean;
  /** First path segment common to the resources, e.g. 'MyApp'. */
  moduleName?: string;
  /** From manifest.urlVersions, in document order. */
  resources: ModuleResource[];
  urlMappings: Record<string, string>;
  urlMappingsNoCache: Record<string, string>;
  /** The whole parsed JSON, unknown fields kept. */
  raw: unknown;
  /** Characters skipped before the first '{' (the runtime tolerates them). */
  leadingJunk: number;
}

/** The device's hash: MD5 in Base64 with '/' as '_' and no '=' (22 characters). */
const OS_HASH = /^[A-Za-z0-9+_]{22}$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function describeType(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === '') return 'an empty string';
  return typeof v;
}

/** JSON path of a key: dotted when it is a plain name, bracketed otherwise (moduleinfo keys are URL paths). */
function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** 1-based line and column of a UTF-16 offset; CRLF, LF and a lone CR each end a line. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** Inverse of lineColumn inside `text`, for engines that report "(line L column C)". */
function offsetOf(text: string, line: number, column: number): number {
  let l = 1;
  let i = 0;
  while (l < line && i < text.length) {
    const c = text.charCodeAt(i);
    i++;
    if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) l++;
  }
  return Math.min(i + column - 1, text.length);
}

/**
 * Offset of the first JSON syntax error, for engines whose message gives no position
 * (Node 20 says only `Unexpected token ',', "…" is not valid JSON`). Text.length when it ends early.
 */
function locateJsonError(s: string): number {
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (s[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= s.length) fail();
      const c = s.charCodeAt(i);
      if (c === 34) return void i++;
      if (c < 0x20) fail();
      if (c === 92) {
        i++;
        const e = s[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(s[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
  };
  const digits = () => {
    const from = i;
    while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
    if (i === from) fail();
  };
  const number = () => {
    if (s[i] === '-') i++;
    if (s[i] === '0') i++;
    else digits();
    if (s[i] === '.') {
      i++;
      digits();
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail();
        string();
        ws();
        if (s[i] !== ':') fail();
        i++;
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    value();
    ws();
    return i < s.length ? i : s.length;
  } catch (at) {
    return typeof at === 'number' ? at : s.length;
  }
}

interface ParsedJson {
  json: unknown;
  leadingJunk: number;
}

/** Parses from the first '{' as the runtime does (`substring(indexOf("{"))`). */
function parseJsonFromBrace(text: string): ParseResult<ParsedJson> {
  const leadingJunk = text.indexOf('{');
  if (leadingJunk < 0) {
    const message = text.trim() === '' ? 'the text is empty: expected a JSON object' : "no JSON object found: the text contains no '{'";
    return { ok: false, error: { message } };
  }
  const body = text.slice(leadingJunk);
  try {
    return { ok: true, value: { json: JSON.parse(body) as unknown, leadingJunk }, warnings: [] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    let offset: number;
    const lc = /\(line (\d+) column (\d+)\)/.exec(msg);
    const pos = /at position (\d+)/.exec(msg);
    if (lc) offset = offsetOf(body, Number(lc[1]), Number(lc[2]));
    else if (pos) offset = Number(pos[1]);
    else offset = locateJsonError(body);
    const reason = msg
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s*in JSON at position \d+/, '')
      .replace(/\s*at position \d+/, '');
    const where = lineColumn(text, leadingJunk + offset);
    return { ok: false, error: { message: `malformed JSON: ${reason}`, ...where } };
  }
}

function invalid(field: string, expected: string, found: unknown): ParseProblem {
  return {
    message: `missing or invalid field ${field}: expected ${expected}, found ${describeType(found)}`,
    jsonPath: `$.${field}`,
  };
}

/** The string-valued entries of a mapping; anything else is reported and left out. */
function stringMap(obj: Json, jsonPath: string, warnings: ParseProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[k] = v;
    else
      warnings.push({
        message: `mapping for "${k}" skipped: expected a string, found ${describeType(v)}`,
        jsonPath: childPath(jsonPath, k),
      });
  }
  return out;
}

export function parseModuleInfo(text: string): ParseResult<ModuleInfo> {
  const parsed = parseJsonFromBrace(text);
  if (!parsed.ok) return parsed;
  const { json, leadingJunk } = parsed.value;
  if (!isObject(json)) return { ok: false, error: { message: `expected a JSON object, found ${describeType(json)}`, jsonPath: '$' } };

  // Same order as validateApplicationInfo, so the first problem named is the one the device reports.
  const manifest = json.manifest;
  if (!isObject(manifest)) return { ok: false, error: invalid('manifest', 'an object', manifest) };
  const versionToken = manifest.versionToken;
  if (typeof versionToken !== 'string' || versionToken === '') {
    return { ok: false, error: invalid('manifest.versionToken', 'a non-empty string', versionToken) };
  }
  for (const f of ['urlVersions', 'urlMappings', 'urlMappingsNoCache'] as const) {
    if (!isObject(manifest[f])) return { ok: false, error: invalid(`manifest.${f}`, 'an object', manifest[f]) };
  }
  const data = json.data;
  if (!isObject(data)) return { ok: false, error: invalid('data', 'an object', data) };
  if (!isObject(data.modules)) return { ok: false, error: invalid('data.modules', 'an object', data.modules) };

  const warnings: ParseProblem[] = [];
  const resources: ModuleResource[] = [];
  for (const [path, v] of Object.entries(manifest.urlVersions as Json)) {
    const jsonPath = childPath('$.manifest.urlVersions', path);
    if (typeof v !== 'string' || !v.startsWith('?')) {
      const found = typeof v === 'string' ? JSON.stringify(v) : describeType(v);
      warnings.push({
        message: `resource ${clipMiddle(JSON.stringify(path))} skipped: its version must be a string starting with '?', found ${found}`,
        jsonPath,
      });
      continue;
    }
    const expected = v.slice(1);
    // Other shapes are kept: the device compares strings and does not check the form.
    if (!OS_HASH.test(expected) || fromBase64Any(expected)?.length !== 16) {
      warnings.push({
        message: `resource ${clipMiddle(JSON.stringify(path))}: hash ${clipMiddle(JSON.stringify(expected))} is not the usual 22-character MD5 form`,
        jsonPath,
      });
    }
    resources.push({ path, expected, url: path + v, versionTokenFile: isVersionTokenFile(path) });
  }
  if (resources.length === 0) {
    warnings.push({
      message: 'no resources listed: the device rejects this manifest ("resource list and url mappings dictionary are not valid")',
      jsonPath: '$.manifest.urlVersions',
    });
  }

  const info: ModuleInfo = {
    versionToken,
    resources,
    urlMappings: stringMap(manifest.urlMappings as Json, '$.manifest.urlMappings', warnings),
    urlMappingsNoCache: stringMap(manifest.urlMappingsNoCache as Json, '$.manifest.urlMappingsNoCache', warnings),
    raw: json,
    leadingJunk,
  };
  const seq = manifest.versionSequence;
  if (typeof seq === 'number' && Number.isFinite(seq)) info.versionSequence = seq;
  if (typeof manifest.cdnUrlVersioning === 'boolean') info.cdnUrlVersioning = manifest.cdnUrlVersioning;
  const moduleName = commonFirstSegment(resources.map((r) => r.path));
  if (moduleName !== undefined) info.moduleName = moduleName;
  return { ok: true, value: info, warnings };
}

function commonFirstSegment(paths: string[]): string | undefined {
  let name: string | undefined;
  for (const p of paths) {
    const seg = /^\/([^/?#]+)\//.exec(p)?.[1];
    if (seg === undefined || (name !== undefined && seg !== name)) return undefined;
    name = seg;
  }
  return name;
}

export function parseModuleVersionInfo(text: string): ParseResult<{ versionToken: string; isAutoUpgradeDisabled?: boolean }> {
  const parsed = parseJsonFromBrace(text);
  if (!parsed.ok) return parsed;
  const { json } = parsed.value;
  if (!isObject(json)) return { ok: false, error: { message: `expected a JSON object, found ${describeType(json)}`, jsonPath: '$' } };
  const versionToken = json.versionToken;
  if (typeof versionToken !== 'string' || versionToken === '') {
    return { ok: false, error: invalid('versionToken', 'a non-empty string', versionToken) };
  }
  const warnings: ParseProblem[] = [];
  const value: { versionToken: string; isAutoUpgradeDisabled?: boolean } = { versionToken };
  const auto = json.isAutoUpgradeDisabled;
  if (typeof auto === 'boolean') value.isAutoUpgradeDisabled = auto;
  else if (auto !== undefined) {
    warnings.push({
      message: `isAutoUpgradeDisabled ignored: expected true or false, found ${describeType(auto)}`,
      jsonPath: '$.isAutoUpgradeDisabled',
    });
  }
  return { ok: true, value, warnings };
}

/** The path part of a moduleinfo key, URL path or full URL: no scheme/host, no query, no fragment. */
function urlPath(path: string): string {
  return path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
}

/**
 * Files the device accepts by the version token in their text rather than by MD5 (iOS matches them by URL):
 * any index.html, `/<Module>/moduleservices/moduleinfo` and manifest.json.
 */
export function isVersionTokenFile(path: string): boolean {
  const p = urlPath(path);
  return /(^|\/)index\.html$/.test(p) || /(^|\/)manifest\.json$/.test(p) || /(^|\/)moduleservices\/moduleinfo$/.test(p);
}

/** The token a version-token file carries, as the device's regex finds it; the first in the text. */
export function findVersionToken(bodyText: string): string | undefined {
  const re = /OSManifestLoader\.indexVersionToken\s*=\s*(["'`])([^"'`\r\n]+)\1|"versionToken"\s*:\s*"([^"\r\n]+)"/;
  const m = re.exec(bodyText);
  return m ? (m[2] ?? m[3]) : undefined;
}

function appBase(appUrl: string): string {
  const base = appUrl.trim().replace(/[?#].*$/s, '');
  return base.endsWith('/') ? base : `${base}/`;
}

export function moduleInfoUrl(appUrl: string): string {
  return `${appBase(appUrl)}moduleservices/moduleinfo`;
}

export function moduleVersionInfoUrl(appUrl: string): string {
  return `${appBase(appUrl)}moduleservices/moduleversioninfo`;
}

/** The module as the runtime finds its base path: the first segment of the URL's path. */
export function moduleNameFromAppUrl(appUrl: string): string | undefined {
  const url = appUrl.trim();
  const segments = urlPath(url)
    .split('/')
    .filter((s) => s !== '');
  // "host.example.com/MyApp" pasted without a scheme: the first segment is the host.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('/') && /[.:]/.test(segments[0] ?? '')) segments.shift();
  return segments[0];
}
