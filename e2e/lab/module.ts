// A published OutSystems mobile module as the lab serves it: the files of the Running folder plus the
// moduleinfo that lists their hashes, in the format the runtime reads (OutSystems.js, OSManifestParser.m).
// Everything is deterministic so tests can compare exact bytes and hashes between runs.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ModuleVersion {
  name: string;
  versionToken: string;
  versionSequence: number;
  /** key = path under the module, e.g. 'scripts/MyApp.controller.js', 'index.html' */
  files: Record<string, Uint8Array>;
  moduleinfo: Record<string, unknown>;
  moduleinfoText: string;
}

/** The OutSystems form of MD5: standard Base64 with '/' → '_' and no '=' padding (22 chars). */
export function osHash(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('base64').replace(/\//g, '_').replace(/=+$/, '');
}

export const TOKEN_PLACEHOLDER = '{{TOKEN}}';

/** Files the device accepts by embedded version token instead of by MD5 (OSCacheResources.m, CacheResources.java). */
export const TOKEN_FILES: readonly string[] = ['index.html', 'manifest.json'];

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** A stable UUID-shaped module key, like the keys of data.modules. */
function moduleKey(name: string): string {
  const h = createHash('md5').update(`module:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function makeModule(
  name: string,
  versionSequence: number,
  files: Record<string, string | Uint8Array>,
  options?: { versionToken?: string },
): ModuleVersion {
  const versionToken = options?.versionToken ?? osHash(`${name}@${versionSequence}`);
  const out: Record<string, Uint8Array> = {};
  const urlVersions: Record<string, string> = {};
  for (const [path, content] of Object.entries(files)) {
    const text = !TOKEN_FILES.includes(path) ? undefined : typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    if (text?.includes(TOKEN_PLACEHOLDER)) {
      // The page carries its own token; the moduleinfo entry is that token, never the page's MD5.
      const token = osHash(text);
      out[path] = utf8(text.split(TOKEN_PLACEHOLDER).join(token));
      urlVersions[`/${name}/${path}`] = `?${token}`;
    } else {
      const bytes = typeof content === 'string' ? utf8(content) : new Uint8Array(content);
      out[path] = bytes;
      urlVersions[`/${name}/${path}`] = `?${osHash(bytes)}`;
    }
  }
  const moduleinfo: Record<string, unknown> = {
    manifest: {
      versionToken,
      versionSequence,
      urlVersions,
      urlMappings: {
        [`/${name}`]: `/${name}/index.html`,
        [`/${name}/`]: `/${name}/index.html`,
        [`/${name}/HomeScreen`]: `/${name}/index.html`,
        [`/${name}/moduleservices/moduleinfo?cached`]: `/${name}/moduleservices/moduleinfo?${versionToken}`,
      },
      urlMappingsNoCache: {},
    },
    data: {
      modules: {
        [moduleKey(name)]: {
          moduleName: name,
          homeScreenName: 'MainFlow.HomeScreen',
          splashScreenName: '',
          screens: [{ screenName: 'MainFlow.HomeScreen', screenUrl: 'HomeScreen' }],
          staticEntities: {},
        },
      },
      entityModuleNames: [],
      applicationDefaultTimeout: 10,
    },
  };
  // JSON.stringify writes `"versionToken":"<token>"` with no space: the form the device's regex accepts.
  return { name, versionToken, versionSequence, files: out, moduleinfo, moduleinfoText: JSON.stringify(moduleinfo) };
}

/** ~50 KB of deterministic runtime-like JS; identical in every version, like the real OutSystems.js. */
function runtimeJs(): string {
  const parts: string[] = ['/* OutSystems client runtime (lab stand-in) */\n'];
  for (let i = 0; i < 160; i++) {
    parts.push(
      `/* Module ${i}: helpers used by the generated screens. */\n` +
        `define("OutSystems/Lab/Module${i}", ["exports"], function (exports) {\n` +
        `    // Scales a value; the factor is fixed per module.\n` +
        `    function helper${i}(value) {\n` +
        `        var factor = ${(i * 7) % 13};\n` +
        `        return value * factor + ${i};\n` +
        `    }\n` +
        `    exports.helper${i} = helper${i};\n` +
        `});\n\n`,
    );
  }
  return parts.join('');
}

function controllerJs(versionSequence: number): string {
  return (
    `/* MyApp controller, build ${versionSequence} */\n` +
    `define("MyApp.controller", ["exports", "OutSystems/Lab/Module1"], function (exports, OS) {\n` +
    `    // The build number changes on every publish, so every version has different bytes.\n` +
    `    var x = ${versionSequence};\n` +
    `    var greeting = "Hello from build ${versionSequence}";\n` +
    `\n` +
    `    function handleClick(event) {\n` +
    `        // Count the clicks.\n` +
    `        x = x + 1;\n` +
    `        return greeting + " " + x;\n` +
    `    }\n` +
    `\n` +
    `    exports.handleClick = handleClick;\n` +
    `});\n`
  );
}

const CSS =
  `/* MyApp theme */\n` +
  `.my-app-header {\n` +
  `    color: #336699;\n` +
  `    padding: 8px 16px;\n` +
  `}\n` +
  `\n` +
  `/* Buttons */\n` +
  `.my-app-button {\n` +
  `    border: 1px solid #cccccc;\n` +
  `    margin: 0 4px;\n` +
  `}\n`;

/** PNG signature plus bytes covering 0..255 twice (so CR, LF and EF BB BF all occur in a binary file). */
function logoPng(): Uint8Array {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const body = Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256);
  return new Uint8Array([...sig, ...body]);
}

/** Module 'MyApp' with the usual kinds of files; overrides replace or add files (placeholders allowed). */
export function sampleApp(versionSequence: number, overrides?: Record<string, string>): ModuleVersion {
  const files: Record<string, string | Uint8Array> = {
    'scripts/OutSystems.js': runtimeJs(),
    'scripts/MyApp.controller.js': controllerJs(versionSequence),
    'css/MyApp.MyApp.css': CSS,
    'img/MyApp.Logo.png': logoPng(),
    'manifest.json': `{"name":"MyApp","short_name":"MyApp","start_url":"./","versionToken":"${TOKEN_PLACEHOLDER}"}`,
    ...overrides,
  };
  // Like the real page, index.html references resources with their ?hash, so it changes whenever they do.
  const ref = (path: string): string => {
    const c = files[path];
    return c === undefined ? path : `${path}?${osHash(c)}`;
  };
  files['index.html'] =
    overrides?.['index.html'] ??
    `<!DOCTYPE html>\n<html>\n<head>\n` +
      `    <meta charset="utf-8">\n    <title>MyApp</title>\n` +
      `    <link rel="stylesheet" href="${ref('css/MyApp.MyApp.css')}">\n` +
      `    <script type="text/javascript" src="${ref('scripts/OutSystems.js')}"></script>\n` +
      `    <script type="text/javascript" src="${ref('scripts/MyApp.controller.js')}"></script>\n` +
      `    <script type="text/javascript">OSManifestLoader.indexVersionToken = "${TOKEN_PLACEHOLDER}";</script>\n` +
      `</head>\n<body>\n    <div id="reactContainer"></div>\n</body>\n</html>\n`;
  return makeModule('MyApp', versionSequence, files);
}

/** Writes the module's files as its Running folder: `<dir>/scripts/...`, `<dir>/index.html`. */
export function writeRunningFolder(dir: string, v: ModuleVersion): void {
  for (const [path, bytes] of Object.entries(v.files)) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}
