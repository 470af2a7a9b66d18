import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64Any, toOutSystems } from '../encodings.js';
import * as mi from './moduleinfo.js';
import type { ModuleInfo } from './moduleinfo.js';

import type { ParseProblem, ParseResult } from './parse-result.js';

const EXAMPLE = readFileSync(new URL('./fixtures/moduleinfo-example.json', import.meta.url), 'utf8');

function ok<T>(r: ParseResult<T>): { value: T; warnings: ParseProblem[] } {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r;
}

function err<T>(r: ParseResult<T>): ParseProblem {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

/** The example with `edit` applied to its parsed JSON. */
type Obj = Record<string, unknown>;
type Edit = (doc: Obj, manifest: Obj, data: Obj) => void;

function variant(edit: Edit): string {
  const doc = JSON.parse(EXAMPLE) as Obj;
  edit(doc, doc.manifest as Obj, doc.data as Obj);
  return JSON.stringify(doc, null, 2);
}

/** A minimal valid moduleinfo with these urlVersions. */
const withVersions = (urlVersions: unknown): string =>
  JSON.stringify({ manifest: { versionToken: 'tok', urlVersions, urlMappings: {}, urlMappingsNoCache: {} }, data: { modules: {} } });

describe('mi.parseModuleInfo: the example moduleinfo', () => {
  const { value, warnings } = ok(mi.parseModuleInfo(EXAMPLE));

  it('reads the manifest fields and the module name', () => {
    expect(warnings).toEqual([]);
    expect(value.versionToken).toBe('49NNIDchMt9XlrZrEO_H4A');
    expect(value.versionSequence).toBe(12);
    expect(value.cdnUrlVersioning).toBeUndefined();
    expect(value.moduleName).toBe('Swayyy');
    expect(value.leadingJunk).toBe(0);
  });

  it('lists every resource in document order, URL = key + value', () => {
    expect(value.resources.map((r) => r.path)).toEqual([
      '/Swayyy/index.html',
      '/Swayyy/_error.html',
      '/Swayyy/scripts/OutSystems.js',
      '/Swayyy/scripts/OutSystemsManifestLoader.js',
      '/Swayyy/scripts/Debugger.js',
      '/Swayyy/scripts/Swayyy.MainFlow.HomeScreen.mvc.js',
      '/Swayyy/css/Swayyy.Swayyy.css',
      '/Swayyy/img/Swayyy.Logo.png',
    ]);
    expect(value.resources[0]).toEqual({
      path: '/Swayyy/index.html',
      expected: 'VK+uxZBPgSEt3QyA_9zPxg',
      url: '/Swayyy/index.html?VK+uxZBPgSEt3QyA_9zPxg',
      versionTokenFile: true,
    });
    expect(value.resources[2]).toEqual({
      path: '/Swayyy/scripts/OutSystems.js',
      expected: 'eq9LGmzdgJbMq6dbNoVMvQ',
      url: '/Swayyy/scripts/OutSystems.js?eq9LGmzdgJbMq6dbNoVMvQ',
      versionTokenFile: false,
    });
  });

  it('keeps the mappings and the whole JSON', () => {
    expect(value.urlMappings['/Swayyy/HomeScreen']).toBe('/Swayyy/index.html');
    expect(value.urlMappings['/Swayyy/moduleservices/moduleinfo?cached']).toBe('/Swayyy/moduleservices/moduleinfo?49NNIDchMt9XlrZrEO_H4A');
    expect(Object.keys(value.urlMappings)).toHaveLength(4);
    expect(value.urlMappingsNoCache).toEqual({});
    const raw = value.raw as { data: { applicationDefaultTimeout: number; entityModuleNames: unknown[] } };
    expect(raw.data.applicationDefaultTimeout).toBe(10);
    expect(raw.data.entityModuleNames).toEqual([]);
  });
});

describe('mi.parseModuleInfo: leading junk, as the runtime tolerates it', () => {
  it('skips a UTF-8 BOM and counts it', () => {
    const v = ok(mi.parseModuleInfo(`\uFEFF${EXAMPLE}`)).value;
    expect(v.leadingJunk).toBe(1);
    expect(v.versionToken).toBe('49NNIDchMt9XlrZrEO_H4A');
  });

  it("skips an anti-XSSI prefix )]}'", () => {
    expect(ok(mi.parseModuleInfo(`)]}'\n${EXAMPLE}`)).value.leadingJunk).toBe(5);
  });
});

describe('mi.parseModuleInfo: the runtime validation, one field at a time', () => {
  const cases: [string, Edit, string, string][] = [
    ['manifest missing', (j) => delete j.manifest, 'missing or invalid field manifest: expected an object, found nothing', '$.manifest'],
    ['manifest an array', (j) => (j.manifest = []), 'missing or invalid field manifest: expected an object, found an array', '$.manifest'],
    [
      'versionToken a number',
      (_j, m) => (m.versionToken = 42),
      'missing or invalid field manifest.versionToken: expected a non-empty string, found number',
      '$.manifest.versionToken',
    ],
    [
      'versionToken empty',
      (_j, m) => (m.versionToken = ''),
      'missing or invalid field manifest.versionToken: expected a non-empty string, found an empty string',
      '$.manifest.versionToken',
    ],
    [
      'urlVersions missing',
      (_j, m) => delete m.urlVersions,
      'missing or invalid field manifest.urlVersions: expected an object, found nothing',
      '$.manifest.urlVersions',
    ],
    [
      'urlMappings null',
      (_j, m) => (m.urlMappings = null),
      'missing or invalid field manifest.urlMappings: expected an object, found null',
      '$.manifest.urlMappings',
    ],
    [
      'urlMappingsNoCache a string',
      (_j, m) => (m.urlMappingsNoCache = 'x'),
      'missing or invalid field manifest.urlMappingsNoCache: expected an object, found string',
      '$.manifest.urlMappingsNoCache',
    ],
    ['data missing', (j) => delete j.data, 'missing or invalid field data: expected an object, found nothing', '$.data'],
    [
      'data.modules an array',
      (_j, _m, d) => (d.modules = []),
      'missing or invalid field data.modules: expected an object, found an array',
      '$.data.modules',
    ],
  ];
  it.each(cases)('%s', (_name, edit, message, jsonPath) => {
    expect(err(mi.parseModuleInfo(variant(edit)))).toEqual({ message, jsonPath });
  });
});

describe('mi.parseModuleInfo: malformed JSON gives line and column', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds an unexpected token (Node 20 gives no position for it)', () => {
    const e = err(mi.parseModuleInfo('{\n  "manifest": {\n    "versionToken": ,\n'));
    expect(e.message).toMatch(/^malformed JSON: /);
    expect({ line: e.line, column: e.column }).toEqual({ line: 3, column: 21 });
  });

  it('counts the skipped junk in the position', () => {
    const e = err(mi.parseModuleInfo(')]}\'\n{\n "a": tru }'));
    expect({ line: e.line, column: e.column }).toEqual({ line: 3, column: 10 });
  });

  it('points at the end for truncated text', () => {
    const e = err(mi.parseModuleInfo('{"manifest": {'));
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: 15 });
  });

  it('reports text after the object', () => {
    const e = err(mi.parseModuleInfo('{"a":1}\r\n<html>'));
    expect({ line: e.line, column: e.column }).toEqual({ line: 2, column: 1 });
  });

  it('uses "at position N" from the engine message', () => {
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new SyntaxError('Unexpected token } in JSON at position 4');
    });
    const e = err(mi.parseModuleInfo('xx{\n  }'));
    expect(e).toEqual({ message: 'malformed JSON: Unexpected token }', line: 2, column: 3 });
  });

  it('uses "(line L column C)" from newer engines', () => {
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new SyntaxError('Unexpected token \'}\', "{\n  }" is not valid JSON (line 2 column 3)');
    });
    const e = err(mi.parseModuleInfo('xx{\n  }'));
    expect({ line: e.line, column: e.column }).toEqual({ line: 2, column: 3 });
    expect(e.message).not.toMatch(/line 2 column 3/);
  });

  it("says so when there is no '{' at all, or no text", () => {
    expect(err(mi.parseModuleInfo('<html>Service Unavailable</html>')).message).toBe("no JSON object found: the text contains no '{'");
    expect(err(mi.parseModuleInfo('  \n')).message).toBe('the text is empty: expected a JSON object');
  });
});

