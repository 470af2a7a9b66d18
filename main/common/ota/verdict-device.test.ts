import { describe, expect, it } from 'vitest';
import type { ModuleInfoCopy, Observation } from './types.js';
import { judge, type CheckObservations, type LogRow } from './verdict.js';

// MD5 in the OutSystems form of `var x = 3;\n` (A, current) and `var x = 62;\n` (B, version v1); C other bytes.
const A = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
const B = 'eZeyznlO_xx2+8Xt0B1UNg';
const C = 'bI6d3XMm_cJXEVG_GF2lNA';
const T = 'VK+uxZBPgSEt3QyA_9zPxg';
const JS = '/MyApp/scripts/MyApp.controller.js';
const INDEX = '/MyApp/index.html';
const NOW = '2026-11-23T10:00:00.000Z';

const copy = (source: ModuleInfoCopy['source']): ModuleInfoCopy => ({
  source,
  vantage: 'agent',
  moment: 'start',
  versionToken: 'v2',
  at: NOW,
});
const obs = (source: Observation['source'], hash: string | undefined, extra: Partial<Observation> = {}): Observation => ({
  source,
  vantage: 'agent',
  path: JS,
  hash,
  status: hash ? 200 : undefined,
  size: hash ? 11 : undefined,
  body: 'exact',
  at: NOW,
  ...extra,
});
const right = () => [obs('frontend:FE1', A), obs('frontend:FE2', A)];

function check(
  js: Observation[],
  opts: { log?: LogRow[]; index?: Observation[]; as?: string; frontends?: string[] } = {},
): CheckObservations {
  const frontends = opts.frontends ?? ['FE1', 'FE2'];
  const resources = [{ path: JS, versionTokenFile: false, observations: js }];
  if (opts.index) resources.push({ path: INDEX, versionTokenFile: true, observations: opts.index });
  return {
    moduleName: 'MyApp',
    frontends: frontends.map((label) => ({ label, kind: 'address', address: '10.0.0.1' })),
    moduleinfo: [...frontends.map((f) => copy(`frontend:${f}`)), copy('public')],
    versions: [
      { versionToken: 'v2', resources: { [JS]: A, [INDEX]: T } },
      { versionToken: 'v1', resources: { [JS]: B, [INDEX]: 'oldIndexTokenAAAAAAAAA' } },
    ],
    resources,
    log: opts.log,
    as: opts.as,
  };
}
const row = (message: string, extra: Partial<LogRow> = {}): LogRow => ({
  line: 1,
  kind: 'store-failed',
  path: JS,
  expected: A,
  message,
  ...extra,
});
const ANDROID = row(`Failed to store downloaded resource ${JS}?${A}: File is corrput or invalid`);
const IOS = row(`Checksum failed for file ${JS}?${A}. Received hash: ${A} | Calculated hash: ${C}`, {
  kind: 'checksum-failed',
  calculated: C,
});

