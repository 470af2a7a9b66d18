// The runtime's other messages as one table: the native cache's bookkeeping and storage errors (OSNativeCache.m,
// OSCacheResources.m, NativeCache.java, CacheResources.java), the JS runtime's upgrade steps, resource cache and
// server calls (OutSystems.js), the PWA's service worker (pwaServiceWorker.js) and the support articles'
// local-database errors. Each row: where the message starts (for finding it inside a line) and how it reads.
import type { Advice, LogKind } from './log-advice.js';
import { text, urlWord, word, type Found } from './log-words.js';

interface Row {
  /** The opening words, as a regular expression source (case-insensitive). */
  start: string;
  /** The whole message; anchored at its start. */
  re: RegExp;
  kind: LogKind;
  /** Capture groups holding the resource URL, a version token and the error text. */
  url?: number;
  token?: number;
  detail?: number;
  advice?: Partial<Advice>;
}

/** "<url>: <detail>" where ':' ends the URL only before a space or the end (so https:// stays whole). */
const URL_COLON = '(\\S+?)(?::(?=\\s|$)\\s*(.*))?$';

const row = (start: string, rest: string, kind: LogKind, groups: Omit<Row, 'start' | 're' | 'kind'> = {}): Row => ({
  start,
  re: new RegExp(`^${start}${rest}`, 'is'),
  kind,
  ...groups,
});

const STORED_COPY_INFO: Partial<Advice> = {
  title: 'File served from the stored copy',
  explanation: "The app answered this file from the copy it stored on the device (or copied it from the app's bundle).",
};

const PLUGIN_EVENT =
  "The native cache plugin could not hand an event (progress, error, finish, status) to the app's JavaScript; the app may not learn that an " +
  'upgrade step ended.';