describe('mi.parseModuleInfo: urlVersions entries', () => {
  it("warns and skips values that are not strings starting with '?'", () => {
    const { value, warnings } = ok(
      mi.parseModuleInfo(
        withVersions({ '/MyApp/a.js': 'Ux+rVJ8uHJtnxJ4yVjYV_A', '/MyApp/b.js': 7, '/MyApp/c.js': '?eZeyznlO_xx2+8Xt0B1UNg' }),
      ),
    );
    expect(value.resources.map((r) => r.path)).toEqual(['/MyApp/c.js']);
    expect(warnings.map((w) => w.jsonPath)).toEqual(['$.manifest.urlVersions["/MyApp/a.js"]', '$.manifest.urlVersions["/MyApp/b.js"]']);
    expect(warnings[0]!.message).toContain('"Ux+rVJ8uHJtnxJ4yVjYV_A"');
    expect(value.moduleName).toBe('MyApp');
  });

  it('keeps hashes of another shape, with a warning', () => {
    const { value, warnings } = ok(mi.parseModuleInfo(withVersions({ '/MyApp/a.js': '?d41d8cd98f00b204e9800998ecf8427e' })));
    expect(value.resources[0]).toMatchObject({
      expected: 'd41d8cd98f00b204e9800998ecf8427e',
      url: '/MyApp/a.js?d41d8cd98f00b204e9800998ecf8427e',
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.jsonPath).toBe('$.manifest.urlVersions["/MyApp/a.js"]');
  });

  it('accepts the OutSystems form: 22 characters that decode to an MD5', () => {
    // The shape check rests on this round trip through the shared encoders.
    expect(fromBase64Any('Ux+rVJ8uHJtnxJ4yVjYV_A')?.length).toBe(16);
    expect(toOutSystems(fromBase64Any('Ux+rVJ8uHJtnxJ4yVjYV_A')!)).toBe('Ux+rVJ8uHJtnxJ4yVjYV_A');
    expect(ok(mi.parseModuleInfo(withVersions({ '/MyApp/a.js': '?Ux+rVJ8uHJtnxJ4yVjYV_A' }))).warnings).toEqual([]);
  });

  it('warns that the device rejects an empty resource list', () => {
    const { value, warnings } = ok(mi.parseModuleInfo(withVersions({})));
    expect(value.resources).toEqual([]);
    expect(value.moduleName).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/^no resources listed/);
    expect(warnings[0]!.jsonPath).toBe('$.manifest.urlVersions');
  });

  it('has no module name when resources span two modules', () => {
    const v = ok(mi.parseModuleInfo(withVersions({ '/A/x.js': '?Ux+rVJ8uHJtnxJ4yVjYV_A', '/B/y.js': '?eZeyznlO_xx2+8Xt0B1UNg' }))).value;
    expect(v.moduleName).toBeUndefined();
  });
});