describe('the verdict judges every copy as the device does', () => {
  const cases: Array<[string, CheckObservations, string, string]> = [
    [
      'Android "corrput" alone, everything right from here',
      check([...right(), obs('public', A)], { log: [ANDROID] }),
      'network',
      'device-network',
    ],
    ['a proxy answering 203 (iOS accepts only 200)', check([...right(), obs('public', A, { status: 203 })]), 'network', 'altered-content'],
    [
      '203 judged for Android (--as android) is accepted',
      check([...right(), obs('public', A, { status: 203 })], { as: 'android' }),
      'none',
      'consistent',
    ],
    [
      'a proxy answering 204 with an empty body',
      check([...right(), obs('public', '1B2M2Y8AsgTpgAmY7PhCfg', { status: 204, size: 0 })]),
      'network',
      'altered-content',
    ],
    ['206 with no Range asked', check([...right(), obs('public', C, { status: 206, size: 5 })]), 'network', 'altered-content'],
    ['304 with no body', check([...right(), obs('public', undefined, { status: 304 })]), 'network', 'altered-content'],
    ['an empty 200 at the public URL', check([...right(), obs('public', '1B2M2Y8AsgTpgAmY7PhCfg', { size: 0 })]), 'network', 'truncated'],
    [
      'a short body at the public URL',
      check([...right(), obs('public', C, { errorCode: 'SHORT_BODY', error: '31152 of 36152 bytes' })]),
      'network',
      'truncated',
    ],
    [
      'a reset mid-body at frontend FE2',
      check([obs('frontend:FE1', A), obs('frontend:FE2', C, { errorCode: 'SHORT_BODY' }), obs('public', A)]),
      'frontend',
      'frontend-error',
    ],
    [
      'a 503 at frontend FE2',
      check([obs('frontend:FE1', A), obs('frontend:FE2', C, { status: 503 }), obs('public', A)]),
      'frontend',
      'frontend-error',
    ],
    [
      'a redirect to a sign-in page at the public URL',
      check([
        ...right(),
        obs('public', undefined, { status: 302, errorCode: 'REDIRECT', error: 'redirects to https://login.example.net/' }),
      ]),
      'network',
      'altered-content',
    ],
    [
      'a logged failure whose expected hash is an older version',
      check([...right(), obs('public', A)], { log: [row('Checksum failed …', { kind: 'checksum-failed', expected: B, calculated: C })] }),
      'deployment',
      'new-deployment',
    ],
  ];
  it.each(cases)('%s', (_name, input, fault, cause) => {
    const v = judge(input);
    expect([v.fault, v.cause], v.evidence.join('\n')).toEqual([fault, cause]);
  });

  it('names the frontend of a frontend-error', () => {
    const v = judge(
      check([obs('frontend:FE1', A), obs('frontend:FE2', C, { errorCode: 'SHORT_BODY', error: 'cut short' }), obs('public', A)]),
    );
    expect(v.frontends).toEqual(['FE2']);
  });

  it('an injected index.html with its token is accepted: a finding beside the verdict, not its cause', () => {
    const tokenMatch = { lines: true, joined: true };
    const index = [
      obs('frontend:FE1', C, { path: INDEX, token: T, tokenMatch }),
      obs('frontend:FE2', C, { path: INDEX, token: T, tokenMatch }),
      obs('public', A, {
        path: INDEX,
        token: T,
        tokenMatch,
        diff: { class: 'insertion', referenceSize: 10, size: 40, summary: 'One block of 30 bytes inserted at byte 3' },
      }),
    ];
    const alone = judge(check([...right(), obs('public', A)], { index }));
    expect(alone.cause).toBe('consistent');
    expect(alone.alsoFound?.join('\n')).toContain('devices accept it (the token is present): not the cause of a checksum failure');
    // With a logged failure elsewhere, the file the device rejected owns the verdict.
    const logged = judge(
      check([...right(), obs('public', C, { diff: { class: 'insertion', referenceSize: 10, size: 40, summary: 'x' } })], {
        index,
        log: [IOS],
      }),
    );
    expect([logged.cause, logged.headline.startsWith(`The device rejected ${JS}.`)]).toEqual(['altered-content', true]);
    expect(logged.resources.find((r) => r.path === INDEX)?.cause).toBe('consistent');
  });

  it('the device’s report first: other faults go under also found', () => {
    const input = check([...right(), obs('public', A)], { log: [ANDROID] });
    input.versions[0]!.resources['/MyApp/b.js'] = A;
    input.resources.push({
      path: '/MyApp/b.js',
      versionTokenFile: false,
      observations: [obs('frontend:FE1', A, { path: '/MyApp/b.js' }), obs('frontend:FE2', B, { path: '/MyApp/b.js' })],
    });
    const v = judge(input);
    expect([v.fault, v.cause]).toEqual(['network', 'device-network']);
    expect(v.alsoFound?.some((s) => s.startsWith('/MyApp/b.js: outdated frontend'))).toBe(true);
    expect(v.platform?.judgedFor).toBe('android');
  });

  it('says what the device got', () => {
    const variants = { 'bom-removed': C };
    const v = judge(
      check(
        [obs('frontend:FE1', A, { variants }), obs('frontend:FE2', A), obs('public', A), obs('device', C, { logExpected: A, body: 'log' })],
        { log: [IOS] },
      ),
    );
    expect(v.resources.find((r) => r.path === JS)?.deviceGot).toBe('The device received the right file without its UTF-8 BOM.');
    expect(v.evidence.join('\n')).toContain('without its UTF-8 BOM');
  });

  it('records each copy’s acceptance for both platforms', () => {
    const v = judge(check([...right(), obs('public', A, { status: 206 })], { as: 'android' }));
    const pub = v.resources.find((r) => r.path === JS)!.observations.find((o) => o.source === 'public')!;
    expect([pub.acceptance?.ios.accepted, pub.acceptance?.android.accepted]).toEqual([false, true]);
  });
});
