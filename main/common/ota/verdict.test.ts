import { describe, expect, it } from 'vitest';
import { decideCurrentVersion } from './current-version.js';
import type { DiffResult, Header, ModuleInfoCopy, Observation } from './types.js';
import { judge, type CheckObservations } from './verdict.js';

// MD5 test vectors in the OutSystems form (`var x = 3;\n` and the like): A is the current copy of the file, B an older one, C something else.
const A = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
const B = 'eZeyznlO_xx2+8Xt0B1UNg';
const C = 'bI6d3XMm_cJXEVG_GF2lNA';
const JS = '/MyApp/scripts/MyApp.controller.js';
const NOW = '2026-11-23T10:00:00.000Z';

const copy = (
  source: ModuleInfoCopy['source'],
  versionToken: string,
  versionSequence?: number,
  moment: ModuleInfoCopy['moment'] = 'start',
): ModuleInfoCopy => ({ source, vantage: 'agent', moment, versionToken, versionSequence, at: NOW });

const obs = (source: Observation['source'], hash: string | undefined, extra: Partial<Observation> = {}): Observation => ({
  source,
  vantage: 'agent',
  path: JS,
  hash,
  status: hash ? 200 : undefined,
  body: 'exact',
  at: NOW,
  ...extra,
});

const withHeaders = (headers: Header[], extra: Partial<Observation['fetch']> = {}) => ({
  fetch: {
    url: '',
    method: 'GET' as const,
    requestHeaders: [],
    route: 'direct',
    redirects: [],
    headers,
    timings: { totalMs: 1 },
    wireBytes: 10,
    ...extra,
  },
});

const diff = (cls: DiffResult['class']): DiffResult => ({ class: cls, referenceSize: 100, size: 120, summary: `a ${cls}` });

function check(
  observations: Observation[],
  opts: { frontends?: string[]; copies?: ModuleInfoCopy[]; tokenFile?: boolean } = {},
): CheckObservations {
  const frontends = opts.frontends ?? ['FE1', 'FE2'];
  return {
    moduleName: 'MyApp',
    frontends: frontends.map((label) => ({ label, kind: 'address', address: `10.0.0.${label.length}` })),
    moduleinfo: opts.copies ?? [...frontends.map((f) => copy(`frontend:${f}`, 'v2', 2)), copy('public', 'v2', 2)],
    versions: [
      { versionToken: 'v2', versionSequence: 2, resources: { [JS]: A } },
      { versionToken: 'v1', versionSequence: 1, resources: { [JS]: B } },
    ],
    resources: [{ path: JS, versionTokenFile: !!opts.tokenFile, observations }],
  };
}

const rightPublic = () => [obs('public', A, { sample: 1 }), obs('public-nocache', A), obs('public-busted', A)];

describe('the current version', () => {
  it('is the highest versionSequence among the copies seen', () => {
    const v = decideCurrentVersion([copy('frontend:FE1', 'v1', 1), copy('frontend:FE2', 'v2', 2), copy('frontend:FE3', 'v1', 1)]);
    expect(v.versionToken).toBe('v2');
    expect(v.how).toContain('highest versionSequence');
  });
  it('falls back to a strict majority of the frontends, else stays undecided', () => {
    expect(decideCurrentVersion([copy('frontend:FE1', 'x'), copy('frontend:FE2', 'x'), copy('frontend:FE3', 'y')]).versionToken).toBe('x');
    const tie = decideCurrentVersion([copy('frontend:FE1', 'x'), copy('frontend:FE2', 'y')]);
    expect(tie.versionToken).toBeUndefined();
    expect(tie.how).toContain('disagree');
  });
  it('notices moduleinfo changing during the check', () => {
    const v = decideCurrentVersion([copy('public', 'v1', 1), copy('public', 'v2', 2, 'end')]);
    expect(v.changedDuringCheck).toBe(true);
    expect(v.versionToken).toBe('v2');
  });
});

