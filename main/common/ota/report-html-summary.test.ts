import { describe, expect, it } from 'vitest';
import type { OtaReport } from './report.js';
import { renderCaseSummaryHtml, SUMMARY_LIMITS } from './report-html-summary.js';
import { testObservation, testResource, testRun } from './test-support/report-parts.js';

const RIGHT = 'XrY7u+Ae7tCTyyK7j1rNww';
const OLD = 'b1dC0pyAe7tCTyyK7j1rNw';

function report(faulty: number): OtaReport {
  const bad = (i: number) =>
    testResource(
      `/MyApp/scripts/file-${i}.js`,
      RIGHT,
      {
        fault: 'frontend',
        cause: 'outdated-frontend',
        frontends: ['FE3'],
        logged: i === 0,
        deviceGot: i === 0 ? 'The device received FE3’s copy.' : undefined,
      },
      [
        testObservation({ source: 'frontend:FE1', hash: RIGHT, matches: true }),
        testObservation({
          source: 'frontend:FE3',
          hash: OLD,
          matches: false,
          acceptance: {
            ios: { accepted: false, rule: 'hash', reason: `its MD5 is ${OLD}, not ${RIGHT}` },
            android: { accepted: false, rule: 'hash', reason: `its MD5 is ${OLD}, not ${RIGHT}` },
          },
        }),
        ...[1, 2, 3].map((sample) => testObservation({ source: 'public', sample, hash: RIGHT, matches: true })),
      ],
    );
  return {
    schema: 'hash-workbench/ota-report',
    schemaVersion: 2,
    fault: 'frontend',
    cause: 'outdated-frontend',
    frontends: ['FE3'],
    headline: 'The device rejected /MyApp/scripts/file-0.js. Frontend FE3 serves an outdated copy of 1 file.',
    customer: "One of the app's servers has an old copy of some files.",
    evidence: Array.from({ length: 10 }, (_, i) => `Evidence line ${i + 1}.`),
    next: ['Redeploy the module to FE3.'],
    alsoFound: ['/MyApp/index.html: a script was added; devices accept it (the token is present): not the cause of a checksum failure.'],
    current: { versionToken: 'tok', versionSequence: 2, changedDuringCheck: false, how: 'the highest versionSequence seen' },
    counts: { 'outdated-frontend': faulty },
    moduleName: 'MyApp',
    runs: [testRun({ command: 'hash-workbench diagnose https://apps.example.com/MyApp/ --frontend FE1=10.0.0.11 --all' })],
    setup: { frontends: [] },
    moduleinfo: [],
    versions: [],
    resources: [...Array.from({ length: faulty }, (_, i) => bad(i)), testResource('/MyApp/ok.js', RIGHT, {}, [])],
    log: [],
    problems: [],
    redacted: [],
  };
}

describe('the case summary', () => {
  it('is self-contained: no script, nothing loaded', () => {
    const html = renderCaseSummaryHtml(report(1));
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toMatch(/\b(src|href|srcset|action|data)\s*=/i);
  });

  it('leads with what the device rejected and got, then the verdict, the evidence, the next steps and the command', () => {
    const html = renderCaseSummaryHtml(report(1));
    const at = (s: string) => html.indexOf(s);
    expect(at('The device rejected this file')).toBeGreaterThan(0);
    expect(at('The device rejected this file')).toBeLessThan(at('Evidence line 1.'));
    expect(html).toContain('The device received FE3’s copy.');
    expect(html).toContain('Redeploy the module to FE3.');
    expect(html).toContain('not the cause of a checksum failure');
    expect(html).toContain('hash-workbench diagnose https://apps.example.com/MyApp/ --frontend FE1=10.0.0.11 --all');
    // The copies of a faulty resource with the device's judgement; samples that agree are one row.
    expect(html).toContain(`A device rejects this copy: its MD5 is ${OLD}, not ${RIGHT}.`);
    expect(html).toContain('Every other point: FE1, the public URL (3 samples)');
    expect(html).not.toContain('/MyApp/ok.js');
  });

  it('keeps to its limits and names what the full report has', () => {
    const html = renderCaseSummaryHtml(report(20));
    expect(html).toContain(`…and ${10 - SUMMARY_LIMITS.evidence} more in the full report.`);
    expect(html.match(/<div class="res">/g)).toHaveLength(SUMMARY_LIMITS.resources);
    expect(html).toContain('Faulty resources (20)');
    expect(html).toContain(`and ${20 - SUMMARY_LIMITS.resources - SUMMARY_LIMITS.named} more.`);
  });
});