const ROWS: Row[] = [
  // native cache bookkeeping
  row('Native\\s+cache\\s+successfully\\s+loaded', '', 'cache-housekeeping'),
  row('Cache\\s+was\\s+(?:successfully\\s+serialized|swapped\\s+with\\s+success)', '', 'cache-housekeeping'),
  row('Manifest\\s+serialized\\s+with\\s+success', '', 'cache-housekeeping'),
  row('Create\\s+checkpoint\\s+for\\s+application\\s+cache', '\\s*:?\\s*(.*)$', 'cache-housekeeping', { detail: 1 }),
  row('Checkpoint\\s+was\\s+created\\s+with\\s+success', '', 'cache-housekeeping'),
  row('Deleting\\s+cache\\s+file\\s+for\\s+URL', '\\s*:?\\s*(\\S+)', 'cache-housekeeping', { url: 1 }),
  row('(?:Upgrading\\s+cache\\b|Cache\\s+upgraded\\s+with\\s+success|Tried\\s+to\\s+upgrade\\s+cache)', '', 'cache-housekeeping'),
  row('Cache\\s+manifest\\s+hash\\s*:', '\\s*(\\S+)?', 'cache-housekeeping', { detail: 1 }),
  row('Cache\\s+manifest\\s+file\\s+hash\\s+in\\s+preferences\\s+is\\s+empty', '', 'cache-housekeeping'),
  row('switchToVersion\\s+version', '\\s*:?\\s*(\\S+)?', 'cache-housekeeping', { token: 1 }),
  row('Application\\s+enabled\\s*:', '\\s*(\\S+)?', 'cache-housekeeping', { detail: 1 }),
  row('Unable\\s+to\\s+retrieve\\s+deviceUUID', '', 'cache-housekeeping'),
  row('Unable\\s+to\\s+process\\s+content\\s+type', '\\s*:?\\s*(.*)$', 'cache-housekeeping', { detail: 1 }),
  row('Copied\\s+prebundled\\s+resource', '\\s+(\\S+)\\s+to\\s+(\\S+)', 'cache-housekeeping', {
    url: 1,
    detail: 2,
    advice: STORED_COPY_INFO,
  }),
  row('Resource\\s+loaded\\s+from\\s+cache', '\\s*:?\\s*(\\S+)', 'cache-housekeeping', { url: 1, advice: STORED_COPY_INFO }),
  row('Healing\\s+resource\\s+mime\\s+type', '\\s*:?\\s*(\\S+)', 'cache-housekeeping', {
    url: 1,
    advice: { title: "A stored file's type repaired", explanation: 'The app found no content type stored for this file and set it again.' },
  }),
  row(
    '(?:pluginInitialize|handle(?:DeviceReady|StartCaching|SwitchVersion)|startCaching|switchCacheVersion|deviceReady)\\s*:',
    '(.*)$',
    'cache-housekeeping',
    {
      detail: 1,
    },
  ),
  row('Valid\\s+SSLPinning\\s+configuration', '', 'cache-housekeeping'),
  row('(?:Loading\\s+default\\s+mime\\s+types|Invalid\\s+extension\\s+\\S*\\s*while\\s+fetching\\s+MIME)', '(.*)$', 'cache-housekeeping'),
  row('(?:Defining|Removing)\\s+files\\s+from\\s+cache\\s+frame\\s+with\\s+version', '\\s+(\\S+)', 'cache-housekeeping', { token: 1 }),
  row('Removed\\s+cache\\s+frame\\s+with\\s+version', '\\s+(\\S+)', 'cache-housekeeping', { token: 1 }),
  row(
    '(?:Removing\\s+frame\\s+version\\s+from\\s+resource\\s+with\\s+key|Defining\\s+resource\\s+from\\s+cache|Removing\\s+resource\\s+from\\s+cache|' +
      'Loaded\\s+cordova\\s+resource)',
    '\\s*:?\\s*(\\S+)',
    'cache-housekeeping',
    { url: 1 },
  ),
  row('Resource\\s+with\\s+key', '\\s+(\\S+)\\s+is\\s+used\\s+by', 'cache-housekeeping', { url: 1 }),
  row('Unable\\s+to\\s+find', '\\s+(\\S+?)\\.?\\s+Is\\s+it\\s+a\\s+cordova\\s+resource', 'resource-not-found', {
    url: 1,
    advice: { explanation: "The app asked for a file that is neither stored by the cache nor one of the app's own Cordova files." },
  }),
  row('(?:Unable\\s+to\\s+start\\s+caching|Unable\\s+to\\s+read\\s+startCaching\\s+arguments)', '\\s*:?\\s*(.*)$', 'caching-rejected', {
    detail: 1,
  }),
  row(
    '(?:Failed\\s+to\\s+build\\s+task\\s+content|(?:OnProgress|OnError|OnFinish)\\s+event\\s+could\\s+not|(?:updateStatus|throwException)\\s+could\\s+not)',
    '(.*)$',
    'cache-storage-error',
    { detail: 1, advice: { title: 'The cache plugin could not pass an event to the app', explanation: PLUGIN_EVENT } },
  ),
  row(
    '(?:Unable\\s+to\\s+add\\s+an\\s+empty\\s+cache\\s+frame|Unable\\s+to\\s+execute\\s+swap\\s+cache|Failed\\s+to\\s+add\\s+version\\s+to\\s+cache|' +
      'Failed\\s+to\\s+serialize\\s+JSON\\s+data|Failed\\s+to\\s+load\\s+mime\\s+types)',
    '(.*)$',
    'cache-storage-error',
    { detail: 1 },
  ),
  row('(?:Failed\\s+to\\s+get\\s+manifest\\s+(?:info|version)|Failed\\s+to\\s+parse\\s+manifest\\s+file)', '(.*)$', 'manifest-invalid', {
    detail: 1,
    advice: {
      explanation:
        'The cache plugin could not read a manifest (the one built into the app, or the one the runtime handed it): it is missing, or not the JSON it expects.',
    },
  }),
  // the list of stored files
  row('Manifest\\s+file\\s+not\\s+found', '\\s*:?\\s*(.*)$', 'cache-manifest-missing', { detail: 1 }),
  row('(?:Cache\\s+manifest\\s+hash\\s+is\\s+nil|Hash\\s+of\\s+file\\s+content\\s+is\\s+empty)', '(.*)$', 'cache-manifest-missing', {
    detail: 1,
    advice: { severity: 'warning' },
  }),
  row(
    'Failed\\s+to\\s+check\\s+the\\s+integrity\\s+of\\s+the\\s+cache\\s+manifest',
    '\\s+file\\s*[.:]?\\s*(.*)$',
    'cache-manifest-unreadable',
    {
      detail: 1,
    },
  ),
  // storage errors
  row('Failed\\s+to\\s+add\\s+entry', '\\s+(\\S+)\\s+to\\s+cache\\s+entries', 'cache-storage-error', { url: 1 }),
  row(
    'Failed\\s+to\\s+(?:remove(?:\\s+existing)?\\s+resource|locate\\s+file|parse\\s+HTML\\s+file)',
    `\\s+${URL_COLON}`,
    'cache-storage-error',
    {
      url: 1,
      detail: 2,
    },
  ),
  row('Failed\\s+to\\s+delete\\s+deprecated\\s+cache\\s+file', '\\s+:\\s*(.*)$', 'cache-storage-error', { detail: 1 }),
  row('Failed\\s+to\\s+delete\\s+deprecated\\s+cache\\s+file', `\\s*:?\\s*${URL_COLON}`, 'cache-storage-error', { url: 1, detail: 2 }),
  row(
    'Failed\\s+to\\s+create\\s+(?:cache\\s+directory|(?:cache\\s+)?manifest\\s+object|a\\s+regular\\s+expression)',
    '(.*)$',
    'cache-storage-error',
    {
      detail: 1,
    },
  ),
  row('Failed\\s+to\\s+serialize\\s+(?:application\\s+)?cache', '(.*)$', 'cache-storage-error', { detail: 1 }),
  row('Failed\\s+to\\s+clean\\s+unused\\s+content', '(.*)$', 'cache-storage-error', { detail: 1 }),
  row('Failed\\s+to\\s+get\\s+and\\s+save\\s+the\\s+hash', '(.*)$', 'cache-storage-error', { detail: 1 }),
  row('Could\\s+not\\s+(?:close|write)\\s+', '(.*)$', 'cache-storage-error', { detail: 1 }),
  row(
    '(?:Failed\\s+to\\s+build\\s+JSON\\s+response|An\\s+IOException\\s+occurred|Failed\\s+to\\s+convert\\s+stream)',
    '(.*)$',
    'cache-storage-error',
    {
      detail: 1,
    },
  ),
  row('(?:Invalid\\s+application\\s+key|Failed\\s+to\\s+bootstrap\\s+application\\s+cache)', '\\s*:?\\s*(.*)$', 'cache-storage-error', {
    detail: 1,
  }),
  row('(?:OngoingCacheResources\\s+is\\s+null|Invalid\\s+resource\\s+to\\s+be\\s+deleted)', '(.*)$', 'cache-storage-error', {
    detail: 1,
    advice: { severity: 'warning' },
  }),
  // the app's bundle
  row('Could\\s+not\\s+copy\\s+resource', '\\s+(\\S+)\\s+from\\s+prebundle(?:\\s+with\\s+error)?\\s*:?\\s*(.*)$', 'prebundle-failed', {
    url: 1,
    detail: 2,
  }),
  row('Failed\\s+to\\s+check\\s+if\\s+file', '\\s+(\\S+)\\s+exists\\s+at\\s+prebundle\\s*:?\\s*(.*)$', 'prebundle-failed', {
    url: 1,
    detail: 2,
  }),
  row('Unable\\s+to\\s+validate\\s+the\\s+content\\s+of\\s+the\\s+resource', '\\s*:?\\s*(.*)$', 'content-check-failed', { detail: 1 }),
  // startCaching progress (after a startCachingId prefix, or alone as Android writes it)
  row('startCaching\\s+finished\\b', '(.*)$', 'caching-info', { detail: 1 }),
  row('(?:Resuming\\s+caching\\s+operation|Recovering\\s+cache\\s+frame)\\s+for\\s+version', '\\s*:?\\s*(\\S+)?', 'caching-info', {
    token: 1,
  }),
  row('Version\\s+token\\s+before\\s+creation', '\\s*:?\\s*(\\S+)?', 'caching-info', { token: 1 }),
  row('Failed\\s+to\\s+download\\s+resources\\s+for\\s+application\\s+version', '\\s+(\\S+?):?(?:\\s+(.*))?$', 'caching-error', {
    token: 1,
    detail: 2,
  }),
  // the JS runtime's resource cache
  row('Initializing\\s+resource\\s+cache\\s+using', "\\s+'?([^']*)'?", 'caching-info', { detail: 1 }),
  row('(?:Started\\s+listening\\s+to\\s+resource\\s+cache|Resource\\s+caching\\s+was\\s+already\\s+finished)', '', 'caching-info'),
  row('Cache\\s+invalidation\\s+bypassed', '(?:\\s*-\\s*(.*))?$', 'caching-info', { detail: 1 }),
  row('OSCache\\s+call\\s+deferred', '', 'caching-info'),
  row('OSCache\\s+(?:not\\s+found|was\\s+not\\s+initialized)', '', 'plugin-missing'),
  row('Unable\\s+to\\s+cache\\s+(?:new\\s+)?resources', '(.*)$', 'offline-cache-failed', { detail: 1 }),
  row('\\d+\\s*/\\s*\\d+\\s*:\\s', '\\s*(\\S+)', 'resource-listed', { url: 1 }),
  row('Requesting\\s+resource\\s*:', '\\s*(\\S+)', 'resource-listed', { url: 1 }),
  // VersionsManager and Application
  row(
    '(?:Initializing\\s+(?:VersionsManager|data\\s+model)|Finishing\\s+initialization|Caching\\s+resources\\s+in\\s+the\\s+background)',
    '(.*)$',
    'upgrade-info',
    { detail: 1 },
  ),
  row('Version\\s+check\\s+found\\s+the\\s+same\\s+version', "\\s+'([^']*)'", 'upgrade-info', { token: 1 }),
  row('(?:Web|Mobile)\\s+app\\s+-\\s+(?:Resource\\s+)?pre-caching', '(.*)$', 'upgrade-info', { detail: 1 }),
  row('Fetching\\s+entity\\s+module', "\\s+'?([^']*)'?", 'upgrade-info', { detail: 1 }),
  row('Upgrade\\s+status\\s+changed\\s+to', '\\s*:?\\s*(\\d+)?', 'upgrade-info', { detail: 1 }),
  row('New\\s+version\\s+detected\\s*,', '(.*)$', 'upgrade-info', { detail: 1 }),
  row(
    '(?:Error\\s+checking\\s+for\\s+new\\s+version|Error\\s+caching\\s+resources\\s+for\\s+new\\s+version|Error\\s+loading\\s+prebundled\\s+manifest)',
    '[^:]*:?\\s*(.*)$',
    'version-check-failed',
    { detail: 1 },
  ),
  row('Home\\s+module\\s+not\\s+defined', '', 'manifest-invalid', {
    advice: {
      explanation: "The app's definition names no home module, so the runtime cannot start it; the build or the manifest is incomplete.",
    },
  }),
  row(
    "(?:Unable\\s+to\\s+load\\s+the\\s+data\\s+model|Upgrade\\s+failed\\s+and\\s+rollback\\s+isn't\\s+possible|Unable\\s+to\\s+upgrade\\s+attribute|" +
      'Unable\\s+to\\s+convert\\s+databaseValue|sqlite3_step\\s+failure)',
    '(.*)$',
    'data-model-failed',
    { detail: 1 },
  ),
  row('No\\s+cached\\s+manifest\\s+found', '', 'rollback-failed'),
  row(
    '(?:RequireJS\\s+error\\s+during\\s+upgrade|Load\\s+timeout\\s+for\\s+modules|Script\\s+error\\s+for)',
    '\\s*:?\\s*(.*)$',
    'script-load-failed',
    {
      detail: 1,
    },
  ),
  // server calls
  row(
    '(?:Request\\s+failed\\s+with|Invalid\\s+server\\s+response\\s+from|The\\s+connection\\s+has\\s+timed\\s+out|' +
      'The\\s+timeout\\s+of\\s+\\d+s\\s+was\\s+reached|Logger\\s*:\\s*Error\\s+sending\\s+log|Error\\s+getting\\s+user\\s+roles)',
    '(.*)$',
    'server-call-failed',
    { detail: 1 },
  ),
  // the service worker
  row('\\[fetch\\]\\s+Error\\s+fetching', '\\s+(\\S+)\\s+from\\s+(.*)$', 'service-worker-error', { url: 1, detail: 2 }),
  row('\\[(?:install|fetch|activate)\\]\\s+Error', '(.*)$', 'service-worker-error', { detail: 1 }),
  row('\\[fetch\\]\\s+Returning\\s+from', '[^:]*:\\s*(\\S+)', 'service-worker', { url: 1 }),
  row('\\[(?:install|fetch|activate)\\]', '(.*)$', 'service-worker', { detail: 1 }),
  // the support articles
  row('Unable\\s+to\\s+find\\s+the', '\\s+(\\S+)\\s+resource', 'resource-not-found', { url: 1 }),
];

/** The opening words of every message in the table, for the starter pattern. */
export const RUNTIME_STARTS: readonly string[] = ROWS.map((r) => r.start);

/** Reads one message by the table; undefined when no row's wording matches. */
export function classifyRuntime(message: string): Found | undefined {
  for (const r of ROWS) {
    const m = r.re.exec(message);
    if (!m) continue;
    const found: Found = { kind: r.kind };
    const url = r.url === undefined ? undefined : urlWord(m[r.url]);
    const token = r.token === undefined ? undefined : word(m[r.token]);
    const detail = r.detail === undefined ? undefined : text(m[r.detail]?.replace(/^[\s:.-]+/, ''));
    if (url !== undefined) found.url = url;
    if (token !== undefined) found.token = token;
    if (detail !== undefined) found.detail = detail;
    if (r.advice) found.advice = r.advice;
    return found;
  }
  return undefined;
}