describe('verdict', () => {
  it('is consistent when every copy is the current version', () => {
    const v = judge(check([obs('frontend:FE1', A), obs('frontend:FE2', A), ...rightPublic()]));
    expect([v.fault, v.cause]).toEqual(['none', 'consistent']);
    expect(v.resources.find((r) => r.path === JS)!.observations.every((o) => o.matches)).toBe(true);
  });

  it('a cancelled check that found no fault says it was cancelled, not "no fault"; a fault it found stands', () => {
    const clean = judge({ ...check([obs('frontend:FE1', A), obs('frontend:FE2', A), ...rightPublic()]), cancelled: true });
    expect([clean.fault, clean.cause]).toEqual(['inconclusive', 'cancelled']);
    expect(clean.headline).toMatch(/cancelled before it finished/);
    expect(clean.next.join(' ')).toMatch(/again and let it finish/);
    const faulty = judge({ ...check([obs('frontend:FE1', A), obs('frontend:FE2', B), ...rightPublic()]), cancelled: true });
    expect([faulty.fault, faulty.cause, faulty.frontends]).toEqual(['frontend', 'outdated-frontend', ['FE2']]);
  });

  it('treats a difference only in transfer encoding as no fault', () => {
    const v = judge(
      check([
        obs('frontend:FE1', A),
        obs('frontend:FE2', A),
        obs('public', A, { wireHash: C }),
        obs('public-nocache', A),
        obs('public-busted', A),
      ]),
    );
    expect(v.cause).toBe('consistent');
    expect(v.resources[1]!.evidence.join(' ')).toContain('compressed');
  });

  it('names the outdated frontend when others serve the current version', () => {
    const v = judge(check([obs('frontend:FE1', A), obs('frontend:FE2', B), ...rightPublic()]));
    expect([v.fault, v.cause, v.frontends]).toEqual(['frontend', 'outdated-frontend', ['FE2']]);
    expect(v.evidence.join(' ')).toContain('copy of version v1');
    expect(v.headline).toBe('Frontend FE2 serves an outdated copy of 1 file.');
  });

  it('names a frontend that answers 404 for a file the current version lists', () => {
    const v = judge(
      check([obs('frontend:FE1', A), obs('frontend:FE2', undefined, { status: 404, error: 'answers 404' }), ...rightPublic()]),
    );
    expect([v.cause, v.frontends]).toEqual(['outdated-frontend', ['FE2']]);
  });

  it('names a frontend serving an older moduleinfo', () => {
    const v = judge(
      check([obs('frontend:FE1', A), obs('frontend:FE2', A), ...rightPublic()], {
        copies: [copy('frontend:FE1', 'v2', 2), copy('frontend:FE2', 'v1', 1)],
      }),
    );
    expect([v.cause, v.frontends]).toEqual(['outdated-frontend', ['FE2']]);
  });

  it('says once that a frontend serves an older moduleinfo, though it was read at the start and the end', () => {
    const copies = [
      copy('frontend:FE1', 'v2', 2),
      copy('frontend:FE2', 'v1', 1),
      copy('frontend:FE1', 'v2', 2, 'end'),
      copy('frontend:FE2', 'v1', 1, 'end'),
    ];
    const v = judge(check([obs('frontend:FE1', A), obs('frontend:FE2', A), ...rightPublic()], { copies }));
    expect(v.evidence.filter((e) => e.includes('Frontend FE2 serves moduleinfo v1'))).toHaveLength(1);
    expect(v.next).toEqual(['Redeploy the module to FE2 (check that its Deployment Service was running during the publish).']);
  });

  it('calls the same wrong bytes on every frontend a manifest mismatch', () => {
    const v = judge(check([obs('frontend:FE1', C), obs('frontend:FE2', C), obs('public', C)]));
    expect([v.fault, v.cause]).toEqual(['frontend', 'manifest-mismatch']);
  });

  it('calls a log hash the current moduleinfo does not list, while frontends are right, a new deployment', () => {
    const v = judge(
      check([obs('frontend:FE1', A), obs('frontend:FE2', A), ...rightPublic(), obs('device', C, { logExpected: B, body: 'log' })]),
    );
    expect([v.fault, v.cause]).toEqual(['deployment', 'new-deployment']);
    expect(v.evidence.join(' ')).toContain('hash of version v1');
  });

  it('calls moduleinfo changing during the check a new deployment, whatever else is seen', () => {
    const copies = [copy('frontend:FE1', 'v1', 1), copy('frontend:FE1', 'v2', 2, 'end'), copy('frontend:FE2', 'v2', 2)];
    const v = judge(check([obs('frontend:FE1', B), obs('frontend:FE2', A), ...rightPublic()], { copies }));
    expect([v.fault, v.cause]).toEqual(['deployment', 'new-deployment']);
  });

  it('finds a stale cache from cache headers', () => {
    const v = judge(
      check([
        obs('frontend:FE1', A),
        obs('frontend:FE2', A),
        obs(
          'public',
          B,
          withHeaders([
            ['age', '120'],
            ['x-cache', 'HIT'],
          ]),
        ),
        obs('public-nocache', A),
        obs(
          'public-busted',
          B,
          withHeaders([
            ['age', '121'],
            ['x-cache', 'HIT'],
          ]),
        ),
      ]),
    );
    expect([v.fault, v.cause]).toEqual(['network', 'stale-cache']);
    expect(v.evidence.join(' ')).toMatch(/copy of version v1/);
  });

  it('finds a stale cache from a bypassed sample that is right', () => {
    const v = judge(
      check([obs('frontend:FE1', A), obs('frontend:FE2', A), obs('public', B), obs('public-nocache', B), obs('public-busted', A)]),
    );
    expect(v.cause).toBe('stale-cache');
  });

  it('names altered content from the diff, and truncation from a prefix or a short body', () => {
    const altered = judge(check([obs('frontend:FE1', A), obs('frontend:FE2', A), obs('public', C, { diff: diff('insertion') })]));
    expect([altered.fault, altered.cause]).toEqual(['network', 'altered-content']);
    const cut = judge(check([obs('frontend:FE1', A), obs('frontend:FE2', A), obs('public', C, { diff: diff('prefix') })]));
    expect(cut.cause).toBe('truncated');
    const short = judge(
      check([obs('frontend:FE1', A), obs('public', C, withHeaders([], { contentLength: 100, wireBytes: 50 }))], { frontends: ['FE1'] }),
    );
    expect(short.cause).toBe('truncated');
    expect(short.evidence.join(' ')).toContain('Only 50 of the 100 bytes');
  });

  it("blames the device's network when everything is right from here but the device calculated another hash", () => {
    const v = judge(
      check([obs('frontend:FE1', A), obs('frontend:FE2', A), ...rightPublic(), obs('device', C, { logExpected: A, body: 'log' })]),
    );
    expect([v.fault, v.cause]).toEqual(['network', 'device-network']);
  });

  it('is inconclusive when a frontend cannot be reached and nothing else proves a fault', () => {
    const v = judge(
      check([
        obs('frontend:FE1', A),
        obs('frontend:FE2', undefined, { error: 'connection refused', errorCode: 'REFUSED' }),
        ...rightPublic(),
      ]),
    );
    expect([v.fault, v.cause]).toEqual(['inconclusive', 'unreachable']);
  });

  it('never lets an unreachable frontend hide a fault proved elsewhere', () => {
    const v = judge(
      check(
        [
          obs('frontend:FE1', A),
          obs('frontend:FE2', undefined, { error: 'refused', errorCode: 'REFUSED' }),
          obs('frontend:FE3', B),
          ...rightPublic(),
        ],
        { frontends: ['FE1', 'FE2', 'FE3'] },
      ),
    );
    expect([v.cause, v.frontends]).toEqual(['outdated-frontend', ['FE3']]);
  });

  it('judges version-token files by their token, not MD5', () => {
    const tokenFile = (source: Observation['source'], hash: string, token: string | undefined) => obs(source, hash, { token });
    const input = check([tokenFile('frontend:FE1', B, 'v2'), tokenFile('frontend:FE2', B, 'v2'), tokenFile('public', B, 'v2')], {
      tokenFile: true,
    });
    // iOS applies the token rule by URL: index.html, moduleinfo, manifest.json.
    input.resources[0]!.path = '/MyApp/index.html';
    input.versions[0]!.resources['/MyApp/index.html'] = 'v2';
    expect(judge(input).cause).toBe('consistent');
    input.resources[0]!.observations[1] = tokenFile('frontend:FE2', C, 'v1');
    expect(judge(input).cause).toBe('outdated-frontend');
  });

  it('with no frontend, judges only what the public samples prove', () => {
    const proven = judge(
      check([obs('public', B, withHeaders([['cf-cache-status', 'HIT']])), obs('public-busted', A)], {
        frontends: [],
        copies: [copy('public', 'v2', 2)],
      }),
    );
    expect(proven.cause).toBe('stale-cache');
    const unproven = judge(check([obs('public', C), obs('public-busted', C)], { frontends: [], copies: [copy('public', 'v2', 2)] }));
    expect(unproven.cause).toBe('inconclusive');
    expect(unproven.next.join(' ')).toContain('Add the frontends');
  });

  it('combines resources by precedence: deployment > frontend > network > inconclusive > none', () => {
    const input = check([obs('frontend:FE1', A), obs('frontend:FE2', A), obs('public', C, { diff: diff('insertion') })]);
    input.versions[0]!.resources['/MyApp/b.js'] = A;
    input.resources.push({
      path: '/MyApp/b.js',
      versionTokenFile: false,
      observations: [
        { ...obs('frontend:FE1', A), path: '/MyApp/b.js' },
        { ...obs('frontend:FE2', B), path: '/MyApp/b.js' },
      ],
    });
    const v = judge(input);
    expect([v.fault, v.cause, v.frontends]).toEqual(['frontend', 'outdated-frontend', ['FE2']]);
    expect(v.counts['altered-content']).toBe(1);
  });

  it('notes a source whose moduleversioninfo announces another version than its moduleinfo', () => {
    const copies = [{ ...copy('frontend:FE1', 'v2', 2), versionInfoToken: 'v3' }, copy('frontend:FE2', 'v2', 2)];
    const v = judge(check([obs('frontend:FE1', A), obs('frontend:FE2', A), ...rightPublic()], { copies }));
    expect(v.resources[0]!.evidence).toContain('Frontend FE1 announces version v3 in moduleversioninfo but serves moduleinfo v2.');
  });

  it('gives the same verdict for the same observations', () => {
    const input = check([obs('frontend:FE1', A), obs('frontend:FE2', B), ...rightPublic()]);
    expect(JSON.stringify(judge(input))).toBe(JSON.stringify(judge(structuredClone(input))));
  });
});