describe('mi.parseModuleInfo: optional fields', () => {
  const parse = (edit: Edit): ModuleInfo => ok(mi.parseModuleInfo(variant(edit))).value;

  it('keeps versionSequence only when it is a finite number', () => {
    expect(parse((_j, m) => (m.versionSequence = '12')).versionSequence).toBeUndefined();
    expect(
      ok(mi.parseModuleInfo(EXAMPLE.replace('"versionSequence": 12', '"versionSequence": 1e999'))).value.versionSequence,
    ).toBeUndefined();
    expect(parse((_j, m) => (m.versionSequence = 0)).versionSequence).toBe(0);
  });

  it('keeps cdnUrlVersioning when boolean', () => {
    expect(parse((_j, m) => (m.cdnUrlVersioning = true)).cdnUrlVersioning).toBe(true);
  });

  it('leaves out mappings that are not strings, with a warning', () => {
    const r = ok(mi.parseModuleInfo(variant((_j, m) => ((m.urlMappings as Obj)['/Swayyy/X'] = 1))));
    expect(r.value.urlMappings['/Swayyy/X']).toBeUndefined();
    expect(r.warnings.map((w) => w.jsonPath)).toEqual(['$.manifest.urlMappings["/Swayyy/X"]']);
  });
});

describe('mi.parseModuleVersionInfo', () => {
  it('reads the token and isAutoUpgradeDisabled', () => {
    expect(ok(mi.parseModuleVersionInfo('{"versionToken": "tok_unit_test"}')).value).toEqual({ versionToken: 'tok_unit_test' });
    expect(ok(mi.parseModuleVersionInfo('\uFEFF{"versionToken":"49NNIDchMt9XlrZrEO_H4A","isAutoUpgradeDisabled":true}')).value).toEqual({
      versionToken: '49NNIDchMt9XlrZrEO_H4A',
      isAutoUpgradeDisabled: true,
    });
  });

  it('warns about a non-boolean isAutoUpgradeDisabled', () => {
    const r = ok(mi.parseModuleVersionInfo('{"versionToken":"t","isAutoUpgradeDisabled":"yes"}'));
    expect(r.value).toEqual({ versionToken: 't' });
    expect(r.warnings.map((w) => w.jsonPath)).toEqual(['$.isAutoUpgradeDisabled']);
  });

  it('rejects a missing token and malformed JSON', () => {
    expect(err(mi.parseModuleVersionInfo('{"token":"t"}'))).toEqual({
      message: 'missing or invalid field versionToken: expected a non-empty string, found nothing',
      jsonPath: '$.versionToken',
    });
    expect(err(mi.parseModuleVersionInfo('{"versionToken":}')).column).toBe(17);
  });
});

describe('version-token files', () => {
  it.each([
    ['/MyApp/index.html', true],
    ['/Other/index.html?VK+uxZBPgSEt3QyA_9zPxg', true],
    ['/MyApp/moduleservices/moduleinfo', true],
    ['https://host.example.com/MyApp/moduleservices/moduleinfo?49NNIDchMt9XlrZrEO_H4A', true],
    ['/MyApp/manifest.json', true],
    ['/MyApp/scripts/OutSystems.js', false],
    ['/MyApp/scripts/index.html.js', false],
    ['/MyApp/moduleservices/moduleversioninfo', false],
    ['/MyApp/scripts/app.js?x=index.html', false],
  ])('mi.isVersionTokenFile(%s) = %s', (path, expected) => {
    expect(mi.isVersionTokenFile(path)).toBe(expected);
  });

  it('finds the index version token in any spacing and quote style', () => {
    expect(
      mi.findVersionToken('<script type="text/javascript">OSManifestLoader.indexVersionToken = "VK+uxZBPgSEt3QyA_9zPxg";</script>'),
    ).toBe('VK+uxZBPgSEt3QyA_9zPxg');
    expect(mi.findVersionToken("OSManifestLoader.indexVersionToken='abc_123'")).toBe('abc_123');
  });

  it('finds the JSON versionToken with any whitespace, first match wins', () => {
    expect(mi.findVersionToken('{"manifest":{"versionToken" :\n "49NNIDchMt9XlrZrEO_H4A","x":{"versionToken":"other"}}}')).toBe(
      '49NNIDchMt9XlrZrEO_H4A',
    );
    expect(mi.findVersionToken('<html>no token</html>')).toBeUndefined();
  });
});

describe('endpoint URLs', () => {
  it('builds moduleinfo and moduleversioninfo URLs without a query', () => {
    expect(mi.moduleInfoUrl('https://host.example.com/MyApp')).toBe('https://host.example.com/MyApp/moduleservices/moduleinfo');
    expect(mi.moduleInfoUrl('https://host.example.com/MyApp/?x=1#top')).toBe('https://host.example.com/MyApp/moduleservices/moduleinfo');
    expect(mi.moduleVersionInfoUrl('https://host.example.com/MyApp/')).toBe(
      'https://host.example.com/MyApp/moduleservices/moduleversioninfo',
    );
  });

  it('takes the module name from the first path segment', () => {
    expect(mi.moduleNameFromAppUrl('https://host.example.com/MyApp/HomeScreen?x=1')).toBe('MyApp');
    expect(mi.moduleNameFromAppUrl('host.example.com/MyApp')).toBe('MyApp');
    expect(mi.moduleNameFromAppUrl('/MyApp/')).toBe('MyApp');
    expect(mi.moduleNameFromAppUrl('https://host.example.com/')).toBeUndefined();
  });
});