describe('evidence says a thing once', () => {
  it('folds the frontends that say the same: the right ones, and wrong ones serving the same bytes', () => {
    const frontends = ['FE1', 'FE2', 'FE3', 'FE4', 'FE5'];
    const v = judge(
      check(
        [
          obs('frontend:FE1', A),
          obs('frontend:FE2', A),
          obs('frontend:FE3', B, { diff: diff('substitution') }),
          obs('frontend:FE4', A),
          obs('frontend:FE5', B, { diff: diff('substitution') }),
          ...rightPublic(),
        ],
        { frontends },
      ),
    );
    const r = v.resources.find((x) => x.path === JS)!;
    expect(r.cause).toBe('outdated-frontend');
    expect(r.evidence).toContain(`Frontends FE3 and FE5 serve ${B}, not ${A}: the copy of version v1 (a substitution).`);
    expect(r.evidence).toContain(`Frontends FE1, FE2 and FE4 serve the current version (${A}).`);
    expect(r.evidence.filter((e) => /^Frontend /.test(e))).toEqual([]);
  });

  it('names repeated samples of the public URL that got the same copy once, with their count', () => {
    const samples = [1, 2, 3].map((sample) => obs('public', B, { sample }));
    const v = judge(check([obs('frontend:FE1', A), obs('frontend:FE2', A), ...samples, obs('public-busted', B), obs('public-nocache', A)]));
    const said = v.resources.find((x) => x.path === JS)!.evidence.join('\n');
    expect(said).toContain(`3 samples of the public URL and the public URL with an extra query parameter get ${B}, not ${A}.`);
    expect(said).not.toContain('(sample 2)');
  });

  it('keeps apart frontends that say different things, each in the singular', () => {
    const v = judge(check([obs('frontend:FE1', A), obs('frontend:FE2', B), ...rightPublic()]));
    expect(v.resources.find((x) => x.path === JS)!.evidence).toEqual(
      expect.arrayContaining([
        `Frontend FE2 serves ${B}, not ${A}: the copy of version v1.`,
        `Frontend FE1 serves the current version (${A}).`,
      ]),
    );
  });
});
